package dev.clipforge.deploy;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on loopback serving what URL-ingest tests fetch. Tests reach it as {@code localhost},
 * the name the shared stack's allow-list opens; its address 127.0.0.1 stays blocked.
 */
public final class MediaServer implements AutoCloseable {
    private final HttpServer server;
    public final AtomicInteger videoRequests = new AtomicInteger();

    public MediaServer(Path video) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/video.mp4", exchange -> {
            videoRequests.incrementAndGet();
            byte[] bytes = Files.readAllBytes(video);
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/page.mp4", exchange -> {
            byte[] html = "<!DOCTYPE html><html><body>This video is unavailable</body></html>".getBytes();
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(html);
            }
        });
        server.createContext("/to-private", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/video.mp4");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/video.mp4");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        server.createContext("/endless.mp4", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[1 << 20];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 10_000; i++) {
                    out.write(chunk);
                }
            } catch (IOException closedByClient) {
                // the fetcher hung up once it passed the size cap
            }
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url(String path) {
        return "http://localhost:" + port() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
