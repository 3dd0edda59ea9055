package dev.clipforge.gpu.asr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.transcript.Transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Speech-to-text by any service that speaks OpenAI's {@code POST /audio/transcriptions} with
 * {@code response_format=verbose_json} and word timestamps: OpenAI itself, or a self-hosted Whisper server.
 * Each chunk goes up as a 16 kHz mono WAV; words come back timed from the chunk's start.
 */
public final class OpenAiCompatibleSpeechToText implements SpeechToText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String apiKey;
    private final String model;
    private final Duration timeout;
    private final int parallel;
    private final HttpClient http;

    public OpenAiCompatibleSpeechToText(String baseUrl, String apiKey, String model, Duration timeout, int parallel) {
        this.endpoint = URI.create(baseUrl.replaceAll("/+$", "") + "/audio/transcriptions");
        this.apiKey = apiKey;
        this.model = model;
        this.timeout = timeout;
        this.parallel = parallel;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String name() {
        return "openai-compatible:" + model;
    }

    @Override
    public int maxParallel() {
        return parallel;
    }

    @Override
    public Recognized transcribe(float[] samples, String language) {
        String boundary = "clipforge-" + UUID.randomUUID();
        Multipart body = new Multipart(boundary)
                .field("model", model)
                .field("response_format", "verbose_json")
                .field("timestamp_granularities[]", "word");
        if (language != null && !language.isBlank()) {
            body.field("language", language);
        }
        body.file("file", "chunk.wav", "audio/wav", wav(samples));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
        if (!apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the transcription service at " + endpoint + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint, e);
        }
        if (response.statusCode() != 200) {
            String hint = response.statusCode() == 401 || response.statusCode() == 403
                    ? "; check clipforge.transcription.openai-api-key" : response.statusCode() == 404
                    ? "; check clipforge.transcription.openai-base-url (it ends in /v1) and openai-model" : "";
            throw new IllegalStateException("the transcription service answered HTTP " + response.statusCode() + hint + ": "
                    + excerpt(response.body()));
        }
        return parse(response.body(), samples.length / 16_000.0);
    }

    static Recognized parse(String body, double seconds) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the transcription service answered something that is not JSON: " + excerpt(body));
        }
        JsonNode words = root.path("words");
        String language = isoLanguage(root.path("language").asText(""));
        if (!words.isArray() || words.isEmpty()) {
            return untimed(root, language, seconds, body);
        }
        List<Transcript.Word> out = new ArrayList<>();
        for (JsonNode w : words) {
            String text = w.path("word").asText("").strip();
            double start = w.path("start").asDouble(Double.NaN);
            double end = w.path("end").asDouble(Double.NaN);
            if (text.isEmpty() || Double.isNaN(start) || Double.isNaN(end) || end < start) {
                throw new IllegalStateException("the transcription service gave a word without valid timings: " + w);
            }
            double confidence = w.has("probability") ? w.path("probability").asDouble() : 1.0;
            out.add(new Transcript.Word(text, start, end, confidence));
        }
        return new Recognized(out, language);
    }

    /**
     * A service that times only segments (or nothing): its segments, or its whole text over the chunk,
     * become phrases whose words are aligned to the audio.
     */
    private static Recognized untimed(JsonNode root, String language, double seconds, String body) {
        List<Phrase> phrases = new ArrayList<>();
        for (JsonNode s : root.path("segments")) {
            String text = s.path("text").asText("").strip();
            double start = s.path("start").asDouble(Double.NaN);
            double end = s.path("end").asDouble(Double.NaN);
            if (!text.isEmpty() && Double.isFinite(start) && Double.isFinite(end) && end > start) {
                phrases.add(new Phrase(start, end, text));
            }
        }
        String text = root.path("text").asText("").strip();
        if (phrases.isEmpty() && !text.isEmpty()) {
            phrases.add(new Phrase(0, seconds, text));
        }
        if (phrases.isEmpty() && !root.has("text")) {
            throw new IllegalStateException("the transcription service answered without text, segments or words; it "
                    + "must support response_format=verbose_json: " + excerpt(body));
        }
        return Recognized.untimed(phrases, language);
    }

    /** OpenAI names the language ("english"); transcripts carry ISO 639-1 ("en"). */
    static String isoLanguage(String name) {
        if (name.length() == 2) {
            return name.toLowerCase(Locale.ROOT);
        }
        for (String code : Locale.getISOLanguages()) {
            if (new Locale(code).getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(name)) {
                return code;
            }
        }
        return "und";
    }

    private static String excerpt(String body) {
        String s = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private static byte[] wav(float[] samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : samples) {
            pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, f)) * 32767));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(Wav.HEADER_BYTES + pcm.capacity());
        out.writeBytes(Wav.header(samples.length, 16_000));
        out.writeBytes(pcm.array());
        return out.toByteArray();
    }

    /** A multipart/form-data body: the few text fields and the one file the endpoint takes. */
    private static final class Multipart {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
