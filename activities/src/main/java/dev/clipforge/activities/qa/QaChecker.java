package dev.clipforge.activities.qa;

import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;
import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.run.Severity;
import dev.clipforge.workflows.stages.QaIssue;

import java.util.ArrayList;
import java.util.List;

/**
 * Visual and audio QA of a rendered preview. Every check measures something, compares it with a
 * threshold, and a critical finding names the repair that addresses it (null when only a reselect can).
 */
public final class QaChecker {
    /** A subject face shown less than this share of its area counts as cut off. */
    static final double FACE_VISIBLE = 0.85;
    /** Largest share of sampled moments a face may be cut off in. */
    static final double FACE_CUT_RATE = 0.05;
    /** Largest share of moments with a face in the source but none in the output. */
    static final double EMPTY_CROP_RATE = 0.02;
    static final double BLACK_SECONDS = 2.0;
    static final double FROZEN_SECONDS = 3.0;
    static final double SILENCE_SECONDS = 3.0;
    /** Integrated loudness may miss the target by this much (LU) either way. */
    static final double LOUDNESS_TOLERANCE = 1.5;
    /** True peak may exceed the limit by this much (dB): the limiter works on sample peaks, which lag true peaks. */
    static final double TRUE_PEAK_TOLERANCE = 0.5;
    static final double MAX_UPSCALE = 2.0;

    public record Inputs(double windowSeconds, double sourceStart, double sourceEnd, boolean sourceHasAudio, int sourceWidth,
                         int sourceHeight, LayoutDoc layout, CaptionDoc captions, Transcript transcript,
                         PreviewMeasures preview, double loudnessTarget, double truePeakLimit) {
    }

    public List<QaIssue> check(Inputs in) {
        List<QaIssue> issues = new ArrayList<>();
        PreviewMeasures p = in.preview();
        double frame = 1 / p.fps();

        double durationError = Math.abs(p.durationSeconds() - in.windowSeconds());
        if (durationError > 1.5 * frame) {
            // no repair: the render stops where the source's picture does, and a repair renders the same window again
            issues.add(critical("duration_off_window", "the preview lasts %.3f s, the window %.3f s"
                    .formatted(p.durationSeconds(), in.windowSeconds()), 0.0, durationError, 1.5 * frame, null));
        }
        if (in.sourceHasAudio() && !p.hasAudio()) {
            // no repair: a repair re-plans layout and captions and renders the same sound again (or reuses the
            // preview), so it cannot bring audio back; the agent reselects
            issues.add(critical("missing_audio", "the source has audio but the clip has none", 0.0, 0.0, 1.0, null));
        } else if (!in.sourceHasAudio()) {
            issues.add(warning("missing_audio", "the source has no audio track: the clip is silent", 0.0, 0.0, 1.0));
        }
        if (p.longestBlack() >= BLACK_SECONDS) {
            issues.add(critical("black_frames", "%.1f s of black picture".formatted(p.longestBlack()), p.blackAt(),
                    p.longestBlack(), BLACK_SECONDS, null));
        }
        if (p.longestFrozen() >= FROZEN_SECONDS) {
            issues.add(warning("frozen_video", "the picture does not change for %.1f s".formatted(p.longestFrozen()),
                    p.frozenAt(), p.longestFrozen(), FROZEN_SECONDS));
        }
        if (p.hasAudio() && p.longestSilence() >= SILENCE_SECONDS) {
            issues.add(warning("long_silence", "%.1f s of silence".formatted(p.longestSilence()), p.silenceAt(),
                    p.longestSilence(), SILENCE_SECONDS));
        }
        if (p.hasAudio() && Double.isFinite(p.integratedLufs())
                && Math.abs(p.integratedLufs() - in.loudnessTarget()) > LOUDNESS_TOLERANCE) {
            double bound = in.loudnessTarget() + Math.signum(p.integratedLufs() - in.loudnessTarget()) * LOUDNESS_TOLERANCE;
            issues.add(warning("loudness_off_target", "integrated loudness %.1f LUFS, target %.1f ± %.1f LU"
                    .formatted(p.integratedLufs(), in.loudnessTarget(), LOUDNESS_TOLERANCE), 0.0, p.integratedLufs(), bound));
        }
        double peakBound = in.truePeakLimit() + TRUE_PEAK_TOLERANCE;
        if (p.hasAudio() && p.truePeakDbtp() > peakBound) {
            issues.add(warning("true_peak_above_limit", "true peak %.1f dBTP, limit %.1f (+%.1f dB allowed)"
                    .formatted(p.truePeakDbtp(), in.truePeakLimit(), TRUE_PEAK_TOLERANCE), 0.0, p.truePeakDbtp(), peakBound));
        }
        framing(in, issues);
        captions(in, issues);
        cuts(in, issues);
        return issues;
    }

