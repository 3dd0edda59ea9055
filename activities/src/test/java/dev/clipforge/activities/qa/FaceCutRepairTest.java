package dev.clipforge.activities.qa;

import dev.clipforge.activities.layout.LayoutActivitiesImpl;
import dev.clipforge.activities.layout.LayoutPlanner;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.workflows.run.LayoutMode;
import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.stages.QaIssue;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QA finds a face cut off and names the auto repair; the repair's plan must not cut it off again. Two people
 * sit close on a 1920x1080 set and both speak, so the first plan splits the frame, and each tight panel takes
 * in half of the other person's face.
 */
class FaceCutRepairTest {
    static final int W = 1920;
    static final int H = 1080;
    static final double SECONDS = 6;

    @Test
    void theAutoRepairPlansLooseAndTheFaceIsNoLongerCutOff() {
        VisualTimeline twoClose = timeline(new Box(700, 400, 200, 240), new Box(1020, 410, 200, 240));
        LayoutPlanner planner = new LayoutPlanner();

        LayoutDoc first = planner.plan(twoClose, 0, SECONDS, LayoutActivitiesImpl.preference(LayoutMode.AUTO, null),
                LayoutActivitiesImpl.framing(null)).doc();
        assertThat(first.appliedMode()).isEqualTo("split");
        QaIssue cut = framing(first).stream().filter(i -> i.code().equals("face_cut_off")).findFirst().orElseThrow();
        assertThat(cut.repair()).isEqualTo(RepairMode.AUTO);
        System.out.printf("tight split: a face is cut off in %.0f%% of moments%n", cut.value() * 100);

        LayoutDoc repaired = planner.plan(twoClose, 0, SECONDS, LayoutActivitiesImpl.preference(LayoutMode.AUTO, RepairMode.AUTO),
                LayoutActivitiesImpl.framing(RepairMode.AUTO)).doc();
        assertThat(repaired.appliedMode()).as("the same layout, framed looser").isEqualTo("split");
        assertThat(repaired.segments().get(0).panels().get(0).cropWidth())
                .isGreaterThan(first.segments().get(0).panels().get(0).cropWidth());
        assertThat(framing(repaired)).as("no critical framing issue after the repair").noneMatch(i -> i.code().equals("face_cut_off")
                || i.code().equals("empty_crop"));
        for (LayoutDoc.OutputFaces f : repaired.faces()) {
            assertThat(f.boxes()).as("at %.1f s every face shown is shown whole", f.t()).allMatch(b -> b.visible() >= 0.999);
        }
    }

    @Test
    void otherRepairsAndFirstPlansFrameTight() {
        assertThat(LayoutActivitiesImpl.framing(null)).isEqualTo(LayoutPlanner.Framing.TIGHT);
        assertThat(LayoutActivitiesImpl.framing(RepairMode.PREFER_FOCUS)).isEqualTo(LayoutPlanner.Framing.TIGHT);
        assertThat(LayoutActivitiesImpl.framing(RepairMode.MOVE_CAPTIONS_OFF_FACES)).isEqualTo(LayoutPlanner.Framing.TIGHT);
        assertThat(LayoutActivitiesImpl.preference(LayoutMode.PREFER_FOCUS, RepairMode.AUTO)).as("auto keeps the run's mode")
                .isEqualTo(LayoutPlanner.Preference.FOCUS);
    }

    /** QA of the plan alone: a preview that is clean in every other respect. */
    private static List<QaIssue> framing(LayoutDoc layout) {
        PreviewMeasures clean = new PreviewMeasures(SECONDS, 25, true, 0, -1, 0, -1, 0, -1, -14, -3);
        return new QaChecker().check(new QaChecker.Inputs(SECONDS, 0, SECONDS, true, W, H, layout, null, null, clean, -14, -1))
                .stream().filter(i -> i.severity() == dev.clipforge.workflows.run.Severity.CRITICAL).toList();
    }

    /** Two seated people (boxes in source pixels) taking turns to speak every 1.5 s, sampled at 5 fps. */
    private static VisualTimeline timeline(Box left, Box right) {
        List<VisualTimeline.Sample> samples = new ArrayList<>();
        for (int i = 0; i < SECONDS * 5; i++) {
            double t = i / 5.0;
            boolean leftSpeaks = ((int) (t / 1.5)) % 2 == 0;
            samples.add(new VisualTimeline.Sample(t, List.of(
                    new VisualTimeline.TrackedFace(1, normalised(left), 0.9, 0, 0, leftSpeaks ? 0.9 : 0.1),
                    new VisualTimeline.TrackedFace(2, normalised(right), 0.9, 0, 0, leftSpeaks ? 0.1 : 0.9))));
        }
        return new VisualTimeline(0, SECONDS, W, H, 25, 5, samples, List.of(), List.of(new VisualTimeline.Shot(0, SECONDS)),
                true, 1.0, "test", "test");
    }

    private static Box normalised(Box px) {
        return new Box(px.x() / W, px.y() / H, px.w() / W, px.h() / H);
    }
}
