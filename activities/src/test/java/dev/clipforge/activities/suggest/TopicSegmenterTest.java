package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Topic boundaries from the in-process MiniLM model, on sentences whose subjects the test chose. */
class TopicSegmenterTest {

    private static TopicSegmenter.Topics topics(Transcript t, double minSeconds) {
        float[][] vectors = MiniLmSentenceEmbedder.INSTANCE.embed(t.segments().stream().map(Transcript.Segment::text).toList());
        return TopicSegmenter.segment(new SentenceSpace(vectors), t.segments(), minSeconds);
    }

    @Test
    void twoTopicsJoinedGiveOneBoundaryAtTheJoin() {
        Transcript t = new Talk().say(Talk.BREAD).say(Talk.SPACE).transcript();

        TopicSegmenter.Topics topics = topics(t, 10);

        assertThat(topics.boundaries()).containsExactly(Talk.BREAD.length);
        assertThat(topics.topics()).containsExactly(new TopicSegmenter.Topic(0, 7), new TopicSegmenter.Topic(8, 15));
        // the join is the deepest dip, and the blocks either side of it are far less alike than blocks within a topic
        int deepest = 1;
        for (int g = 1; g < topics.depth().length; g++) {
            deepest = topics.depth()[g] > topics.depth()[deepest] ? g : deepest;
        }
        assertThat(deepest).isEqualTo(Talk.BREAD.length);
        assertThat(topics.similarity()[Talk.BREAD.length]).isLessThan(topics.similarity()[4] - 0.2);
    }

    @Test
    void threeTopicsInTurnGiveTwoBoundaries() {
        String[] bread = Talk.BREAD;
        String[] space = Talk.SPACE;
        Transcript t = new Talk().say(List.of(bread).subList(0, 6).toArray(String[]::new))
                .say(List.of(space).subList(0, 6).toArray(String[]::new))
                .say(List.of(bread).subList(2, 8).toArray(String[]::new)).transcript();

        assertThat(topics(t, 10).boundaries()).containsExactly(6, 12);
    }

    @Test
    void theSameSentencesGiveTheSameTopicsEveryTime() {
        Transcript t = new Talk().say(Talk.SPACE).say(Talk.BREAD).say("Thanks for listening, see you next week.").transcript();

        TopicSegmenter.Topics first = topics(t, 10);
        TopicSegmenter.Topics second = topics(t, 10);

        assertThat(second.topics()).isEqualTo(first.topics());
        assertThat(second.similarity()).containsExactly(first.similarity());
        assertThat(second.depth()).containsExactly(first.depth());
    }

    @Test
    void aTopicTooShortForAClipJoinsTheNeighbourItIsLeastApartFrom() {
        // the sign-off is a topic of its own, but 2 s long: no clip fits in it
        Transcript t = new Talk().say(Talk.BREAD).say(Talk.SPACE).say("Thanks for listening, see you next week.").transcript();

        TopicSegmenter.Topics topics = topics(t, 10);

        assertThat(topics.topics()).hasSize(2);
        assertThat(topics.topics().get(1).last()).isEqualTo(t.segments().size() - 1);
        for (TopicSegmenter.Topic topic : topics.topics()) {
            assertThat(t.segments().get(topic.last()).end() - t.segments().get(topic.first()).start()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void whenNoTopicIsLongEnoughForAClipTheTranscriptIsOneTopic() {
        Transcript t = new Talk().say(Talk.BREAD).say(Talk.SPACE).transcript();

        TopicSegmenter.Topics topics = topics(t, t.durationSeconds() * 0.6);

        assertThat(topics.topics()).containsExactly(new TopicSegmenter.Topic(0, t.segments().size() - 1));
    }

    @Test
    void oneOrTwoSentencesAreOneTopic() {
        for (Transcript t : Stream.of(new Talk().say(Talk.BREAD[0]), new Talk().say(Talk.BREAD[0], Talk.SPACE[0]))
                .map(Talk::transcript).toList()) {
            assertThat(topics(t, 1).topics()).containsExactly(new TopicSegmenter.Topic(0, t.segments().size() - 1));
        }
    }
}
