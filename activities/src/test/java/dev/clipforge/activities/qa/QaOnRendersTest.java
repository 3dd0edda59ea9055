package dev.clipforge.activities.qa;

import dev.clipforge.activities.captions.CaptionBuilder;
import dev.clipforge.activities.layout.LayoutPlanner;
import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.render.ClipRenderer;
import dev.clipforge.activities.render.RenderProfile;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.SampleVideos;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QA on previews really rendered from a source whose face sits where the test drew it: the framing, caption
 * and duration checks each fire on a render built to trip them and stay silent on the clean render, and the
 * rendered pixels agree with the verdict (the face is missing, cut by the frame's edge, under the caption, or
 * the picture ends early). The face positions QA reads are the drawn ones, mapped through each crop by the
 * layout planner's own projection.
 */
class QaOnRendersTest {
    static final int W = 1920;
    static final int H = 1080;
    static final double FPS = 25;
    static final double SOURCE_SECONDS = 7;
    static final double START = 0.5;
    static final double END = 6.5;
    /** Where the portrait is drawn, source pixels. */
    static final Box FACE = new Box(200, 300, 450, 450);
    static final Color BACKGROUND = new Color(40, 44, 52);
    static final Color BAR = new Color(210, 210, 210);
    static final int BAR_TOP = 800;
    static final double TARGET = -14;
    static final double PEAK = -1;
    /** The preview's picture, 540x960: half the plan's 1080x1920. */
    static final double PREVIEW_SCALE = 0.5;
    @TempDir
    static Path dir;
    static Path source;
    static BufferedImage portrait;
    static VisualTimeline timeline;
    static LayoutDoc framed;
    static Transcript speech;

    @BeforeAll
    static void makeSource() throws Exception {
        portrait = PackageMedia.faceA();
        source = dir.resolve("face.mp4");
        SampleVideos.write(source, SampleVideos.Spec.video(W, H, FPS, SOURCE_SECONDS)
                .withAudio(SampleVideos.tone(220, SOURCE_SECONDS, 48_000, 0.1), 48_000), QaOnRendersTest::frame);
        timeline = drawnFace();
        framed = new LayoutPlanner().plan(timeline, START, END, LayoutPlanner.Preference.FOCUS).doc();
        List<Transcript.Word> words = new ArrayList<>();
        String[] text = "every check here measures a preview that was really rendered from the source".split(" ");
        for (int i = 0; i < text.length; i++) {
            words.add(new Transcript.Word(text[i], 1.0 + i * 0.4, 1.0 + i * 0.4 + 0.32, 1));
        }
        speech = new Transcript(1, "en", "test", SOURCE_SECONDS, words, List.of(new Transcript.Segment(words.get(0).start(),
                words.get(words.size() - 1).end(), String.join(" ", text), 0, words.size() - 1)), List.of(), List.of());
    }

    @Test
    void theCleanRenderRaisesNothingAndShowsTheWholeFaceClearOfCaptions() throws Exception {
        CaptionDoc captions = captions(CaptionTheme.documentary());
        Path clean = render("clean", framed, captions);
        assertThat(check(clean, framed, captions, END - START)).isEmpty();

        BufferedImage frame = frameAt(clean, 3);
        Box face = outputFace(framed, 3);
        assertThat(portraitPixels(frame, face)).as("the face is in the picture").isGreaterThan((int) (0.8 * face.area()));
        assertThat(portraitPixelsOnEdges(frame)).as("and not cut by the frame's edge").isZero();
        BufferedImage uncaptioned = frameAt(render("uncaptioned", framed, null), 3);
        assertThat(captionInk(frame, uncaptioned, face)).as("caption ink on the face").isZero();
        assertThat(captionInk(frame, uncaptioned, null)).as("while a caption shows").isGreaterThan(500);
    }

    @Test
    void aCropThatLeavesTheFaceOutIsAnEmptyCrop() throws Exception {
        LayoutDoc away = cropCentredAt(1500);
        Path out = render("away", away, null);
        QaIssue issue = only(check(out, away, null, END - START), "empty_crop");
        assertThat(issue.value()).isEqualTo(1.0);
        assertThat(portraitPixels(frameAt(out, 3), null)).as("no face in the rendered picture").isLessThan(200);
    }

    @Test
    void aCropThroughTheFaceIsAFaceCutOff() throws Exception {
        // the crop's left edge runs through the face: 60% of it shows
        LayoutDoc through = cropCentredAt(FACE.x() + 0.4 * FACE.w() + framed.segments().get(0).panels().get(0).cropWidth() / 2);
        Path out = render("through", through, null);
        QaIssue issue = only(check(out, through, null, END - START), "face_cut_off");
        assertThat(issue.value()).isEqualTo(1.0);
        assertThat(portraitPixelsOnEdges(frameAt(out, 3))).as("the rendered face runs into the frame's edge")
                .isGreaterThan(100);
    }

