package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.suggest.llm.ChatStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole stack with a language model configured to rerank suggestions; the model is a loopback service
 * speaking OpenAI's chat-completions format, the rest (ingest, speech-to-text, the suggest activity, the
 * suggestions table and API) is real.
 */
class SuggestionRerankTest {

    @Test
    void aConfiguredModelTitlesTheSuggestionsAHealthCheckNamesIt(@TempDir Path dataDir) throws Exception {
        try (ChatStub model = new ChatStub();
             Stack stack = Stack.start(dataDir, "--clipforge.suggest.llm.provider=openai-compatible",
                     "--clipforge.suggest.llm.base-url=" + model.openAiBaseUrl(), "--clipforge.suggest.llm.model=stub-model",
                     "--clipforge.suggest.llm.api-key=sk-test")) {
            model.then(ChatStub.openAiAnswer("""
                    {"ranking": [{"id": "m1", "title": "Picked by the model", "hook": "A hook the model wrote.",
                                  "reason": "The model liked it."}]}"""));
            stack.awaitHealthy(Duration.ofSeconds(90));
            Api api = new Api(stack);
            JsonNode health = api.get("/v1/health", 200);
            assertThat(health.path("checks").path("suggestions").path("detail").asText())
                    .contains("all-MiniLM-L6-v2").contains("openai-compatible stub-model");

            String asset = api.upload(api.createProject("reranked"), TestVideos.podcast().file()).path("asset_id").asText();
            String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                    "target", Map.of("min_duration_seconds", 8, "max_duration_seconds", 20)), 201).path("clip_id").asText();
            JsonNode suggested = api.awaitClip(clip, c -> c.path("source").path("suggestions_status").asText().equals("ready"),
                    Duration.ofMinutes(5));
            api.postJson("/v1/clips/" + clip + "/cancel", Map.of(), 200);

            JsonNode first = api.get("/v1/assets/" + asset + "/suggestions", 200).path("items").get(0);
            assertThat(first.path("title").asText()).isEqualTo("Picked by the model");
            assertThat(first.path("hook").asText()).isEqualTo("A hook the model wrote.");
            assertThat(first.path("reason").asText()).isEqualTo("The model liked it.");
            assertThat(first.path("end_seconds").asDouble() - first.path("start_seconds").asDouble()).isBetween(8.0, 20.0);
            assertThat(suggested.path("selection").path("alternatives").get(0).path("title").asText())
                    .isEqualTo("Picked by the model");
            assertThat(model.requests()).hasSize(1);
            assertThat(model.requests().get(0).authorization()).isEqualTo("Bearer sk-test");
            assertThat(model.requests().get(0).body()).contains("id: m1");
        }
    }
}
