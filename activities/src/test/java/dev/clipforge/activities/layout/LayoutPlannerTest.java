package dev.clipforge.activities.layout;

import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's decisions on timelines made to call for them (1280x720, one 8 s shot, faces sampled at 5 fps). */
class LayoutPlannerTest {
    static final double SECONDS = 8;
    final LayoutPlanner planner = new LayoutPlanner();

    @Test
    void talkingHeadsThatOnlyALetterboxCanShowAreRejectedUnderAuto() {
        // three people in a row and none of them speaking: no split pair, no one to focus on
        VisualTimeline group = timeline(t -> List.of(face(1, 200, 0.1), face(2, 580, 0.1), face(3, 960, 0.1)));
        assertThat(group.talkingHead()).isTrue();
        LayoutPlanner.Plan plan = planner.plan(group, 0, SECONDS, LayoutPlanner.Preference.AUTO);
        assertThat(plan.doc().appliedMode()).isEqualTo("wide");
        assertThat(plan.rejected()).as("letterbox_rejected").isTrue();
        assertThat(plan.doc().fallbackUsed()).isTrue();
        assertThat(plan.doc().warnings()).anyMatch(w -> w.contains("no clear speaker"))
                .anyMatch(w -> w.contains("talking-head content") && w.contains("100% of the window could only be letterboxed"));

        LayoutPlanner.Plan focused = planner.plan(group, 0, SECONDS, LayoutPlanner.Preference.FOCUS);
        assertThat(focused.rejected()).as("a preference the content allows is not rejected").isFalse();
        assertThat(focused.doc().appliedMode()).isEqualTo("focus");
        assertThat(focused.doc().fallbackUsed()).isFalse();
    }

    @Test
    void contentThatIsNotTalkingHeadsMayBeLetterboxed() {
        VisualTimeline scenery = timeline(t -> t < 2 ? List.of(face(1, 600, 0.1)) : List.of());
        assertThat(scenery.talkingHead()).isFalse();
        LayoutPlanner.Plan plan = planner.plan(scenery, 0, SECONDS, LayoutPlanner.Preference.AUTO);
        assertThat(plan.doc().appliedMode()).isEqualTo("wide");
        assertThat(plan.rejected()).isFalse();
        assertThat(plan.doc().fallbackUsed()).isTrue();
    }

    @Test
    void preferSplitWithOnePersonFocusesAndSaysSo() {
        VisualTimeline alone = timeline(t -> List.of(face(1, 560, 0.9)));
        LayoutDoc doc = planner.plan(alone, 0, SECONDS, LayoutPlanner.Preference.SPLIT).doc();
        assertThat(doc.appliedMode()).isEqualTo("focus");
        assertThat(doc.fallbackUsed()).as("split was asked for and not given").isTrue();
        assertThat(doc.warnings()).containsExactly("split preferred, but only one person is in the shot at 0.0-8.0 s: focus");

        LayoutDoc pair = planner.plan(timeline(t -> List.of(face(1, 260, 0.9), face(2, 860, 0.1))), 0, SECONDS,
                LayoutPlanner.Preference.SPLIT).doc();
        assertThat(pair.appliedMode()).as("two people: split, even if one is silent").isEqualTo("split");
        assertThat(pair.fallbackUsed()).isFalse();
        assertThat(pair.warnings()).isEmpty();
    }

    @Test
    void autoWithTwoSpeakersSplitsAndWithOneFocusesWithoutCallingItAFallback() {
        VisualTimeline turns = timeline(t -> {
            boolean left = ((int) (t / 2)) % 2 == 0;
            return List.of(face(1, 260, left ? 0.9 : 0.1), face(2, 860, left ? 0.1 : 0.9));
        });
        LayoutDoc split = planner.plan(turns, 0, SECONDS, LayoutPlanner.Preference.AUTO).doc();
        assertThat(split.appliedMode()).isEqualTo("split");
        assertThat(split.segments().get(0).panels()).extracting(LayoutDoc.Panel::track).containsExactly(1, 2);
        assertThat(split.fallbackUsed()).isFalse();

        LayoutDoc focus = planner.plan(timeline(t -> List.of(face(1, 560, 0.9))), 0, SECONDS, LayoutPlanner.Preference.AUTO).doc();
        assertThat(focus.appliedMode()).isEqualTo("focus");
        assertThat(focus.fallbackUsed()).isFalse();
        assertThat(focus.warnings()).isEmpty();
    }

    interface Faces {
        List<VisualTimeline.TrackedFace> at(double t);
    }

    /** A 160x160 face whose left edge is at {@code x} (pixels of 1280x720), speaking with {@code p}. */
    static VisualTimeline.TrackedFace face(int track, double x, double p) {
        return new VisualTimeline.TrackedFace(track, new Box(x / 1280, 200 / 720.0, 160 / 1280.0, 160 / 720.0), 0.9, 0, 0, p);
    }

    static VisualTimeline timeline(Faces faces) {
        List<VisualTimeline.Sample> samples = new ArrayList<>();
        int withFaces = 0;
        for (int i = 0; i < SECONDS * 5; i++) {
            List<VisualTimeline.TrackedFace> at = faces.at(i / 5.0);
            samples.add(new VisualTimeline.Sample(i / 5.0, at));
            withFaces += at.isEmpty() ? 0 : 1;
        }
        double coverage = withFaces / (double) samples.size();
        return new VisualTimeline(0, SECONDS, 1280, 720, 25, 5, samples, List.of(), List.of(new VisualTimeline.Shot(0, SECONDS)),
                coverage >= 0.5, coverage, "test", "test");
    }
}
