package dev.clipforge.activities.layout;

import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plans the 9:16 reframe of a window, shot by shot: {@code focus} on the active speaker, {@code split}
 * when two people share the shot and both speak in it, {@code wide} (the frame fitted over a blurred fill
 * of itself) when no face can carry the frame.
 */
public final class LayoutPlanner {
    public static final int OUT_W = 1080;
    public static final int OUT_H = 1920;
    /** Faces narrower than this share of the frame are background, not subjects. */
    static final double MIN_SUBJECT_WIDTH = 0.05;
    /** A speaker must hold the floor this long before the camera cuts to them. */
    static final double SWITCH_HOLD = 1.2;
    /** A track must be in this share of a shot's samples to be a subject of it. */
    static final double MIN_PRESENCE = 0.5;
    /** Output pixels per source pixel above which the picture gets soft. */
    static final double MAX_UPSCALE = 2.0;

    public enum Preference { AUTO, SPLIT, FOCUS }

    /**
     * How much room a plan leaves around faces. A first plan frames tight; the {@code auto} repair re-plans
     * {@code LOOSE}: crops zoomed out (where the source has the pixels), a wider margin around the subject's face
     * kept horizontally and vertically, and other faces kept wholly in or out of a crop rather than cut by its edge.
     *
     * @param zoomOut crop size against the tight plan's
     * @param margin  room between the subject's face and the crop's edge, as a share of the crop
     */
    public enum Framing {
        TIGHT(1.0, VirtualCamera.FACE_MARGIN), LOOSE(1.3, 0.12);

        final double zoomOut;
        final double margin;

        Framing(double zoomOut, double margin) {
            this.zoomOut = zoomOut;
            this.margin = margin;
        }
    }

    /** @param rejected talking-head content for which only a letterbox was possible under auto */
    public record Plan(LayoutDoc doc, boolean rejected) {
    }

    public Plan plan(VisualTimeline timeline, double windowStart, double windowEnd, Preference preference) {
        return plan(timeline, windowStart, windowEnd, preference, Framing.TIGHT);
    }

    public Plan plan(VisualTimeline timeline, double windowStart, double windowEnd, Preference preference, Framing framing) {
        int sw = timeline.width();
        int sh = timeline.height();
        List<LayoutDoc.Segment> segments = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (VisualTimeline.Shot shot : timeline.shots()) {
            double a = Math.max(windowStart, shot.start());
            double b = Math.min(windowEnd, shot.end());
            if (b - a <= 1e-3) {
                continue;
            }
            List<VisualTimeline.Sample> samples = timeline.samples().stream()
                    .filter(s -> s.t() >= a && s.t() < b).toList();
            segments.add(planShot(samples, a, b, windowStart, sw, sh, preference, framing, warnings));
        }
        if (segments.isEmpty()) {
            segments.add(wide(0, windowEnd - windowStart, "no analysed frames in the window"));
        }
        Map<LayoutDoc.Mode, Double> share = new HashMap<>();
        double total = windowEnd - windowStart;
        for (LayoutDoc.Segment s : segments) {
            share.merge(s.mode(), (s.end() - s.start()) / total, Double::sum);
        }
        LayoutDoc.Mode primary = share.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        boolean mixed = share.size() > 1 && share.get(primary) < 0.8;
        double wideShare = share.getOrDefault(LayoutDoc.Mode.WIDE, 0.0);
        // the layout asked for could not be had everywhere: a preferred layout missed, or the letterbox under auto
        boolean fallback = switch (preference) {
            case AUTO -> wideShare > 0;
            case SPLIT -> segments.stream().anyMatch(s -> s.mode() != LayoutDoc.Mode.SPLIT);
            case FOCUS -> segments.stream().anyMatch(s -> s.mode() != LayoutDoc.Mode.FOCUS);
        };
        boolean rejected = preference == Preference.AUTO && timeline.talkingHead() && wideShare > 0.5;
        if (rejected) {
            warnings.add(String.format(Locale.ROOT, "talking-head content, but %.0f%% of the window could only be letterboxed",
                    wideShare * 100));
        }
        String applied = mixed ? "mixed" : primary.name().toLowerCase(Locale.ROOT);
        List<LayoutDoc.OutputFaces> faces = outputFaces(timeline, segments, windowStart, windowEnd);
        return new Plan(new LayoutDoc(sw, sh, windowStart, windowEnd, OUT_W, OUT_H, segments, faces, applied,
                primary.name().toLowerCase(Locale.ROOT), fallback, warnings), rejected);
    }

