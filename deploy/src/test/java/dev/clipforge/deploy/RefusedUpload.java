package dev.clipforge.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A presigned PUT that the store is expected to refuse, spoken as HTTP/1.1 on a socket: the request head with
 * {@code Expect: 100-continue}, then the store's final answer, without sending the body. The embedded store (s3proxy
 * on Jetty) answers 100 Continue before it checks the signature and then closes the connection after its 403; a
 * client that sends the body after the 100 races that close and, about one time in ten, sees a reset instead of
 * the 403. Reading the answer before any body is sent makes the refusal observable every time.
 */
record RefusedUpload(int status, String body) {

    static RefusedUpload put(String url, String contentType, long contentLength) throws IOException {
        URI uri = URI.create(url);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "PUT " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            while (true) {
                String statusLine = line(in);
                int status = Integer.parseInt(statusLine.split(" ")[1]);
                long length = -1;
                boolean chunked = false;
                for (String header = line(in); !header.isEmpty(); header = line(in)) {
                    String name = header.substring(0, header.indexOf(':')).trim().toLowerCase();
                    String value = header.substring(header.indexOf(':') + 1).trim();
                    if (name.equals("content-length")) length = Long.parseLong(value);
                    if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) chunked = true;
                }
                if (status / 100 == 1) continue;
                if (status / 100 == 2) {
                    throw new IllegalStateException("the store accepted the upload it should refuse: " + statusLine);
                }
                return new RefusedUpload(status, chunked ? chunkedBody(in) : new String(
                        length >= 0 ? in.readNBytes((int) length) : in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private static String chunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
             size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            line(in);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("the store closed the connection mid-answer after: " + line);
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }
}
