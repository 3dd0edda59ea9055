package dev.clipforge.gpu.visual;

import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.visual.VisualTimeline;

import java.util.Comparator;

/**
 * How often a timeline names the right speaker on a generated two-person podcast: over the samples where
 * someone speaks and both faces are seen, the face scored highest is the speaking one (and scored above 0).
 */
public record SpeakerAccuracy(int right, int judged) {

    public static SpeakerAccuracy of(VisualTimeline t, Podcasts.Made podcast) {
        int left = t.tracks().stream().filter(k -> k.meanBox().cx() < 0.5).findFirst().orElseThrow().id();
        int judged = 0;
        int right = 0;
        for (VisualTimeline.Sample s : t.samples()) {
            int speaker = podcast.speakerAt(s.t());
            if (speaker < 0 || s.faces().size() != 2) {
                continue;
            }
            VisualTimeline.TrackedFace top = s.faces().stream()
                    .max(Comparator.comparingDouble(VisualTimeline.TrackedFace::speaking)).orElseThrow();
            judged++;
            if ((top.track() == left) == (speaker == 0) && top.speaking() > 0) {
                right++;
            }
        }
        return new SpeakerAccuracy(right, judged);
    }

    public double share() {
        return right / (double) judged;
    }
}
