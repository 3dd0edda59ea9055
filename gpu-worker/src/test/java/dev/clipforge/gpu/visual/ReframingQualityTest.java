package dev.clipforge.gpu.visual;

import dev.clipforge.activities.layout.LayoutPlanner;
import dev.clipforge.activities.media.Ffmpeg;
import dev.clipforge.activities.media.SpeechAudio;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.Face;
import dev.clipforge.gpu.models.ModelFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reframing measures of the README, on the generated two-person podcast, against the truth of how it
 * was made: where each face sits (the seat, with the face found once in the still photograph) and who
 * speaks when. The crop is taken from the plan exactly as the renderer applies it (clamped to the frame),
 * at every output frame.
 */
class ReframingQualityTest {
    static final double FPS = 25;
    static BlazeFace faces;
    static Podcasts.Made podcast;
    static VisualTimeline timeline;
    /** Each seat's face in source pixels. */
    static List<Box> truth;
    @TempDir
    static Path dir;

    @BeforeAll
    static void analyse() throws Exception {
        faces = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, dir), 0.6, 0.3);
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.8, 2, 1);
        podcast = Podcasts.twoPerson(dir.resolve("podcast.mp4"), 1280, 720, FPS, speech);
        double end = podcast.speech().seconds();
        timeline = new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10).analyze(podcast.file(), 0, end, end, 1280, 720,
                podcast.speech().samples(), List.of(), VisualAnalyzer.uncached(), () -> { });
        truth = new ArrayList<>();
        try (BlazeFace.Session s = faces.session()) {
            for (Podcasts.Seat seat : podcast.seats()) {
                BufferedImage still = new BufferedImage(seat.size(), seat.size(), BufferedImage.TYPE_3BYTE_BGR);
                still.getGraphics().drawImage(seat.face(), 0, 0, seat.size(), seat.size(), null);
                Face f = s.detect(still).stream().max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
                truth.add(new Box(seat.x() + f.box().x() * seat.size(), seat.y() + f.box().y() * seat.size(),
                        f.box().w() * seat.size(), f.box().h() * seat.size()));
            }
        }
    }

    @AfterAll
    static void close() {
        faces.close();
    }

    @Test
    void autoLayoutKeepsFacesWholeAndTheSpeakerOnScreen() {
        Measures m = measure(LayoutPlanner.Preference.AUTO);
        System.out.printf("reframing, auto (%s): %s%n", m.applied(), m);
        assertThat(m.faceInCrop()).isGreaterThanOrEqualTo(0.99);
        assertThat(m.speakerOnScreen()).isGreaterThanOrEqualTo(0.95);
        assertThat(m.emptyCrop()).isLessThanOrEqualTo(0.02);
        assertThat(m.accelerationP95()).isLessThanOrEqualTo(400);
    }

    @Test
    void focusLayoutFollowsTheSpeakerWithoutJitter() {
        Measures m = measure(LayoutPlanner.Preference.FOCUS);
        System.out.printf("reframing, focus (%s): %s%n", m.applied(), m);
        assertThat(m.applied()).isEqualTo("focus");
        assertThat(m.faceInCrop()).isGreaterThanOrEqualTo(0.99);
        assertThat(m.speakerOnScreen()).as("the camera cuts to a new speaker, back to when the change began")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(m.emptyCrop()).isLessThanOrEqualTo(0.02);
        assertThat(m.accelerationP95()).isLessThanOrEqualTo(400);
    }

    @Test
    void aMovingFaceAcrossShotCutsStaysInsideTheCrop() throws Exception {
        Path megamind = PackageMedia.OPENCV_DATA.resolve("Megamind.avi");
        Path wav = dir.resolve("megamind.wav");
        double end = SpeechAudio.extract(megamind, wav, () -> { });
        VisualTimeline t = new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10).analyze(megamind, 0, end, end, 720, 528,
                Wav.read(wav), List.of(), VisualAnalyzer.uncached(), () -> { });
        List<Double> cuts = sceneCuts(megamind);
        assertThat(cuts).as("cuts the ffmpeg CLI's scene detection finds").hasSize(3);
        assertThat(t.shots()).hasSize(cuts.size() + 1);
        for (int i = 0; i < cuts.size(); i++) {
            assertThat(t.shots().get(i + 1).start()).as("shot %d starts at the cut", i + 1)
                    .isCloseTo(cuts.get(i), org.assertj.core.api.Assertions.within(1 / 23.976 + 1e-3));
        }
        LayoutDoc doc = new LayoutPlanner().plan(t, 0, end, LayoutPlanner.Preference.AUTO).doc();
        // faces found afresh on every source frame, not only the analyser's samples; a frame in the wide layout
        // shows the whole picture, so its faces count as whole and shown
        int frames = 0;
        int withFace = 0;
        int whole = 0;
        int empty = 0;
        int wideFrames = 0;
        List<Double> notWhole = new ArrayList<>();
        try (BlazeFace.Session s = faces.session(); FFmpegFrameGrabber g = Ffmpeg.grabber(megamind);
             Java2DFrameConverter converter = new Java2DFrameConverter()) {
            g.start();
            Frame f;
            while ((f = g.grabImage()) != null) {
                double at = f.timestamp / 1_000_000.0;
                frames++;
                LayoutDoc.Segment seg = doc.segmentAt(at);
                List<Box> found = s.detect(converter.convert(f)).stream().map(d -> new Box(d.box().x() * 720, d.box().y() * 528,
                        d.box().w() * 720, d.box().h() * 528)).toList();
                if (found.isEmpty()) {
                    continue;
                }
                withFace++;
                if (seg.mode() == LayoutDoc.Mode.WIDE) {
                    wideFrames++;
                    whole++;
                    continue;
                }
                List<Box> crops = seg.panels().stream().map(p -> clamped(p.cropAt(at), 720, 528)).toList();
                if (found.stream().noneMatch(face -> crops.stream().anyMatch(c -> visible(face, c) >= 0.5))) {
                    empty++;
                }
                boolean allWhole = crops.stream().allMatch(c -> {
                    Box framed = found.stream().min(java.util.Comparator.comparingDouble(face -> Math.hypot(face.cx() - c.cx(),
                            face.cy() - c.cy()))).orElseThrow();
                    return visible(framed, c) >= 0.98;
                });
                if (allWhole) {
                    whole++;
                } else {
                    notWhole.add(Math.round(at * 100) / 100.0);
                }
            }
        }
        double faceInCrop = whole / (double) withFace;
        double emptyRate = empty / (double) withFace;
        double p95 = accelerationP95(doc, 720, 528);
        System.out.printf(java.util.Locale.ROOT, "reframing, Megamind.avi (%s, %d shots): face-in-crop %.3f over %d of %d frames "
                + "with a face (%d of them wide), empty-crop %.3f, crop acceleration p95 %.0f px/s²; face not whole at %s%n",
                doc.appliedMode(), t.shots().size(), faceInCrop, withFace, frames, wideFrames, emptyRate, p95, notWhole);
        assertThat(withFace).isGreaterThan(frames / 2);
        assertThat(faceInCrop).isGreaterThanOrEqualTo(0.99);
        assertThat(emptyRate).isLessThanOrEqualTo(0.02);
        // measured 576 px/s² (about 2 crop widths/s²): the eased pans change speed only at the 5 fps keyframes
        assertThat(p95).isLessThanOrEqualTo(800);
    }

    /**
     * @param faceInCrop       share of frames whose framed face (the one nearest the crop's centre) is wholly inside it;
     *                         a frame in the wide layout shows every face whole
     * @param speakerOnScreen  share of speech frames where the speaking face is at least 90% inside a crop
     * @param emptyCrop        share of frames where no face is even half inside a crop
     * @param accelerationP95  95th percentile of the crop centre's acceleration within a segment, source px/s²
     */
    record Measures(String applied, double faceInCrop, double speakerOnScreen, double emptyCrop, double accelerationP95) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "face-in-crop %.3f, speaker-on-screen %.3f, empty-crop %.3f, "
                    + "crop acceleration p95 %.0f px/s²", faceInCrop, speakerOnScreen, emptyCrop, accelerationP95);
        }
    }

    private static Measures measure(LayoutPlanner.Preference preference) {
        double end = podcast.speech().seconds();
        LayoutDoc doc = new LayoutPlanner().plan(timeline, 0, end, preference).doc();
        int followedFrames = 0;
        int followedWhole = 0;
        int speechFrames = 0;
        int speakerShown = 0;
        int frames = 0;
        int empty = 0;
        for (int i = 0; i < end * FPS; i++) {
            double t = i / FPS;
            LayoutDoc.Segment seg = doc.segmentAt(t);
            frames++;
            List<Box> crops = seg.mode() == LayoutDoc.Mode.WIDE ? List.of(new Box(0, 0, 1280, 720))
                    : seg.panels().stream().map(p -> clamped(p.cropAt(t))).toList();
            boolean anyFace = false;
            for (Box face : truth) {
                anyFace |= crops.stream().anyMatch(c -> visible(face, c) >= 0.5);
            }
            if (!anyFace) {
                empty++;
            }
            if (seg.mode() == LayoutDoc.Mode.WIDE) {
                // the whole picture is shown: every face in it is whole
                followedFrames++;
                followedWhole++;
            }
            for (Box crop : seg.mode() == LayoutDoc.Mode.WIDE ? List.<Box>of() : crops) {
                Box followed = followed(crop);
                if (visible(followed, crop) > 0) {
                    followedFrames++;
                    if (visible(followed, crop) >= 0.999) {
                        followedWhole++;
                    }
                }
            }
            int speaker = podcast.speakerAt(t);
            if (speaker >= 0) {
                speechFrames++;
                Box face = truth.get(speaker);
                if (crops.stream().anyMatch(c -> visible(face, c) >= 0.9)) {
                    speakerShown++;
                }
            }
        }
        double p95 = accelerationP95(doc, 1280, 720);
        assertThat(followedFrames).as("frames with a followed face").isGreaterThan(frames / 2);
        return new Measures(doc.appliedMode(), followedWhole / (double) followedFrames, speakerShown / (double) speechFrames,
                empty / (double) frames, p95);
    }

    /** Scene cuts by an independent tool: the Debian ffmpeg CLI's scene score, past its first frame. */
    private static List<Double> sceneCuts(Path video) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-i", video.toString(), "-vf",
                "select='gt(scene,0.3)',showinfo", "-an", "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(log).isZero();
        List<Double> cuts = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("pts_time:([0-9.]+)").matcher(log);
        while (m.find()) {
            double t = Double.parseDouble(m.group(1));
            if (t > 0.5) {
                cuts.add(t);
            }
        }
        return cuts;
    }

    /**
     * 95th percentile of the crop centre's acceleration at the output frame rate, within each segment and
     * without the cuts themselves (a jump of over a tenth of the frame between frames is a cut, not a pan).
     */
    private static double accelerationP95(LayoutDoc doc, int width, int height) {
        List<Double> accelerations = new ArrayList<>();
        for (LayoutDoc.Segment seg : doc.segments()) {
            for (LayoutDoc.Panel panel : seg.panels()) {
                List<double[]> centres = new ArrayList<>();
                for (double t = Math.ceil(seg.start() * FPS) / FPS; t < seg.end(); t += 1 / FPS) {
                    Box c = clamped(panel.cropAt(t), width, height);
                    centres.add(new double[]{c.cx(), c.cy()});
                }
                for (int i = 2; i < centres.size(); i++) {
                    double[] a = centres.get(i - 2);
                    double[] b = centres.get(i - 1);
                    double[] c = centres.get(i);
                    if (Math.hypot(b[0] - a[0], b[1] - a[1]) > width / 10.0 || Math.hypot(c[0] - b[0], c[1] - b[1]) > width / 10.0) {
                        continue;
                    }
                    accelerations.add(Math.hypot(c[0] - 2 * b[0] + a[0], c[1] - 2 * b[1] + a[1]) * FPS * FPS);
                }
            }
        }
        double[] a = accelerations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length == 0 ? 0 : a[(int) Math.floor(0.95 * (a.length - 1))];
    }

    /** The face a crop frames: the one whose centre is nearest the crop's. */
    private static Box followed(Box crop) {
        return truth.stream().min(java.util.Comparator.comparingDouble(f -> Math.hypot(f.cx() - crop.cx(), f.cy() - crop.cy())))
                .orElseThrow();
    }

    /** The crop as the render graph applies it: moved back inside the frame. */
    private static Box clamped(Box c) {
        return clamped(c, 1280, 720);
    }

    private static Box clamped(Box c, int width, int height) {
        double x = Math.max(0, Math.min(width - c.w(), c.x()));
        double y = Math.max(0, Math.min(height - c.h(), c.y()));
        return new Box(x, y, c.w(), c.h());
    }

    private static double visible(Box face, Box crop) {
        return face.intersection(crop) / face.area();
    }
}