    /** Each sampled moment's faces as the output shows them: mapped through the crop of their segment. */
    public static List<LayoutDoc.OutputFaces> outputFaces(VisualTimeline timeline, List<LayoutDoc.Segment> segments,
                                                   double windowStart, double windowEnd) {
        int sw = timeline.width();
        int sh = timeline.height();
        List<LayoutDoc.OutputFaces> out = new ArrayList<>();
        for (VisualTimeline.Sample s : timeline.samples()) {
            if (s.t() < windowStart || s.t() >= windowEnd) {
                continue;
            }
            double t = s.t() - windowStart;
            LayoutDoc.Segment seg = segments.stream().filter(g -> t >= g.start() && t < g.end()).findFirst()
                    .orElse(segments.get(segments.size() - 1));
            List<LayoutDoc.FaceInOutput> boxes = new ArrayList<>();
            int subjects = 0;
            for (VisualTimeline.TrackedFace f : s.faces()) {
                if (f.box().w() < MIN_SUBJECT_WIDTH) {
                    continue;
                }
                subjects++;
                Box face = new Box(f.box().x() * sw, f.box().y() * sh, f.box().w() * sw, f.box().h() * sh);
                if (seg.mode() == LayoutDoc.Mode.WIDE) {
                    double scale = (double) OUT_W / sw;
                    double top = (OUT_H - sh * scale) / 2;
                    boxes.add(new LayoutDoc.FaceInOutput(f.track(), new Box(face.x() * scale, top + face.y() * scale,
                            face.w() * scale, face.h() * scale), 1.0, f.speaking() > 0.5));
                    continue;
                }
                for (LayoutDoc.Panel p : seg.panels()) {
                    Box crop = p.cropAt(t);
                    double visible = face.intersection(crop) / face.area();
                    if (visible <= 0) {
                        continue;
                    }
                    double scale = p.region().w() / crop.w();
                    boxes.add(new LayoutDoc.FaceInOutput(f.track(), new Box(p.region().x() + (face.x() - crop.x()) * scale,
                            p.region().y() + (face.y() - crop.y()) * scale, face.w() * scale, face.h() * scale),
                            visible, f.speaking() > 0.5));
                }
            }
            out.add(new LayoutDoc.OutputFaces(t, boxes, subjects));
        }
        return out;
    }

