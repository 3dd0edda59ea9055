package dev.clipforge.activities.layout;

import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The camera's rules on a 1280x720 source with a 405x720 crop. */
class VirtualCameraTest {
    private final VirtualCamera camera = new VirtualCamera(405, 720, 1280, 720);

    @Test
    void holdsStillWhileTheSubjectStaysInTheDeadZone() {
        camera.follow(0, 640, 360, 600, 680);
        for (int i = 1; i <= 50; i++) {
            double jitter = (i % 2 == 0 ? 1 : -1) * 0.1 * 405 * VirtualCamera.DEAD_ZONE * 8;
            camera.follow(i * 0.2, 640 + jitter, 360, 600 + jitter, 680 + jitter);
        }
        assertThat(camera.path()).allSatisfy(k -> assertThat(k.cx()).isEqualTo(640));
    }

    @Test
    void pansNoFasterThanTheMaximumSpeed() {
        // the subject steps right but its face stays inside the crop, so only the smoothing moves the camera
        camera.follow(0, 300, 360, 280, 320);
        for (int i = 1; i <= 50; i++) {
            camera.follow(i * 0.2, 460, 360, 440, 480);
        }
        List<LayoutDoc.Keyframe> path = camera.path();
        for (int i = 1; i < path.size(); i++) {
            double speed = Math.abs(path.get(i).cx() - path.get(i - 1).cx()) / (path.get(i).t() - path.get(i - 1).t());
            assertThat(speed).isLessThanOrEqualTo(VirtualCamera.MAX_SPEED * 405 + 1e-6);
        }
        assertThat(path.get(1).cx() - path.get(0).cx()).as("the first step is held to the speed limit")
                .isCloseTo(VirtualCamera.MAX_SPEED * 405 * 0.2, within(1e-6));
        assertThat(path.get(path.size() - 1).cx()).isCloseTo(460, within(405 * VirtualCamera.DEAD_ZONE));
    }

    @Test
    void aCutDecidedLateReplacesWhatTheCameraDidSinceTheChangeBegan() {
        camera.follow(0, 300, 360, 260, 340);
        for (int i = 1; i <= 50; i++) {
            camera.follow(i * 0.2, 300 + i, 360, 260 + i, 340 + i);
        }
        // at t = 10 the planner learns the new speaker started at 8.8
        camera.cut(8.8, 950, 360);
        camera.follow(10.2, 950, 360, 910, 990);
        List<LayoutDoc.Keyframe> path = camera.path();
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.get(i).t()).as("keyframes in time order").isGreaterThan(path.get(i - 1).t());
        }
        assertThat(LayoutDoc.Keyframe.interpolate(path, 8.79)[0]).as("just before the cut").isLessThan(400);
        assertThat(LayoutDoc.Keyframe.interpolate(path, 8.8)[0]).as("from the cut on").isEqualTo(950);
        assertThat(LayoutDoc.Keyframe.interpolate(path, 9.5)[0]).isEqualTo(950);
    }

    @Test
    void aLooseCameraKeepsItsMarginAndLeavesNoNeighbourCutByAnEdge() {
        VirtualCamera loose = new VirtualCamera(405, 600, 1280, 720, 0.12, true);
        Box subject = new Box(500, 200, 100, 120);
        // the neighbour sits where a crop centred on the subject would take in half of it
        Box neighbour = new Box(720, 210, 100, 120);
        loose.follow(0, 550, 300, subject, List.of(neighbour));
        for (int i = 1; i <= 10; i++) {
            loose.follow(i * 0.2, 550, 300, subject, List.of(neighbour));
        }
        for (LayoutDoc.Keyframe k : loose.path()) {
            double left = k.cx() - 405 / 2.0;
            double right = k.cx() + 405 / 2.0;
            assertThat(neighbour.right() <= right && neighbour.x() >= left || neighbour.x() >= right || neighbour.right() <= left)
                    .as("the neighbour wholly in or out at %.1f s (crop %.0f-%.0f)", k.t(), left, right).isTrue();
            assertThat(subject.x()).as("the subject's margin").isGreaterThanOrEqualTo(left + 0.12 * 405 - 1e-6);
            assertThat(subject.right()).isLessThanOrEqualTo(right - 0.12 * 405 + 1e-6);
            assertThat(subject.y()).as("and vertically").isGreaterThanOrEqualTo(k.cy() - 300 + 0.12 * 600 - 1e-6);
        }
    }
}
