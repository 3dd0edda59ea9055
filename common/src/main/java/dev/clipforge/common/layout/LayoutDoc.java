package dev.clipforge.common.layout;

import dev.clipforge.common.visual.Box;

import java.util.List;

/**
 * A reframe plan for one clip window: the output is cut into segments (in clip time), each with a mode
 * and the crop path(s) of its virtual camera in source pixels. Render follows it frame by frame; QA and
 * captions read the face boxes it was planned around.
 *
 * @param outputWidth  9:16 output width the plan was made for (scaled at render)
 * @param outputHeight 9:16 output height
 */
public record LayoutDoc(int sourceWidth, int sourceHeight, double windowStart, double windowEnd, int outputWidth,
                        int outputHeight, List<Segment> segments, List<OutputFaces> faces, String appliedMode,
                        String primaryLayout, boolean fallbackUsed, List<String> warnings) {

    public enum Mode { FOCUS, SPLIT, WIDE }

    /**
     * @param start   clip time
     * @param panels  one crop path for focus, two (top, bottom) for split, none for wide
     */
    public record Segment(double start, double end, Mode mode, List<Panel> panels, String reason) {
    }

    /**
     * A crop of constant size whose position follows {@code path}.
     *
     * @param track   the face track this panel follows, or 0
     * @param region  where the panel sits in the output, in output pixels
     */
    public record Panel(int track, double cropWidth, double cropHeight, List<Keyframe> path, Box region) {
        /** Crop centre at clip time {@code t}, linearly between keyframes. */
        public double[] centreAt(double t) {
            return Keyframe.interpolate(path, t);
        }

        /** The crop rectangle at {@code t}, in source pixels. */
        public Box cropAt(double t) {
            double[] c = centreAt(t);
            return new Box(c[0] - cropWidth / 2, c[1] - cropHeight / 2, cropWidth, cropHeight);
        }
    }

    /** Camera centre (source pixels) at clip time {@code t}. */
    public record Keyframe(double t, double cx, double cy) {
        /** The centre at {@code t} along a path of keyframes in time order, linearly between them. */
        public static double[] interpolate(List<Keyframe> path, double t) {
            if (path.isEmpty()) {
                return new double[]{0, 0};
            }
            if (t <= path.get(0).t()) {
                return new double[]{path.get(0).cx(), path.get(0).cy()};
            }
            for (int i = 1; i < path.size(); i++) {
                Keyframe b = path.get(i);
                if (t <= b.t()) {
                    Keyframe a = path.get(i - 1);
                    double f = b.t() == a.t() ? 1 : (t - a.t()) / (b.t() - a.t());
                    return new double[]{a.cx() + (b.cx() - a.cx()) * f, a.cy() + (b.cy() - a.cy()) * f};
                }
            }
            Keyframe last = path.get(path.size() - 1);
            return new double[]{last.cx(), last.cy()};
        }

    }

    /**
     * Where faces appear in the output at a sampled clip time (output pixels). {@code cut} is true for a
     * face the layout shows only partly (cut off at a panel's edge); {@code sourceFaces} counts the
     * subject-sized faces the source had at that moment.
     */
    public record OutputFaces(double t, List<FaceInOutput> boxes, int sourceFaces) {
    }

    /** @param visible share of the face's area that is inside the output panel */
    public record FaceInOutput(int track, Box box, double visible, boolean speaking) {
    }

    /** The output faces nearest to clip time {@code t}. */
    public OutputFaces facesAt(double t) {
        OutputFaces best = null;
        for (OutputFaces f : faces) {
            if (best == null || Math.abs(f.t() - t) < Math.abs(best.t() - t)) {
                best = f;
            }
        }
        return best;
    }

    public Segment segmentAt(double t) {
        for (Segment s : segments) {
            if (t >= s.start() && t < s.end()) {
                return s;
            }
        }
        return segments.get(segments.size() - 1);
    }
}