    @Test
    void aCaptionPinnedOverTheFaceIsACaptionOnFace() throws Exception {
        CaptionTheme documentary = CaptionTheme.documentary();
        CaptionTheme middle = new CaptionTheme("thm_middle", "Middle", documentary.fontFamily(), documentary.fontSize(),
                documentary.textColor(), documentary.highlightColor(), documentary.strokeColor(), documentary.strokeWidth(),
                documentary.shadow(), documentary.boxColor(), documentary.uppercase(), documentary.maxWordsPerLine(),
                documentary.maxCharsPerLine(), documentary.maxLines(), "middle", documentary.animation(), documentary.mode());
        CaptionDoc captions = captions(middle);
        Path out = render("pinned", framed, captions);
        QaIssue issue = only(check(out, framed, captions, END - START), "caption_on_face");
        assertThat(issue.value()).isGreaterThan(0.0);
        Box face = outputFace(framed, 3);
        BufferedImage uncaptioned = frameAt(render("uncaptioned-pinned", framed, null), 3);
        assertThat(captionInk(frameAt(out, 3), uncaptioned, face)).as("caption ink on the rendered face").isGreaterThan(500);
    }

    @Test
    void aPreviewTheSourceEndsBeforeTheWindowDoesIsOffTheWindow() throws Exception {
        // the window runs 1.5 s past the source's end (a duration believed longer than the file's): the render stops early
        double windowEnd = SOURCE_SECONDS + 1.5;
        LayoutDoc.Segment only = framed.segments().get(0);
        LayoutDoc longer = new LayoutDoc(W, H, START, windowEnd, framed.outputWidth(), framed.outputHeight(),
                List.of(new LayoutDoc.Segment(0, windowEnd - START, only.mode(), only.panels(), only.reason())), framed.faces(),
                framed.appliedMode(), framed.primaryLayout(), false, List.of());
        Path out = render("short", longer, null);
        QaIssue issue = only(check(out, longer, null, windowEnd - START), "duration_off_window");
        assertThat(issue.value()).as("the preview is short by what the source lacks").isBetween(1.4, 1.6);
        assertThat(issue.repair()).as("a repair renders the same window again: only a reselect helps").isNull();
    }

    private static List<QaIssue> check(Path preview, LayoutDoc layout, CaptionDoc captions, double windowSeconds)
            throws Exception {
        return new QaChecker().check(new QaChecker.Inputs(windowSeconds, START, START + windowSeconds, true, W, H, layout,
                captions, null, PreviewMeasures.of(preview), TARGET, PEAK));
    }

    private static QaIssue only(List<QaIssue> issues, String code) {
        assertThat(issues).extracting(QaIssue::code).as("issues raised").containsExactly(code);
        return issues.get(0);
    }

    /** The preview as the preview stage renders it. */
    private static Path render(String name, LayoutDoc layout, CaptionDoc captions) {
        Path out = dir.resolve(name + ".mp4");
        new ClipRenderer().render(source, 0, layout, captions, RenderProfile.preview().withLoudness(TARGET, PEAK), out,
                (d, n) -> { });
        return out;
    }

    private static CaptionDoc captions(CaptionTheme theme) {
        return new CaptionBuilder().build(speech, START, END, theme, framed, false);
    }

    /** The framed layout with its crop held at {@code cx}, and the drawn face mapped through that crop. */
    private static LayoutDoc cropCentredAt(double cx) {
        List<LayoutDoc.Segment> segments = new ArrayList<>();
        for (LayoutDoc.Segment s : framed.segments()) {
            List<LayoutDoc.Panel> panels = s.panels().stream().map(p -> new LayoutDoc.Panel(p.track(), p.cropWidth(),
                    p.cropHeight(), List.of(new LayoutDoc.Keyframe(0, cx, H / 2.0)), p.region())).toList();
            segments.add(new LayoutDoc.Segment(s.start(), s.end(), s.mode(), panels, "test: crop held at x = " + cx));
        }
        return new LayoutDoc(W, H, START, END, framed.outputWidth(), framed.outputHeight(), segments,
                LayoutPlanner.outputFaces(timeline, segments, START, END), framed.appliedMode(), framed.primaryLayout(), false,
                List.of());
    }

