package dev.clipforge.activities.qa;

import dev.clipforge.activities.render.LoudnessMeter;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;
import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.run.Severity;
import dev.clipforge.workflows.stages.QaIssue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every QA check against a preview built to trip it, and all of them silent on a clean one. Media checks
 * measure real encoded files; framing and caption checks measure the layout and caption documents the
 * preview was rendered from, here made by hand to sit exactly at each threshold ({@link QaOnRendersTest}
 * trips the same checks with previews really rendered from a source with a face).
 */
class QaCheckerTest {
    static final double FPS = 25;
    static final double SECONDS = 7;
    static final double SOURCE_START = 10;
    static final double TARGET = -14;
    static final double PEAK = -1;
    @TempDir
    static Path dir;
    /** Tone amplitude that measures at the loudness target. */
    static double onTarget;
    static PreviewMeasures clean;

    @BeforeAll
    static void calibrate() throws Exception {
        Path probe = video("probe", i -> false, i -> false, 0.1, 1);
        double lufs = LoudnessMeter.measure(probe, 0, SECONDS).integratedLufs();
        onTarget = 0.1 * Math.pow(10, (TARGET - lufs) / 20);
        clean = PreviewMeasures.of(video("clean", i -> false, i -> false, onTarget, 1));
    }

    @Test
    void aCleanPreviewRaisesNothing() {
        assertThat(clean.integratedLufs()).isCloseTo(TARGET, org.assertj.core.api.Assertions.within(0.5));
        List<QaIssue> issues = check(inputs(clean));
        assertThat(issues).isEmpty();
    }

    @Test
    void blackPictureIsCritical() throws Exception {
        PreviewMeasures m = PreviewMeasures.of(video("black", i -> i >= 40 && i < 110, i -> false, onTarget, 1));
        QaIssue issue = only(check(inputs(m)), "black_frames");
        assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(issue.value()).isBetween(2.7, 2.9);
        assertThat(issue.atSeconds()).isBetween(1.5, 1.7);
        assertThat(issue.repair()).as("no repair brings the picture back: the agent reselects").isNull();
    }

    @Test
    void aFrozenPictureIsAWarning() throws Exception {
        PreviewMeasures m = PreviewMeasures.of(video("frozen", i -> false, i -> i >= 25 && i < 135, onTarget, 1));
        QaIssue issue = only(check(inputs(m)), "frozen_video");
        assertThat(issue.severity()).isEqualTo(Severity.WARNING);
        assertThat(issue.value()).isBetween(4.2, 4.5);
    }

    @Test
    void missingAudioIsCriticalWhenTheSourceHasSound() throws Exception {
        PreviewMeasures m = PreviewMeasures.of(video("mute", i -> false, i -> false, 0, 1));
        QaIssue issue = only(check(inputs(m)), "missing_audio");
        assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(issue.repair()).as("a repair renders the same sound again: only a reselect can help").isNull();
    }

    @Test
    void aLongSilenceIsAWarning() throws Exception {
        PreviewMeasures m = PreviewMeasures.of(video("pause", i -> false, i -> false, onTarget, 0));
        QaIssue issue = only(check(inputs(m)).stream().filter(i -> !i.code().equals("loudness_off_target")).toList(),
                "long_silence");
        assertThat(issue.value()).isBetween(3.8, 4.2);
        assertThat(issue.atSeconds()).isBetween(1.4, 1.7);
    }

    @Test
    void quietAudioIsOffTargetAndHotAudioPeaksAboveTheLimit() throws Exception {
        PreviewMeasures quiet = PreviewMeasures.of(video("quiet", i -> false, i -> false, onTarget / 10, 1));
        QaIssue off = only(check(inputs(quiet)), "loudness_off_target");
        assertThat(off.value()).isBetween(TARGET - 21, TARGET - 19);
        assertThat(off.threshold()).as("the bound crossed: target - 1.5 LU").isEqualTo(TARGET - 1.5);

        PreviewMeasures hot = PreviewMeasures.of(video("hot", i -> false, i -> false, 0.99, 1));
        List<QaIssue> issues = check(inputs(hot));
        assertThat(issues).extracting(QaIssue::code).containsExactlyInAnyOrder("true_peak_above_limit", "loudness_off_target");
        QaIssue peak = issues.stream().filter(i -> i.code().equals("true_peak_above_limit")).findFirst().orElseThrow();
        assertThat(peak.value()).isGreaterThan(-0.5);
        assertThat(peak.threshold()).as("the bound crossed: limit + 0.5 dB").isEqualTo(PEAK + 0.5);
        QaIssue loud = issues.stream().filter(i -> i.code().equals("loudness_off_target")).findFirst().orElseThrow();
        assertThat(loud.value()).isGreaterThan(TARGET + 1.5);
        assertThat(loud.threshold()).as("the bound crossed: target + 1.5 LU").isEqualTo(TARGET + 1.5);
    }

