package dev.clipforge.common.visual;

import java.util.List;

/**
 * What visual analysis found in a range of the source: faces per sampled moment with stable track ids,
 * how likely each is speaking, and shot boundaries. The layout planner and QA read it.
 *
 * @param width       displayed source width in pixels
 * @param height      displayed source height in pixels
 * @param talkingHead faces are the subject (podcast, interview, talk)
 * @param detector    the face detector that found the faces ({@code blazeface} or {@code haar})
 * @param speakerModel how speaking scores were computed: {@code heuristic} (the built-in audio-visual correlation) or
 *                    {@code torchscript:FILE}, as /v1/health names it
 */
public record VisualTimeline(double start, double end, int width, int height, double fps, double sampleFps,
                             List<Sample> samples, List<Track> tracks, List<Shot> shots, boolean talkingHead,
                             double faceCoverage, String detector, String speakerModel) {

    /** Faces at one sampled time. */
    public record Sample(double t, List<TrackedFace> faces) {
    }

    /** @param speaking probability 0..1 that this person is the one speaking at this time */
    public record TrackedFace(int track, Box box, double score, double mouthX, double mouthY, double speaking) {
    }

    /** @param presence share of the range's samples in which the track is seen */
    public record Track(int id, double first, double last, double presence, double speakingShare, Box meanBox) {
    }

    public record Shot(double start, double end) {
        public double duration() {
            return end - start;
        }
    }

    /** The sample nearest to {@code t}, or null when there are none. */
    public Sample at(double t) {
        Sample best = null;
        for (Sample s : samples) {
            if (best == null || Math.abs(s.t() - t) < Math.abs(best.t() - t)) {
                best = s;
            }
        }
        return best;
    }

    public Shot shotAt(double t) {
        for (Shot s : shots) {
            if (t >= s.start() && t < s.end()) {
                return s;
            }
        }
        return shots.isEmpty() ? new Shot(start, end) : shots.get(shots.size() - 1);
    }
}
