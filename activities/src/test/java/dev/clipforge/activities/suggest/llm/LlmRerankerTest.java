package dev.clipforge.activities.suggest.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.suggest.MomentReranker;
import dev.clipforge.common.config.SuggestLlmSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The language-model reranker against a loopback service speaking OpenAI's (and Ollama's) wire format. */
class LlmRerankerTest {
    static final Duration BACKOFF = Duration.ofMillis(200);
    static final List<MomentReranker.Moment> MOMENTS = List.of(
            new MomentReranker.Moment("m1", 12.0, 40.5, "Good bread starts with flour, water, salt and patience."),
            new MomentReranker.Moment("m2", 61.2, 88.0, "The rover landed in a crater on Mars after seven months."),
            new MomentReranker.Moment("m3", 95.0, 120.0, "Sharp rocks tore holes in the rover's wheels."));

    private ChatStub stub;

    @BeforeEach
    void start() throws Exception {
        stub = new ChatStub();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private LlmReranker openAi(int requestsPerMinute) {
        return LlmReranker.of(settings(SuggestLlmSettings.OPENAI_COMPATIBLE, stub.openAiBaseUrl(), requestsPerMinute),
                new RequestSpacing(requestsPerMinute));
    }

    private static SuggestLlmSettings settings(String provider, String baseUrl, int requestsPerMinute) {
        return new SuggestLlmSettings(provider, baseUrl, "sk-test", "stub-model", 10, requestsPerMinute,
                Duration.ofSeconds(20), 3, BACKOFF);
    }

    private static String entry(String id, String title) {
        return "{\"id\": \"" + id + "\", \"title\": \"" + title + "\", \"hook\": \"Hook of " + title
                + "\", \"reason\": \"Reason for " + title + "\"}";
    }

    private MomentReranker.Reranking rerank(LlmReranker reranker) {
        return reranker.rerank(MOMENTS, () -> {
        });
    }

    @Test
    void aWellFormedAnswerReordersAndTitlesTheMoments() throws Exception {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m2", "Mars rover lands") + ", " + entry("m1", "Bread basics")
                + "]}"));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isTrue();
        assertThat(r.warnings()).isEmpty();
        assertThat(r.picks()).containsExactly(
                new MomentReranker.Pick("m2", "Mars rover lands", "Hook of Mars rover lands", "Reason for Mars rover lands"),
                new MomentReranker.Pick("m1", "Bread basics", "Hook of Bread basics", "Reason for Bread basics"));
        assertThat(stub.requests()).hasSize(1);
        ChatStub.Request request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        JsonNode body = ChatStub.JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("stub-model");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        String prompt = body.path("messages").toString();
        for (MomentReranker.Moment m : MOMENTS) {
            assertThat(prompt).contains("id: " + m.id()).contains(m.text());
        }
    }

    @Test
    void malformedJsonIsRejectedAndNotAskedAgain() {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m2", "Cut off")));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.picks()).isEmpty();
        assertThat(r.warnings()).singleElement().asString().contains("not JSON").contains("features' ranking");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void anAnswerThatGivesItsOwnTimeRangeIsRejected() {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [{\"id\": \"m1\", \"title\": \"Longer\", \"hook\": \"h\", "
                + "\"reason\": \"r\", \"start_seconds\": 5.0, \"end_seconds\": 300.0}]}"));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("start_seconds");
    }

    @Test
    void entriesNamingMomentsItWasNotShownAreDroppedAndTheRestStands() {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m7", "Invented") + ", " + entry("m3", "Torn wheels") + ", "
                + entry("m3", "Twice") + ", " + entry("12.0-40.5", "By time") + "]}"));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isTrue();
        assertThat(r.picks()).extracting(MomentReranker.Pick::id).containsExactly("m3");
        assertThat(r.picks().get(0).title()).isEqualTo("Torn wheels");
        assertThat(r.warnings()).hasSize(3);
        assertThat(String.join("\n", r.warnings())).contains("'m7'").contains("m3 again").contains("'12.0-40.5'");
    }

    @Test
    void anAnswerNamingOnlyMomentsItWasNotShownIsRejected() {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m9", "Invented") + "]}"));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("ranks none of the moments");
    }

    @Test
    void anAnswerWithAMissingFieldOrAWrongTypeIsRejected() {
        stub.then(ChatStub.openAiAnswer("{\"ranking\": [{\"id\": \"m1\", \"title\": \"No reason\", \"hook\": \"h\"}]}"))
                .then(ChatStub.openAiAnswer("{\"ranking\": [{\"id\": \"m1\", \"title\": 5, \"hook\": \"h\", \"reason\": \"r\"}]}"))
                .then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m1", "Trailing") + "]} and more"));
        LlmReranker reranker = openAi(600);

        MomentReranker.Reranking missing = rerank(reranker);
        MomentReranker.Reranking wrongType = rerank(reranker);
        MomentReranker.Reranking trailing = rerank(reranker);

        assertThat(missing.applied()).isFalse();
        assertThat(missing.warnings().get(0)).contains("lacks the field 'reason'");
        assertThat(wrongType.applied()).isFalse();
        assertThat(wrongType.warnings().get(0)).contains("'title' is not text");
        assertThat(trailing.applied()).isFalse();
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aContentPolicyRefusalIsNotRetried() {
        stub.then(ChatStub.openAiError(400, "invalid_request_error", "content_policy_violation",
                "Your request was rejected as a result of our safety system."));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("refused").contains("400");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aRefusalInWordsIsRejected() {
        stub.then(ChatStub.openAiAnswer("I'm sorry, but I can't help with that."));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("not JSON").contains("I can't help");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aContentFilterStopIsARefusal() {
        stub.then(ChatStub.openAiAnswer("", "content_filter"));

        MomentReranker.Reranking r = rerank(openAi(600));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("content filter");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void aWrongKeyOrModelIsNotRetried() {
        stub.then(ChatStub.openAiError(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided."))
                .then(ChatStub.openAiError(404, "invalid_request_error", "model_not_found", "The model does not exist."));
        LlmReranker reranker = openAi(600);

        MomentReranker.Reranking unauthorized = rerank(reranker);
        MomentReranker.Reranking noModel = rerank(reranker);

        assertThat(unauthorized.warnings().get(0)).contains("401");
        assertThat(noModel.warnings().get(0)).contains("404");
        assertThat(List.of(unauthorized.applied(), noModel.applied())).containsOnly(false);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void rateLimitedThenAnsweredIsRetriedAfterABackoff() {
        stub.then(ChatStub.openAiError(429, "requests", "rate_limit_exceeded", "Rate limit reached, try again."))
                .then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m3", "Torn wheels") + "]}"));

        MomentReranker.Reranking r = rerank(openAi(6000));

        assertThat(r.applied()).isTrue();
        assertThat(r.picks()).extracting(MomentReranker.Pick::id).containsExactly("m3");
        List<ChatStub.Request> requests = stub.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos()).isGreaterThanOrEqualTo(BACKOFF.toNanos());
    }

    @Test
    void serverErrorsAreRetriedUntilTheTriesRunOutWithADoublingBackoff() {
        for (int i = 0; i < 3; i++) {
            stub.then(ChatStub.openAiError(503, "server_error", "overloaded", "The server is overloaded."));
        }

        MomentReranker.Reranking r = rerank(openAi(6000));

        assertThat(r.applied()).isFalse();
        assertThat(r.warnings()).singleElement().asString().contains("failed 3 times").contains("503");
        List<ChatStub.Request> requests = stub.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.get(1).arrivedNanos() - requests.get(0).arrivedNanos()).isGreaterThanOrEqualTo(BACKOFF.toNanos());
        assertThat(requests.get(2).arrivedNanos() - requests.get(1).arrivedNanos()).isGreaterThanOrEqualTo(2 * BACKOFF.toNanos());
    }

    @Test
    void requestsFromConcurrentRunsAreSpacedByTheSharedQueue() throws Exception {
        for (int i = 0; i < 4; i++) {
            stub.then(ChatStub.openAiAnswer("{\"ranking\": [" + entry("m1", "Bread basics") + "]}"));
        }
        int perMinute = 60;
        RequestSpacing spacing = new RequestSpacing(perMinute);
        SuggestLlmSettings s = settings(SuggestLlmSettings.OPENAI_COMPATIBLE, stub.openAiBaseUrl(), perMinute);
        // two rerankers, as two activities in one worker would use, sharing the process's one queue
        List<LlmReranker> rerankers = List.of(LlmReranker.of(s, spacing), LlmReranker.of(s, spacing));
        ExecutorService runs = Executors.newFixedThreadPool(4);
        try {
            List<Future<MomentReranker.Reranking>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                LlmReranker reranker = rerankers.get(i % 2);
                results.add(runs.submit(() -> rerank(reranker)));
            }
            for (Future<MomentReranker.Reranking> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS).applied()).isTrue();
            }
        } finally {
            runs.shutdownNow();
        }

        List<Long> arrivals = stub.requests().stream().map(ChatStub.Request::arrivedNanos).sorted(Comparator.naturalOrder())
                .toList();
        assertThat(arrivals).hasSize(4);
        long interval = TimeUnit.MINUTES.toNanos(1) / perMinute;
        for (int i = 1; i < arrivals.size(); i++) {
            // spaced by the interval, less what one request's trip may vary by on a busy machine
            assertThat(arrivals.get(i) - arrivals.get(i - 1)).as("gap before request %d", i + 1)
                    .isGreaterThan(interval * 8 / 10);
        }
    }

    @Test
    void ollamaIsAskedOnItsOwnWireFormat() throws Exception {
        stub.then(ChatStub.ollamaAnswer("{\"ranking\": [" + entry("m2", "Mars rover lands") + "]}"));
        SuggestLlmSettings s = settings(SuggestLlmSettings.OLLAMA, stub.ollamaBaseUrl(), 600);

        MomentReranker.Reranking r = rerank(LlmReranker.of(s, new RequestSpacing(600)));

        assertThat(r.applied()).isTrue();
        assertThat(r.picks()).extracting(MomentReranker.Pick::title).containsExactly("Mars rover lands");
        ChatStub.Request request = stub.requests().get(0);
        assertThat(request.path()).isEqualTo("/api/chat");
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        JsonNode body = ChatStub.JSON.readTree(request.body());
        assertThat(body.path("model").asText()).isEqualTo("stub-model");
        assertThat(body.path("format").asText()).isEqualTo("json");
    }
}