    @Test
    void aPreviewShorterThanTheWindowIsCritical() {
        QaChecker.Inputs in = inputs(clean);
        QaIssue issue = only(check(with(in, SECONDS + 0.5, in.layout(), in.captions(), null)), "duration_off_window");
        assertThat(issue.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(issue.value()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void aFaceCutByTheCropEdgeIsCritical() {
        QaChecker.Inputs in = inputs(clean);
        LayoutDoc cut = layout(focus(1080), faces(new Box(700, 500, 400, 400), 0.6, 1));
        QaIssue issue = only(check(with(in, SECONDS, cut, in.captions(), in.transcript())), "face_cut_off");
        assertThat(issue.repair()).isEqualTo(RepairMode.AUTO);
    }

    @Test
    void aCropWithoutTheFaceTheSourceHasIsCritical() {
        QaChecker.Inputs in = inputs(clean);
        LayoutDoc empty = layout(focus(1080), faces(null, 0, 1));
        QaIssue issue = only(check(with(in, SECONDS, empty, in.captions(), in.transcript())), "empty_crop");
        assertThat(issue.repair()).isEqualTo(RepairMode.PREFER_FOCUS);
        assertThat(issue.value()).isEqualTo(1.0);
    }

    @Test
    void theWideFallbackAndStrongUpscalingAreWarnings() {
        QaChecker.Inputs in = inputs(clean);
        LayoutDoc wide = layout(new LayoutDoc.Segment(0, SECONDS, LayoutDoc.Mode.WIDE, List.of(), "no face"), faces(null, 0, 0));
        QaIssue letterbox = only(check(with(in, SECONDS, wide, null, in.transcript())), "letterbox_fill");
        assertThat(letterbox.value()).isEqualTo(1.0);

        LayoutDoc zoomed = layout(focus(400), faces(new Box(340, 500, 400, 400), 1, 1));
        QaIssue upscale = only(check(with(in, SECONDS, zoomed, in.captions(), in.transcript())), "upscale");
        assertThat(upscale.severity()).isEqualTo(Severity.WARNING);
        assertThat(upscale.value()).isCloseTo(4.8, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void captionsOnAFaceOutsideThePictureOrOutsideTheClipAreCritical() {
        QaChecker.Inputs in = inputs(clean);
        QaIssue onFace = only(check(with(in, SECONDS, in.layout(), captions(new Box(90, 600, 900, 160), 0.5, 3), in.transcript())),
                "caption_on_face");
        assertThat(onFace.repair()).isEqualTo(RepairMode.MOVE_CAPTIONS_OFF_FACES);
        assertThat(onFace.value()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(0.01));

        QaIssue outside = only(check(with(in, SECONDS, in.layout(), captions(new Box(600, 1300, 900, 160), 0.5, 3),
                in.transcript())), "captions_outside_frame");
        assertThat(outside.repair()).isEqualTo(RepairMode.MOVE_CAPTIONS_OFF_FACES);

        QaIssue late = only(check(with(in, SECONDS, in.layout(), captions(new Box(90, 1300, 900, 160), 6, 7.6),
                in.transcript())), "captions_outside_window");
        assertThat(late.value()).isEqualTo(7.6);
    }

    @Test
    void aCutInsideAWordAtEitherEndIsAWarning() {
        QaChecker.Inputs in = inputs(clean);
        Transcript cutStart = transcript(new Transcript.Word("hello", SOURCE_START - 0.2, SOURCE_START + 0.3, 1),
                new Transcript.Word("there", SOURCE_START + 1, SOURCE_START + 1.5, 1));
        QaIssue start = only(check(with(in, SECONDS, in.layout(), in.captions(), cutStart)), "cut_inside_word");
        assertThat(start.atSeconds()).isEqualTo(0.0);
        assertThat(start.message()).contains("starts inside the word 'hello'");

        Transcript cutEnd = transcript(new Transcript.Word("goodbye", SOURCE_START + SECONDS - 0.25, SOURCE_START + SECONDS + 0.2, 1));
        QaIssue end = only(check(with(in, SECONDS, in.layout(), in.captions(), cutEnd)), "cut_inside_word");
        assertThat(end.atSeconds()).isEqualTo(SECONDS);
    }

    private static QaIssue only(List<QaIssue> issues, String code) {
        assertThat(issues).extracting(QaIssue::code).as("issues raised").containsExactly(code);
        QaIssue issue = issues.get(0);
        assertThat(issue.message()).isNotBlank();
        assertThat(issue.threshold()).isNotNull();
        assertThat(issue.value()).isNotNull();
        if (issue.severity() == Severity.WARNING) {
            assertThat(issue.repair()).as("warnings ask for no repair").isNull();
        }
        return issue;
    }

    private static List<QaIssue> check(QaChecker.Inputs in) {
        return new QaChecker().check(in);
    }

    /** A clean run: a face held in a focus crop, captions below it, cuts between words. */
    private static QaChecker.Inputs inputs(PreviewMeasures m) {
        return new QaChecker.Inputs(SECONDS, SOURCE_START, SOURCE_START + SECONDS, true, 1920, 1080,
                layout(focus(1080), faces(new Box(340, 500, 400, 400), 1, 1)), captions(new Box(90, 1300, 900, 160), 0.5, 3),
                transcript(new Transcript.Word("before", SOURCE_START - 0.8, SOURCE_START - 0.2, 1),
                        new Transcript.Word("inside", SOURCE_START + 0.3, SOURCE_START + 0.8, 1),
                        new Transcript.Word("after", SOURCE_START + SECONDS + 0.2, SOURCE_START + SECONDS + 0.6, 1)),
                m, TARGET, PEAK);
    }

    private static QaChecker.Inputs with(QaChecker.Inputs in, double window, LayoutDoc layout, CaptionDoc captions, Transcript t) {
        return new QaChecker.Inputs(window, in.sourceStart(), in.sourceStart() + window, in.sourceHasAudio(), in.sourceWidth(),
                in.sourceHeight(), layout, captions, t, in.preview(), in.loudnessTarget(), in.truePeakLimit());
    }

    /** A focus segment whose crop is {@code cropHeight} source pixels tall, filling the 1080x1920 output. */
    private static LayoutDoc.Segment focus(double cropHeight) {
        double cropWidth = cropHeight * 9 / 16;
        return new LayoutDoc.Segment(0, SECONDS, LayoutDoc.Mode.FOCUS, List.of(new LayoutDoc.Panel(1, cropWidth, cropHeight,
                List.of(new LayoutDoc.Keyframe(0, 960, 540)), new Box(0, 0, 1080, 1920))), "test");
    }

    private static LayoutDoc layout(LayoutDoc.Segment segment, List<LayoutDoc.OutputFaces> faces) {
        return new LayoutDoc(1920, 1080, SOURCE_START, SOURCE_START + SECONDS, 1080, 1920, List.of(segment), faces,
                segment.mode().name().toLowerCase(), segment.mode().name().toLowerCase(), segment.mode() == LayoutDoc.Mode.WIDE,
                List.of());
    }

    /** Twice a second: the source has {@code sourceFaces} faces; the output shows {@code box} (output pixels) if given. */
    private static List<LayoutDoc.OutputFaces> faces(Box box, double visible, int sourceFaces) {
        List<LayoutDoc.OutputFaces> out = new ArrayList<>();
        for (double t = 0; t < SECONDS; t += 0.5) {
            out.add(new LayoutDoc.OutputFaces(t, box == null ? List.of() : List.of(new LayoutDoc.FaceInOutput(1, box, visible, true)),
                    sourceFaces));
        }
        return out;
    }

    private static CaptionDoc captions(Box box, double start, double end) {
        CaptionDoc.Cue cue = new CaptionDoc.Cue(start, end, List.of(new CaptionDoc.Word("words", start, end)), List.of(List.of(0)),
                box, "lower", false);
        return new CaptionDoc(CaptionTheme.documentary(), 1080, 1920, List.of(cue), List.of());
    }

    private static Transcript transcript(Transcript.Word... words) {
        List<Transcript.Word> w = List.of(words);
        return new Transcript(1, "en", "test", 30, w, List.of(new Transcript.Segment(w.get(0).start(), w.get(w.size() - 1).end(),
                "", 0, w.size() - 1)), List.of(), List.of());
    }

    /**
     * A 7 s 180x320 preview: a bar moves across mid grey (frames for which {@code black} holds are black, frames
     * for which {@code frozen} holds repeat the last picture) over a 220 Hz tone of {@code amplitude}; with
     * {@code sound} 0 the tone stops from 1.5 s to 5.5 s. Amplitude 0 writes no audio track at all.
     */
    private static Path video(String name, IntPredicate black, IntPredicate frozen, double amplitude, int sound) throws Exception {
        Path out = dir.resolve(name + ".mp4");
        SampleVideos.Spec spec = SampleVideos.Spec.video(180, 320, FPS, SECONDS);
        if (amplitude > 0) {
            float[] tone = SampleVideos.tone(220, SECONDS, 48_000, amplitude);
            if (sound == 0) {
                for (int i = (int) (1.5 * 48_000); i < 5.5 * 48_000; i++) {
                    tone[i] = 0;
                }
            }
            spec = spec.withAudio(tone, 48_000);
        }
        int[] shown = {0};
        SampleVideos.write(out, spec, i -> {
            if (!frozen.test(i)) {
                shown[0] = i;
            }
            BufferedImage img = new BufferedImage(180, 320, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            if (black.test(i)) {
                g.setColor(Color.BLACK);
                g.fillRect(0, 0, 180, 320);
            } else {
                g.setColor(new Color(120, 120, 120));
                g.fillRect(0, 0, 180, 320);
                g.setColor(new Color(230, 200, 60));
                g.fillRect((shown[0] * 6) % 180, 0, 30, 320);
            }
            g.dispose();
            return img;
        });
        return out;
    }
}
