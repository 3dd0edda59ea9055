package dev.clipforge.activities.suggest;

import dev.clipforge.activities.suggest.llm.ChatStub;
import dev.clipforge.activities.suggest.llm.LlmReranker;
import dev.clipforge.activities.suggest.llm.RequestSpacing;
import dev.clipforge.common.config.SuggestLlmSettings;
import dev.clipforge.common.config.SuggestSettings;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;
import dev.clipforge.workflows.stages.SuggestActivities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Suggestions with the language model switched on, the model being a loopback OpenAI-compatible stub. */
class LlmRerankedSuggestionsTest {
    private ChatStub stub;
    private SuggestLlmSettings settings;

    @BeforeEach
    void start() throws Exception {
        stub = new ChatStub();
        settings = new SuggestLlmSettings(SuggestLlmSettings.OPENAI_COMPATIBLE, stub.openAiBaseUrl(), "", "stub-model", 4, 600,
                Duration.ofSeconds(20), 2, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private SuggestionEngine.Ranking rank(Transcript t) {
        SuggestionEngine engine = new SuggestionEngine(SuggestionEngineTest.WEIGHTS, 0.3, MiniLmSentenceEmbedder.INSTANCE,
                LlmReranker.of(settings, new RequestSpacing(settings.requestsPerMinute())));
        return engine.rank("ast_test", 1, t, null, 0.05, t.durationSeconds(), 10, 30, 3, () -> {
        });
    }

    @Test
    void theModelsOrderAndWordsAreUsedOnTheEnginesOwnWindows() {
        Transcript t = SuggestionEngineTest.threeTopics();
        List<Suggestion> plain = new SuggestionEngine(SuggestionEngineTest.WEIGHTS, 0.3).suggest("ast_test", 1, t, null, 0.05,
                t.durationSeconds(), 10, 30, 4);
        stub.then(ChatStub.openAiAnswer("""
                {"ranking": [
                  {"id": "m4", "title": "Why the rover's wheels tore", "hook": "Sharp rocks nearly ended the mission.", "reason": "A setback with a fix."},
                  {"id": "m2", "title": "Bake it darker", "hook": "Most beginners bake their bread too pale.", "reason": "Advice people act on."}
                ]}"""));

        SuggestionEngine.Ranking ranked = rank(t);

        assertThat(ranked.reranked()).isTrue();
        List<Suggestion> out = ranked.suggestions();
        assertThat(out).hasSize(3);
        assertThat(out).extracting(Suggestion::title).containsExactly("Why the rover's wheels tore", "Bake it darker",
                plain.get(0).title());
        assertThat(out.get(0).hook()).isEqualTo("Sharp rocks nearly ended the mission.");
        assertThat(out.get(0).reason()).isEqualTo("A setback with a fix.");
        // the fourth-best moment by features, with its window and score untouched, now first
        assertThat(out.get(0).suggestionId()).isEqualTo(plain.get(3).suggestionId());
        assertThat(out.get(0).startSeconds()).isEqualTo(plain.get(3).startSeconds());
        assertThat(out.get(0).endSeconds()).isEqualTo(plain.get(3).endSeconds());
        assertThat(out.get(0).score()).isEqualTo(plain.get(3).score());
        assertThat(out.get(1).suggestionId()).isEqualTo(plain.get(1).suggestionId());
        assertThat(out.get(2).suggestionId()).isEqualTo(plain.get(0).suggestionId());
        assertThat(stub.requests()).hasSize(1);
        assertThat(stub.requests().get(0).body()).contains("id: m4").doesNotContain("id: m5");
        assertThat(stub.requests().get(0).authorization()).as("no key set, none sent").isNull();
    }

    @Test
    void aModelThatInventsATimeRangeChangesNothing() {
        Transcript t = SuggestionEngineTest.threeTopics();
        List<Suggestion> plain = new SuggestionEngine(SuggestionEngineTest.WEIGHTS, 0.3).suggest("ast_test", 1, t, null, 0.05,
                t.durationSeconds(), 10, 30, 3);
        stub.then(ChatStub.openAiAnswer("""
                {"ranking": [{"id": "m1", "title": "Everything", "hook": "h", "reason": "r", "start": 0, "end": 9999}]}"""));

        SuggestionEngine.Ranking ranked = rank(t);

        assertThat(ranked.reranked()).isFalse();
        assertThat(ranked.warnings()).singleElement().asString().contains("'start'");
        assertThat(ranked.suggestions()).isEqualTo(plain);
    }

    @Test
    void theCacheKeyNamesTheModelSoSwitchingItAsksAgain() {
        SuggestActivities.Request request = new SuggestActivities.Request("ast_1", 1, null, null, 15, 60, 5);
        SuggestSettings defaults = SuggestSettings.defaults();

        String plain = new SuggestActivitiesImpl(null, null, null, defaults, MomentReranker.NONE, null, null).parameters(request);
        String withModel = new SuggestActivitiesImpl(null, null, null, defaults,
                LlmReranker.of(settings, new RequestSpacing(60)), null, null).parameters(request);
        SuggestLlmSettings other = new SuggestLlmSettings(SuggestLlmSettings.OPENAI_COMPATIBLE, stub.openAiBaseUrl(), "",
                "another-model", 4, 600, Duration.ofSeconds(20), 2, Duration.ofMillis(100));
        String withOther = new SuggestActivitiesImpl(null, null, null, defaults,
                LlmReranker.of(other, new RequestSpacing(60)), null, null).parameters(request);

        assertThat(plain).startsWith("15.0-60.0-5-").doesNotContain("llm");
        assertThat(withModel).startsWith(plain).contains("llm");
        assertThat(withOther).startsWith(plain).isNotEqualTo(withModel);
    }
}