    /** The face where visual analysis would report it: the drawn box, five times a second, one track, speaking. */
    private static VisualTimeline drawnFace() {
        Box box = new Box(FACE.x() / W, FACE.y() / H, FACE.w() / W, FACE.h() / H);
        List<VisualTimeline.Sample> samples = new ArrayList<>();
        for (int i = 0; i < SOURCE_SECONDS * 5; i++) {
            samples.add(new VisualTimeline.Sample(i / 5.0, List.of(new VisualTimeline.TrackedFace(1, box, 0.95, box.cx(),
                    box.y() + box.h() * 0.75, 0.9))));
        }
        return new VisualTimeline(0, SOURCE_SECONDS, W, H, FPS, 5, samples,
                List.of(new VisualTimeline.Track(1, 0, SOURCE_SECONDS, 1, 1, box)), List.of(new VisualTimeline.Shot(0, SOURCE_SECONDS)),
                true, 1, "drawn", "drawn");
    }

    /** The portrait on a plain background, and a bar moving under it so the picture is never frozen. */
    private static BufferedImage frame(int index) {
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, W, H);
        g.drawImage(portrait, (int) FACE.x(), (int) FACE.y(), (int) FACE.w(), (int) FACE.h(), null);
        g.setColor(BAR);
        g.fillRect(0, BAR_TOP + (index * 5) % 240, W, 30);
        g.dispose();
        return img;
    }

    /** The drawn face at clip time {@code t} in the preview's pixels, as the layout maps it. */
    private static Box outputFace(LayoutDoc layout, double t) {
        LayoutDoc.FaceInOutput face = layout.faces().stream().min((a, b) -> Double.compare(Math.abs(a.t() - t),
                Math.abs(b.t() - t))).orElseThrow().boxes().get(0);
        Box b = face.box();
        return new Box(b.x() * PREVIEW_SCALE, b.y() * PREVIEW_SCALE, b.w() * PREVIEW_SCALE, b.h() * PREVIEW_SCALE);
    }

    private static BufferedImage frameAt(Path mp4, double t) throws Exception {
        return FrameGrabs.grab(mp4, List.of(t)).get(0).image();
    }

    /** Pixels of the portrait (not background) inside {@code region}, or anywhere above the bar when null. */
    private static int portraitPixels(BufferedImage f, Box region) {
        int x0 = region == null ? 0 : (int) Math.max(0, region.x());
        int y0 = region == null ? 0 : (int) Math.max(0, region.y());
        int x1 = region == null ? f.getWidth() : (int) Math.min(f.getWidth(), region.x() + region.w());
        int y1 = region == null ? aboveTheBar() : (int) Math.min(aboveTheBar(), region.y() + region.h());
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += portrait(f.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    /** Portrait pixels in the two outermost columns on each side of the picture, above the bar. */
    private static int portraitPixelsOnEdges(BufferedImage f) {
        int n = 0;
        for (int y = 0; y < aboveTheBar(); y++) {
            for (int x : new int[]{0, 1, f.getWidth() - 2, f.getWidth() - 1}) {
                n += portrait(f.getRGB(x, y)) ? 1 : 0;
            }
        }
        return n;
    }

    /** Preview rows above the moving bar (which starts at source row 800); the portrait ends at row 750. */
    private static int aboveTheBar() {
        return (int) (BAR_TOP * framed.outputHeight() / (double) H * PREVIEW_SCALE) - 4;
    }

    private static boolean portrait(int rgb) {
        return !near(rgb, BACKGROUND, 30);
    }

    private static boolean near(int rgb, Color c, int tolerance) {
        return Math.abs(((rgb >> 16) & 0xff) - c.getRed()) <= tolerance && Math.abs(((rgb >> 8) & 0xff) - c.getGreen()) <= tolerance
                && Math.abs((rgb & 0xff) - c.getBlue()) <= tolerance;
    }

    /** Pixels whose luma the caption changed by more than 40 of 255, inside {@code region} or anywhere when null. */
    private static int captionInk(BufferedImage with, BufferedImage without, Box region) {
        int x0 = region == null ? 0 : (int) Math.max(0, region.x());
        int y0 = region == null ? 0 : (int) Math.max(0, region.y());
        int x1 = region == null ? with.getWidth() : (int) Math.min(with.getWidth(), region.x() + region.w());
        int y1 = region == null ? with.getHeight() : (int) Math.min(with.getHeight(), region.y() + region.h());
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += Math.abs(luma(with.getRGB(x, y)) - luma(without.getRGB(x, y))) > 40 ? 1 : 0;
            }
        }
        return n;
    }

    private static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 77 + ((rgb >> 8) & 0xff) * 150 + (rgb & 0xff) * 29) >> 8;
    }
}
