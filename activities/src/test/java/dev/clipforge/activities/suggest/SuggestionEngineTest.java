package dev.clipforge.activities.suggest;

import dev.clipforge.common.config.SuggestSettings;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on transcripts whose topics the test chose, with the in-process embedding model. */
class SuggestionEngineTest {
    static final Map<String, Double> WEIGHTS = SuggestSettings.defaults().weights();

    /** Bread, then space, then bread again: two joins a clip should not straddle. */
    static Transcript threeTopics() {
        return new Talk().say(Talk.BREAD).say(Talk.SPACE).say(Talk.BREAD[2], Talk.BREAD[0], Talk.BREAD[6], Talk.BREAD[4],
                Talk.BREAD[7]).transcript();
    }

    private static List<Suggestion> suggest(SuggestionEngine engine, Transcript t) {
        return engine.suggest("ast_test", 1, t, null, 0.05, t.durationSeconds(), 10, 30, 5);
    }

    @Test
    void theSameTranscriptGetsTheSameSuggestions() {
        Transcript t = threeTopics();

        List<Suggestion> first = suggest(new SuggestionEngine(WEIGHTS, 0.3), t);
        List<Suggestion> again = suggest(new SuggestionEngine(WEIGHTS, 0.3), t);
        List<Suggestion> copy = suggest(new SuggestionEngine(WEIGHTS, 0.3), new Transcript(t.analysisVersion(), t.language(),
                t.provider(), t.durationSeconds(), new ArrayList<>(t.words()), new ArrayList<>(t.segments()),
                new ArrayList<>(t.speech()), new ArrayList<>(t.pauses())));

        assertThat(first).hasSizeGreaterThanOrEqualTo(3);
        assertThat(again).isEqualTo(first);
        assertThat(copy).isEqualTo(first);
    }

    @Test
    void everySuggestionStaysInsideOneTopic() {
        Transcript t = threeTopics();
        double firstJoin = t.segments().get(Talk.BREAD.length).start();
        double secondJoin = t.segments().get(Talk.BREAD.length + Talk.SPACE.length).start();

        List<Suggestion> found = suggest(new SuggestionEngine(WEIGHTS, 0.3), t);

        assertThat(found).isNotEmpty();
        for (Suggestion s : found) {
            for (double join : List.of(firstJoin, secondJoin)) {
                assertThat(s.startSeconds() >= join - 0.5 || s.endSeconds() <= join)
                        .as("%s..%s straddles the change of topic at %s", s.startSeconds(), s.endSeconds(), join).isTrue();
            }
            assertThat(s.durationSeconds()).isBetween(10.0, 30.0);
            assertThat(s.scoreBreakdown()).containsKeys("coherence", "completeness");
        }
    }

    @Test
    void coherenceIsHigherForAWindowOnOneSubjectThanForOneAcrossTwo() {
        Transcript t = new Talk().say(Talk.BREAD).say(Talk.SPACE).transcript();
        float[][] vectors = MiniLmSentenceEmbedder.INSTANCE.embed(t.segments().stream().map(Transcript.Segment::text).toList());
        SentenceSpace space = new SentenceSpace(vectors);
        Features features = new Features(t, null, 0.05, space, TopicSegmenter.segment(space, t.segments(), 10));

        double bread = features.coherence(window(t, 1, 5));
        double mars = features.coherence(window(t, 9, 13));
        double across = features.coherence(window(t, 5, 9));

        assertThat(bread).isGreaterThan(across + 0.3);
        assertThat(mars).isGreaterThan(across + 0.3);
        assertThat(across).isBetween(0.0, 1.0);
    }

    private static SuggestionEngine.Candidate window(Transcript t, int first, int last) {
        return new SuggestionEngine.Candidate(first, last, t.segments().get(first).start(), t.segments().get(last).end(), true);
    }

