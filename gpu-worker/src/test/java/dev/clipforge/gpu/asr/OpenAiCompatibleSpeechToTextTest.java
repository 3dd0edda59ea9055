package dev.clipforge.gpu.asr;

import com.sun.net.httpserver.HttpServer;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.config.TranscriptionSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The openai-compatible provider against a loopback stand-in for the service: what it sends (the multipart form
 * OpenAI documents, a 16 kHz WAV of the chunk), what it makes of the answer, and how it fails.
 */
class OpenAiCompatibleSpeechToTextTest {
    static final String WORDS = """
            {"task":"transcribe","language":"english","duration":1.5,"text":"hello there",
             "words":[{"word":" hello","start":0.12,"end":0.48},{"word":"there","start":0.52,"end":0.9,"probability":0.8}]}""";

    HttpServer server;
    final AtomicReference<byte[]> received = new AtomicReference<>();
    final AtomicReference<String> headers = new AtomicReference<>();
    volatile int status = 200;
    volatile String answer = WORDS;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/audio/transcriptions", exchange -> {
            received.set(exchange.getRequestBody().readAllBytes());
            headers.set(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    OpenAiCompatibleSpeechToText client(String key) {
        return new OpenAiCompatibleSpeechToText("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/", key,
                "whisper-large-v3", Duration.ofSeconds(10), 2);
    }

    @Test
    void sendsTheChunkAsAWavFormAndReadsTimedWords() throws Exception {
        float[] samples = new float[24_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / 16_000.0));
        }
        SpeechToText.Recognized r = client("sk-test").transcribe(samples, "en");

        assertThat(r.language()).isEqualTo("en");
        assertThat(r.words()).extracting(w -> w.text()).containsExactly("hello", "there");
        assertThat(r.words().get(0).start()).isEqualTo(0.12);
        assertThat(r.words().get(1).end()).isEqualTo(0.9);
        assertThat(r.words().get(1).confidence()).isEqualTo(0.8);

        assertThat(headers.get()).startsWith("POST Bearer sk-test multipart/form-data; boundary=");
        String form = new String(received.get(), StandardCharsets.ISO_8859_1);
        assertThat(form).contains("name=\"model\"\r\n\r\nwhisper-large-v3\r\n")
                .contains("name=\"response_format\"\r\n\r\nverbose_json\r\n")
                .contains("name=\"timestamp_granularities[]\"\r\n\r\nword\r\n")
                .contains("name=\"language\"\r\n\r\nen\r\n")
                .contains("name=\"file\"; filename=\"chunk.wav\"");
        // the file part is a WAV that decodes to the chunk
        int start = form.indexOf("RIFF");
        int end = form.lastIndexOf("\r\n--");
        Path wav = dir.resolve("sent.wav");
        Files.write(wav, java.util.Arrays.copyOfRange(received.get(), start, end));
        float[] sent = Wav.read(wav);
        assertThat(sent).hasSize(samples.length);
        assertThat(sent[100]).isCloseTo(samples[100], within(1e-4f));
    }

    @Test
    void noKeyMeansNoAuthorizationHeader() {
        client("").transcribe(new float[1600], null);
        assertThat(headers.get()).startsWith("POST null ");
        assertThat(new String(received.get(), StandardCharsets.ISO_8859_1)).doesNotContain("name=\"language\"");
    }

    @Test
    void serviceErrorsSayWhatToCheck() {
        status = 401;
        answer = "{\"error\":{\"message\":\"Incorrect API key provided\"}}";
        assertThatThrownBy(() -> client("wrong").transcribe(new float[1600], "en"))
                .hasMessageContaining("HTTP 401").hasMessageContaining("openai-api-key")
                .hasMessageContaining("Incorrect API key");
        status = 404;
        answer = "not found";
        assertThatThrownBy(() -> client("k").transcribe(new float[1600], "en"))
                .hasMessageContaining("HTTP 404").hasMessageContaining("openai-base-url");
    }

    @Test
    void answersWithoutWordTimingsBecomePhrasesToAlign() {
        answer = "{\"text\":\"hello there\",\"language\":\"english\",\"segments\":[{\"start\":0.2,\"end\":0.9,"
                + "\"text\":\" hello\"},{\"start\":1.1,\"end\":1.5,\"text\":\" there\"}]}";
        SpeechToText.Recognized r = client("k").transcribe(new float[32_000], "en");
        assertThat(r.needsAlignment()).isTrue();
        assertThat(r.phrases()).containsExactly(new SpeechToText.Phrase(0.2, 0.9, "hello"), new SpeechToText.Phrase(1.1, 1.5, "there"));
        assertThat(r.language()).isEqualTo("en");
        answer = "{\"text\":\"just the text\"}";
        assertThat(client("k").transcribe(new float[32_000], "en").phrases())
                .containsExactly(new SpeechToText.Phrase(0, 2.0, "just the text"));
    }

    @Test
    void malformedAnswersAreRefused() {
        answer = "{\"duration\":2.0}";
        assertThatThrownBy(() -> client("k").transcribe(new float[1600], "en"))
                .hasMessageContaining("without text, segments or words").hasMessageContaining("verbose_json");
        answer = "<html>gateway</html>";
        assertThatThrownBy(() -> client("k").transcribe(new float[1600], "en")).hasMessageContaining("not JSON");
        answer = "{\"words\":[{\"word\":\"x\",\"start\":2.0,\"end\":1.0}]}";
        assertThatThrownBy(() -> client("k").transcribe(new float[1600], "en")).hasMessageContaining("valid timings");
    }

    @Test
    void anUnreachableServiceNamesItsAddress() {
        server.stop(0);
        assertThatThrownBy(() -> client("k").transcribe(new float[1600], "en"))
                .hasMessageContaining("cannot be reached").hasMessageContaining("/v1/audio/transcriptions");
    }

    @Test
    void settingsRefuseUnknownProvidersAndAMissingUrl() {
        assertThatThrownBy(() -> settings("whisper", "")).hasMessageContaining("sphinx, whisper-cpp or openai-compatible")
                .hasMessageContaining("CLIPFORGE_TRANSCRIPTION_PROVIDER");
        assertThatThrownBy(() -> settings("openai-compatible", "")).hasMessageContaining("CLIPFORGE_TRANSCRIPTION_OPENAIBASEURL");
        assertThat(settings("openai-compatible", "http://whisper:8000/v1").provider()).isEqualTo("openai-compatible");
    }

    static TranscriptionSettings settings(String provider, String url) {
        return new TranscriptionSettings(provider, 0, 30, 0.25, 5000, Duration.ofSeconds(60), url, "", "whisper-1",
                Duration.ofSeconds(120));
    }

    @Test
    void languageNamesBecomeIsoCodes() {
        assertThat(OpenAiCompatibleSpeechToText.isoLanguage("english")).isEqualTo("en");
        assertThat(OpenAiCompatibleSpeechToText.isoLanguage("German")).isEqualTo("de");
        assertThat(OpenAiCompatibleSpeechToText.isoLanguage("fr")).isEqualTo("fr");
        assertThat(OpenAiCompatibleSpeechToText.isoLanguage("klingon")).isEqualTo("und");
    }
}