    private LayoutDoc.Segment planShot(List<VisualTimeline.Sample> samples, double a, double b, double w0, int sw, int sh,
                                       Preference preference, Framing framing, List<String> warnings) {
        double clipA = a - w0;
        double clipB = b - w0;
        Map<Integer, Integer> seen = new HashMap<>();
        Map<Integer, Integer> spoke = new HashMap<>();
        Map<Integer, Double> meanX = new HashMap<>();
        for (VisualTimeline.Sample s : samples) {
            for (VisualTimeline.TrackedFace f : s.faces()) {
                if (f.box().w() < MIN_SUBJECT_WIDTH) {
                    continue;
                }
                seen.merge(f.track(), 1, Integer::sum);
                meanX.merge(f.track(), f.box().cx(), Double::sum);
                if (f.speaking() > 0.5) {
                    spoke.merge(f.track(), 1, Integer::sum);
                }
            }
        }
        int n = Math.max(1, samples.size());
        List<Integer> subjects = seen.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_PRESENCE * n)
                .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        String at = String.format(Locale.ROOT, " at %.1f-%.1f s", clipA, clipB);
        if (subjects.isEmpty()) {
            warnings.add("no face to frame" + at + ": wide layout");
            return wide(clipA, clipB, "no usable face");
        }
        List<Integer> speakers = subjects.stream().filter(id -> spoke.getOrDefault(id, 0) >= 2).toList();
        boolean twoShare = subjects.size() >= 2;
        boolean bothSpeak = speakers.size() >= 2;
        if (preference == Preference.SPLIT && twoShare || preference == Preference.AUTO && twoShare && bothSpeak) {
            List<Integer> pair = (bothSpeak ? speakers : subjects).subList(0, 2).stream()
                    .sorted(Comparator.comparingDouble(id -> meanX.get(id) / seen.get(id))).toList();
            return split(samples, pair, clipA, clipB, w0, sw, sh, framing);
        }
        if (preference == Preference.SPLIT) {
            warnings.add("split preferred, but only one person is in the shot" + at + ": focus");
        }
        if (preference == Preference.AUTO && subjects.size() >= 3 && speakers.isEmpty()) {
            warnings.add(subjects.size() + " people and no clear speaker" + at + ": wide layout");
            return wide(clipA, clipB, "group without a clear speaker");
        }
        return focus(samples, subjects, clipA, clipB, w0, sw, sh, framing);
    }

    private static LayoutDoc.Segment wide(double a, double b, String reason) {
        return new LayoutDoc.Segment(a, b, LayoutDoc.Mode.WIDE, List.of(), reason);
    }

    /** One 9:16 crop following whoever holds the floor; cuts when the speaker changes and holds. */
    private LayoutDoc.Segment focus(List<VisualTimeline.Sample> samples, List<Integer> subjects, double a, double b,
                                    double w0, int sw, int sh, Framing framing) {
        double cropH = Math.min(sh, sw * 16.0 / 9.0);
        double largest = samples.stream().flatMap(s -> s.faces().stream()).filter(f -> subjects.contains(f.track()))
                .mapToDouble(f -> f.box().h() * sh).max().orElse(0);
        // zoom toward small faces, never past the upscale limit
        double wanted = Math.max(largest * 3.2, OUT_H / MAX_UPSCALE) * framing.zoomOut;
        cropH = Math.max(Math.min(cropH, wanted), Math.min(cropH, OUT_H / MAX_UPSCALE));
        double cropW = cropH * 9.0 / 16.0;
        if (cropW > sw) {
            cropW = sw;
            cropH = cropW * 16.0 / 9.0;
        }
        VirtualCamera camera = camera(cropW, cropH, sw, sh, framing);
        int subject = subjects.get(0);
        Integer candidate = null;
        double candidateSince = 0;
        for (VisualTimeline.Sample s : samples) {
            double t = s.t() - w0;
            VisualTimeline.TrackedFace speaking = s.faces().stream().filter(f -> subjects.contains(f.track()))
                    .filter(f -> f.speaking() > 0.5).max(Comparator.comparingDouble(VisualTimeline.TrackedFace::speaking))
                    .orElse(null);
            if (speaking != null && speaking.track() != subject) {
                if (candidate == null || candidate != speaking.track()) {
                    candidate = speaking.track();
                    candidateSince = t;
                } else if (t - candidateSince >= SWITCH_HOLD) {
                    subject = candidate;
                    candidate = null;
                    VisualTimeline.TrackedFace f = face(s, subject);
                    camera.cut(Math.max(a, candidateSince), f.box().cx() * sw, centreY(f.box(), sh, cropH));
                    continue;
                }
            } else if (speaking != null) {
                candidate = null;
            }
            VisualTimeline.TrackedFace f = face(s, subject);
            if (f == null) {
                continue;
            }
            follow(camera, framing, camera.path().isEmpty() ? a : t, f, centreY(f.box(), sh, cropH), s, sw, sh);
        }
        if (camera.path().isEmpty()) {
            camera.cut(a, sw / 2.0, sh / 2.0);
        }
        return new LayoutDoc.Segment(a, b, LayoutDoc.Mode.FOCUS,
                List.of(new LayoutDoc.Panel(subject, cropW, cropH, close(camera.path(), b), new Box(0, 0, OUT_W, OUT_H))),
                "focus on the active speaker");
    }

    /** Two stacked 9:8 panels, the left person on top, each with its own camera. */
    private LayoutDoc.Segment split(List<VisualTimeline.Sample> samples, List<Integer> pair, double a, double b, double w0,
                                    int sw, int sh, Framing framing) {
        List<LayoutDoc.Panel> panels = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            int track = pair.get(p);
            double faceH = samples.stream().flatMap(s -> s.faces().stream()).filter(f -> f.track() == track)
                    .mapToDouble(f -> f.box().h() * sh).max().orElse(sh / 3.0);
            double cropH = Math.min(sh, Math.max(faceH * 2.4, (OUT_H / 2.0) / MAX_UPSCALE) * framing.zoomOut);
            double cropW = cropH * OUT_W / (OUT_H / 2.0);
            if (cropW > sw / 2.0 + faceH) {
                cropW = Math.min(sw, sw / 2.0 + faceH);
                cropH = cropW * (OUT_H / 2.0) / OUT_W;
            }
            VirtualCamera camera = camera(cropW, cropH, sw, sh, framing);
            for (VisualTimeline.Sample s : samples) {
                VisualTimeline.TrackedFace f = face(s, track);
                if (f == null) {
                    continue;
                }
                double y = f.box().cy() * sh;
                follow(camera, framing, camera.path().isEmpty() ? a : s.t() - w0, f, y, s, sw, sh);
            }
            if (camera.path().isEmpty()) {
                camera.cut(a, (p == 0 ? 0.25 : 0.75) * sw, sh / 2.0);
            }
            panels.add(new LayoutDoc.Panel(track, cropW, cropH, close(camera.path(), b),
                    new Box(0, p * OUT_H / 2.0, OUT_W, OUT_H / 2.0)));
        }
        return new LayoutDoc.Segment(a, b, LayoutDoc.Mode.SPLIT, panels, "two people who both speak");
    }

    private static VirtualCamera camera(double cropW, double cropH, int sw, int sh, Framing framing) {
        return new VirtualCamera(cropW, cropH, sw, sh, framing.margin, framing == Framing.LOOSE);
    }

    /**
     * The camera follows {@code f} (its first call places it: a cut); a loose plan also keeps the face vertically
     * inside and the others whole or out.
     */
    private static void follow(VirtualCamera camera, Framing framing, double t, VisualTimeline.TrackedFace f, double targetY,
                               VisualTimeline.Sample s, int sw, int sh) {
        if (framing == Framing.TIGHT) {
            camera.follow(t, f.box().cx() * sw, targetY, f.box().x() * sw, f.box().right() * sw);
            return;
        }
        List<Box> others = s.faces().stream().filter(o -> o.track() != f.track() && o.box().w() >= MIN_SUBJECT_WIDTH)
                .map(o -> pixels(o.box(), sw, sh)).toList();
        camera.follow(t, f.box().cx() * sw, targetY, pixels(f.box(), sw, sh), others);
    }

    private static Box pixels(Box normalised, int sw, int sh) {
        return new Box(normalised.x() * sw, normalised.y() * sh, normalised.w() * sw, normalised.h() * sh);
    }

    private static VisualTimeline.TrackedFace face(VisualTimeline.Sample s, int track) {
        return s.faces().stream().filter(f -> f.track() == track).findFirst().orElse(null);
    }

    /** Headroom: the face sits a little above the crop's centre. */
    private static double centreY(Box face, int sh, double cropH) {
        return face.cy() * sh + cropH * 0.08;
    }

    private static List<LayoutDoc.Keyframe> close(List<LayoutDoc.Keyframe> path, double end) {
        List<LayoutDoc.Keyframe> out = new ArrayList<>(path);
        LayoutDoc.Keyframe last = out.get(out.size() - 1);
        if (last.t() < end) {
            out.add(new LayoutDoc.Keyframe(end, last.cx(), last.cy()));
        }
        return out;
    }
}