    @Test
    void aRerankerReordersAndRetitlesButEveryWindowStaysOneTheEngineCut() {
        Transcript t = threeTopics();
        List<Suggestion> plain = suggest(new SuggestionEngine(WEIGHTS, 0.3), t);
        List<List<MomentReranker.Moment>> shown = new ArrayList<>();
        MomentReranker lastFirst = new FixedReranker(3, moments -> {
            shown.add(moments);
            return new MomentReranker.Reranking(List.of(
                    new MomentReranker.Pick("m3", "Third", "Hook three", "Why three"),
                    new MomentReranker.Pick("m99", "Invented", "Not shown", "No such moment"),
                    new MomentReranker.Pick("m1", "First", "Hook one", "Why one")), true, List.of());
        });

        SuggestionEngine.Ranking ranked = new SuggestionEngine(WEIGHTS, 0.3, MiniLmSentenceEmbedder.INSTANCE, lastFirst)
                .rank("ast_test", 1, t, null, 0.05, t.durationSeconds(), 10, 30, 5, () -> {
                });

        assertThat(ranked.reranked()).isTrue();
        assertThat(shown.get(0)).extracting(MomentReranker.Moment::id).containsExactly("m1", "m2", "m3");
        assertThat(shown.get(0).get(0).startSeconds()).isEqualTo(plain.get(0).startSeconds(), org.assertj.core.data.Offset.offset(1e-3));
        List<Suggestion> out = ranked.suggestions();
        assertThat(out).extracting(Suggestion::title).startsWith("Third", "First");
        assertThat(out.get(0).startSeconds()).isEqualTo(plain.get(2).startSeconds());
        assertThat(out.get(0).endSeconds()).isEqualTo(plain.get(2).endSeconds());
        assertThat(out.get(1).suggestionId()).isEqualTo(plain.get(0).suggestionId());
        // the moment it left out keeps its place after the picks, with the engine's own words
        assertThat(out.get(2).suggestionId()).isEqualTo(plain.get(1).suggestionId());
        assertThat(out.get(2).title()).isEqualTo(plain.get(1).title());
        assertThat(out).extracting(Suggestion::rank).containsExactly(1, 2, 3, 4, 5);
        assertThat(out).extracting(Suggestion::suggestionId).containsExactlyInAnyOrderElementsOf(
                plain.stream().map(Suggestion::suggestionId).toList());
    }

    @Test
    void aRerankerThatFailedLeavesTheSuggestionsAsTheFeaturesRankedThem() {
        Transcript t = threeTopics();
        List<Suggestion> plain = suggest(new SuggestionEngine(WEIGHTS, 0.3), t);
        MomentReranker failing = new FixedReranker(10, moments -> MomentReranker.Reranking.unchanged(List.of("HTTP 401")));

        SuggestionEngine.Ranking ranked = new SuggestionEngine(WEIGHTS, 0.3, MiniLmSentenceEmbedder.INSTANCE, failing)
                .rank("ast_test", 1, t, null, 0.05, t.durationSeconds(), 10, 30, 5, () -> {
                });

        assertThat(ranked.reranked()).isFalse();
        assertThat(ranked.warnings()).containsExactly("HTTP 401");
        assertThat(ranked.suggestions()).isEqualTo(plain);
    }

    @Test
    void withoutSpeechTheWindowsAreLaidOutByTime() {
        Transcript silent = new Transcript(1, "en", "test", 100, List.of(), List.of(), List.of(), List.of());

        List<Suggestion> found = new SuggestionEngine(WEIGHTS, 0.3).suggest("ast_test", 1, silent, null, 0.05, 100, 10, 30, 5);

        assertThat(found).extracting(Suggestion::startSeconds).containsExactly(0.0, 30.0, 60.0);
    }

    /** A reranker whose answer the test writes. */
    private record FixedReranker(int topK, java.util.function.Function<List<Moment>, Reranking> answer)
            implements MomentReranker {
        @Override
        public String identity() {
            return "fixed";
        }

        @Override
        public Reranking rerank(List<Moment> moments, Runnable stillAlive) {
            return answer.apply(moments);
        }
    }
}
