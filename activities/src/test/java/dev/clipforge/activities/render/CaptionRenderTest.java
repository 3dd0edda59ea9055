package dev.clipforge.activities.render;

import dev.clipforge.activities.captions.CaptionBuilder;
import dev.clipforge.activities.captions.CaptionPainter;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Captions as they come out of the encoder: decoded frame by frame from a render of a plain grey source,
 * so any pixel that is not grey is caption ink.
 */
class CaptionRenderTest {
    static final double FPS = 25;
    static final double WINDOW_START = 1.0;
    static final double WINDOW_END = 7.0;
    static final Color GREY = new Color(96, 96, 96);
    @TempDir
    static Path dir;
    static Path source;

    @BeforeAll
    static void makeSource() throws Exception {
        source = dir.resolve("grey.mp4");
        SampleVideos.write(source, SampleVideos.Spec.video(640, 360, FPS, 8)
                .withAudio(SampleVideos.tone(300, 8, 48_000, 0.2), 48_000), CaptionRenderTest::greyFrame);
    }

    static BufferedImage greyFrame(int index) {
        BufferedImage img = new BufferedImage(640, 360, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(GREY);
        g.fillRect(0, 0, 640, 360);
        g.dispose();
        return img;
    }

    @Test
    void karaokeCaptionsShowExactlyWhileSpokenWithTheSpokenWordHighlighted() throws Exception {
        CaptionTheme theme = CaptionTheme.fullSentence();
        LayoutDoc layout = centredFocus();
        // source-time words off the frame grid; a 1.2 s pause splits two sentences; "tail" spans the window end
        Transcript t = transcript(List.of(
                new Transcript.Word("captions", 1.31, 1.72, 1), new Transcript.Word("follow", 1.83, 2.21, 1),
                new Transcript.Word("speech", 2.27, 2.69, 1), new Transcript.Word("closely", 2.74, 3.33, 1),
                new Transcript.Word("then", 4.53, 4.81, 1), new Transcript.Word("pause", 4.93, 5.47, 1),
                new Transcript.Word("briefly", 5.52, 6.05, 1), new Transcript.Word("tail", 6.92, 7.30, 1)), 4);
        CaptionDoc doc = new CaptionBuilder().build(t, WINDOW_START, WINDOW_END, theme, layout, false);
        assertThat(doc.cues()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(doc.cues().stream().flatMap(c -> c.words().stream()).map(CaptionDoc.Word::text)).doesNotContain("tail");

        Path out = dir.resolve("karaoke.mp4");
        new ClipRenderer().render(source, 0, layout, doc, RenderProfile.preview(), out, (d, n) -> { });
        List<BufferedImage> frames = decode(out);
        assertThat(frames.size()).isEqualTo((int) Math.round((WINDOW_END - WINDOW_START) * FPS));
        double scale = 540.0 / doc.outputWidth();

        int timingErrors = 0;
        int highlightChecked = 0;
        for (int i = 0; i < frames.size(); i++) {
            double time = i / FPS;
            BufferedImage f = frames.get(i);
            CaptionDoc.Cue cue = doc.cueAt(time);
            int ink = ink(f, null, scale);
            boolean nearCueEdge = doc.cues().stream().anyMatch(c -> Math.abs(c.start() - time) <= 1 / FPS + 1e-6
                    || Math.abs(c.end() - time) <= 1 / FPS + 1e-6);
            if (cue == null) {
                if (ink > 0) {
                    assertThat(nearCueEdge).as("caption ink at %.2f s, outside every cue", time).isTrue();
                    timingErrors++;
                }
                continue;
            }
            int inside = ink(f, cue.box(), scale);
            if (inside < 300) {
                assertThat(nearCueEdge).as("no caption at %.2f s, inside cue %.2f-%.2f", time, cue.start(), cue.end()).isTrue();
                timingErrors++;
                continue;
            }
            assertThat(ink - inside).as("ink outside the cue's box at %.2f s", time).isLessThan(20);

            int active = cue.activeWord(time);
            boolean nearWordEdge = cue.words().stream().anyMatch(w -> Math.abs(w.start() - time) <= 1 / FPS + 1e-6
                    || Math.abs(w.end() - time) <= 1 / FPS + 1e-6);
            if (nearWordEdge) {
                continue;
            }
            double[] yellow = yellowCentre(f);
            if (active < 0) {
                assertThat(yellow[2]).as("no highlight between words at %.2f s", time).isLessThan(15);
                continue;
            }
            assertThat(yellow[2]).as("highlight while '%s' is spoken at %.2f s", cue.words().get(active).text(), time)
                    .isGreaterThan(100);
            CaptionPainter.Placed placed = CaptionPainter.layout(cue, theme).stream().filter(p -> p.word() == active)
                    .findFirst().orElseThrow();
            double left = (cue.box().x() + placed.x()) * scale;
            double right = (cue.box().x() + placed.right()) * scale;
            assertThat(yellow[0]).as("the highlighted word at %.2f s is '%s'", time, cue.words().get(active).text())
                    .isBetween(left, right);
            highlightChecked++;
        }
        assertThat(timingErrors).as("frames off by at most one frame at cue edges").isLessThanOrEqualTo(2 * doc.cues().size());
        assertThat(highlightChecked).isGreaterThan(40);
    }

    @Test
    void singleWordCaptionsPopAndLeaveWhenTheWordEnds() throws Exception {
        CaptionTheme theme = CaptionTheme.singleWordInstant();
        LayoutDoc layout = centredFocus();
        Transcript t = transcript(List.of(new Transcript.Word("one", 2.0, 2.4, 1), new Transcript.Word("two", 4.0, 4.5, 1)), 2);
        CaptionDoc doc = new CaptionBuilder().build(t, WINDOW_START, WINDOW_END, theme, layout, false);
        assertThat(doc.cues()).hasSize(2);
        assertThat(doc.cues().get(0).text()).isEqualTo("ONE");
        Path out = dir.resolve("pop.mp4");
        ClipRenderer.Result r = new ClipRenderer().render(source, 0, layout, doc, RenderProfile.preview(), out, (d, n) -> { });
        assertThat(r.captionStatesPainted()).as("each pop step painted once, not once per frame")
                .isLessThanOrEqualTo(2L * (CaptionPainter.POP_STEPS + 1));
        List<BufferedImage> frames = decode(out);
        double scale = 540.0 / doc.outputWidth();
        // word "one": clip time 1.0-1.4; the pop starts large and settles
        int firstFrame = (int) Math.ceil(1.0 * FPS);
        int popped = ink(frames.get(firstFrame), null, scale);
        int settled = ink(frames.get(firstFrame + CaptionPainter.POP_STEPS + 1), null, scale);
        assertThat(popped).as("the word appears on its first frame").isGreaterThan(200);
        assertThat(popped).as("and is larger then than once settled").isGreaterThan((int) (settled * 1.1));
        assertThat(ink(frames.get(firstFrame - 1), null, scale)).as("not before its cue").isZero();
        CaptionDoc.Cue one = doc.cues().get(0);
        assertThat(one.end()).as("held just while spoken: clip time 1.0-1.4").isCloseTo(1.4, within(1e-9));
        int lastFrame = (int) Math.ceil(one.end() * FPS - 1e-6) - 1;
        assertThat(ink(frames.get(lastFrame), null, scale)).as("still up on its last frame").isGreaterThan(200);
        assertThat(ink(frames.get(lastFrame + 1), null, scale)).as("gone on the first frame after its cue").isZero();
    }

    /** A fixed centred 9:16 crop of the grey source. */
    static LayoutDoc centredFocus() {
        double d = WINDOW_END - WINDOW_START;
        LayoutDoc.Panel panel = new LayoutDoc.Panel(0, 202, 360, List.of(new LayoutDoc.Keyframe(0, 320, 180),
                new LayoutDoc.Keyframe(d, 320, 180)), new Box(0, 0, 1080, 1920));
        return new LayoutDoc(640, 360, WINDOW_START, WINDOW_END, 1080, 1920,
                List.of(new LayoutDoc.Segment(0, d, LayoutDoc.Mode.FOCUS, List.of(panel), "test")), List.of(), "focus", "focus",
                false, List.of());
    }

    /** Sentences split after word {@code firstSentence - 1}. */
    static Transcript transcript(List<Transcript.Word> words, int firstSentence) {
        List<Transcript.Segment> segments = new ArrayList<>();
        segments.add(new Transcript.Segment(words.get(0).start(), words.get(firstSentence - 1).end(), "", 0, firstSentence - 1));
        if (firstSentence < words.size()) {
            segments.add(new Transcript.Segment(words.get(firstSentence).start(), words.get(words.size() - 1).end(), "",
                    firstSentence, words.size() - 1));
        }
        return new Transcript(1, "en", "test", 8, words, segments, List.of(), List.of());
    }

    static List<BufferedImage> decode(Path mp4) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(mp4.toFile()); Java2DFrameConverter c = new Java2DFrameConverter()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                BufferedImage src = c.convert(f);
                BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
                copy.getGraphics().drawImage(src, 0, 0, null);
                frames.add(copy);
            }
        }
        return frames;
    }

    /** Pixels that are not the source's grey, inside {@code box} (plan pixels) or anywhere when null. */
    static int ink(BufferedImage f, Box box, double scale) {
        int x0 = box == null ? 0 : (int) Math.floor(box.x() * scale);
        int y0 = box == null ? 0 : (int) Math.floor(box.y() * scale);
        int x1 = box == null ? f.getWidth() : (int) Math.ceil((box.x() + box.w()) * scale);
        int y1 = box == null ? f.getHeight() : (int) Math.ceil((box.y() + box.h()) * scale);
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(f.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(f.getWidth(), x1); x++) {
                int rgb = f.getRGB(x, y);
                int dr = Math.abs(((rgb >> 16) & 0xff) - GREY.getRed());
                int dg = Math.abs(((rgb >> 8) & 0xff) - GREY.getGreen());
                int db = Math.abs((rgb & 0xff) - GREY.getBlue());
                if (dr + dg + db > 90) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Mean x, mean y and count of the highlight-yellow pixels. */
    static double[] yellowCentre(BufferedImage f) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < f.getHeight(); y++) {
            for (int x = 0; x < f.getWidth(); x++) {
                int rgb = f.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 190 && g > 160 && b < 90) {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }
        return new double[]{n == 0 ? -1 : sx / n, n == 0 ? -1 : sy / n, n};
    }
}