    private void framing(Inputs in, List<QaIssue> issues) {
        LayoutDoc layout = in.layout();
        int cut = 0;
        int empty = 0;
        int withFaces = 0;
        double firstCut = -1;
        double firstEmpty = -1;
        double worstVisible = 1;
        for (LayoutDoc.OutputFaces f : layout.faces()) {
            LayoutDoc.Segment seg = layout.segmentAt(f.t());
            if (f.sourceFaces() == 0) {
                continue;
            }
            withFaces++;
            boolean anyShown = f.boxes().stream().anyMatch(b -> b.visible() >= 0.5);
            if (!anyShown && seg.mode() != LayoutDoc.Mode.WIDE) {
                empty++;
                firstEmpty = firstEmpty < 0 ? f.t() : firstEmpty;
            }
            boolean cutOff = f.boxes().stream().anyMatch(b -> tracked(seg, b.track()) && b.visible() < FACE_VISIBLE);
            if (cutOff) {
                cut++;
                firstCut = firstCut < 0 ? f.t() : firstCut;
                worstVisible = Math.min(worstVisible, f.boxes().stream().mapToDouble(LayoutDoc.FaceInOutput::visible).min().orElse(1));
            }
        }
        if (withFaces > 0 && cut / (double) withFaces > FACE_CUT_RATE) {
            issues.add(critical("face_cut_off", "a framed face is cut off at the crop edge in %.0f%% of moments (as little as %.0f%% visible)"
                            .formatted(100.0 * cut / withFaces, worstVisible * 100), firstCut, cut / (double) withFaces,
                    FACE_CUT_RATE, RepairMode.AUTO));
        }
        if (withFaces > 0 && empty / (double) withFaces > EMPTY_CROP_RATE) {
            issues.add(critical("empty_crop", "the crop shows no face in %.0f%% of moments where the source has one"
                            .formatted(100.0 * empty / withFaces), firstEmpty, empty / (double) withFaces, EMPTY_CROP_RATE,
                    RepairMode.PREFER_FOCUS));
        }
        double total = in.windowSeconds();
        double wide = layout.segments().stream().filter(s -> s.mode() == LayoutDoc.Mode.WIDE)
                .mapToDouble(s -> s.end() - s.start()).sum();
        if (wide > 0) {
            issues.add(warning("letterbox_fill", "%.0f%% of the clip is the whole frame over a blurred fill"
                    .formatted(100 * wide / total), 0.0, wide / total, 0.0));
        }
        double upscale = 0;
        for (LayoutDoc.Segment s : layout.segments()) {
            for (LayoutDoc.Panel panel : s.panels()) {
                upscale = Math.max(upscale, panel.region().h() / panel.cropHeight());
            }
            if (s.mode() == LayoutDoc.Mode.WIDE) {
                upscale = Math.max(upscale, layout.outputWidth() / (double) layout.sourceWidth());
            }
        }
        if (upscale > MAX_UPSCALE) {
            issues.add(warning("upscale", "the picture is enlarged %.1fx: it will look soft".formatted(upscale), 0.0, upscale,
                    MAX_UPSCALE));
        }
    }

    private static boolean tracked(LayoutDoc.Segment seg, int track) {
        return seg.panels().stream().anyMatch(p -> p.track() == track);
    }

    private void captions(Inputs in, List<QaIssue> issues) {
        CaptionDoc doc = in.captions();
        if (doc == null) {
            return;
        }
        Box frame = new Box(0, 0, doc.outputWidth(), doc.outputHeight());
        double onFace = 0;
        double onFaceAt = -1;
        for (CaptionDoc.Cue c : doc.cues()) {
            if (!c.box().inside(frame, 0.5)) {
                issues.add(critical("captions_outside_frame", "a caption lies partly outside the picture", c.start(), 1.0, 0.0,
                        RepairMode.MOVE_CAPTIONS_OFF_FACES));
                break;
            }
        }
        for (CaptionDoc.Cue c : doc.cues()) {
            if (c.start() < -1e-3 || c.end() > in.windowSeconds() + 1e-3) {
                issues.add(critical("captions_outside_window", "a caption is timed outside the clip (%.2f-%.2f s)"
                        .formatted(c.start(), c.end()), c.start(), c.end(), in.windowSeconds(), RepairMode.AUTO));
                break;
            }
        }
        for (CaptionDoc.Cue c : doc.cues()) {
            for (LayoutDoc.OutputFaces f : in.layout().faces()) {
                if (f.t() < c.start() || f.t() > c.end()) {
                    continue;
                }
                for (LayoutDoc.FaceInOutput face : f.boxes()) {
                    double area = c.box().intersection(face.box());
                    if (area > 0) {
                        double share = area / face.box().area();
                        if (share > onFace) {
                            onFace = share;
                            onFaceAt = f.t();
                        }
                    }
                }
            }
        }
        if (onFace > 0) {
            issues.add(critical("caption_on_face", "a caption covers %.0f%% of a face".formatted(onFace * 100), onFaceAt,
                    onFace, 0.0, RepairMode.MOVE_CAPTIONS_OFF_FACES));
        }
    }

    private void cuts(Inputs in, List<QaIssue> issues) {
        if (in.transcript() == null) {
            return;
        }
        for (Transcript.Word w : in.transcript().words()) {
            double margin = Math.min(0.05, (w.end() - w.start()) / 4);
            if (w.start() + margin < in.sourceStart() && in.sourceStart() < w.end() - margin) {
                issues.add(warning("cut_inside_word", "the clip starts inside the word '%s'".formatted(w.text()), 0.0,
                        in.sourceStart() - w.start(), 0.0));
            }
            if (w.start() + margin < in.sourceEnd() && in.sourceEnd() < w.end() - margin) {
                issues.add(warning("cut_inside_word", "the clip ends inside the word '%s'".formatted(w.text()), in.windowSeconds(),
                        w.end() - in.sourceEnd(), 0.0));
            }
        }
    }

    static QaIssue critical(String code, String message, double at, double value, double threshold, RepairMode repair) {
        return new QaIssue(code, Severity.CRITICAL, message, round(at), round(value), round(threshold), repair);
    }

    static QaIssue warning(String code, String message, double at, double value, double threshold) {
        return new QaIssue(code, Severity.WARNING, message, round(at), round(value), round(threshold), null);
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
    }

}
