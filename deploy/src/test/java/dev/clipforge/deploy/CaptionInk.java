package dev.clipforge.deploy;

import dev.clipforge.activities.media.Ffmpeg;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.Face;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Captions as a viewer sees them, measured on every decoded frame of a rendered clip: caption ink is where the
 * clip differs from a render of the same layout without captions (same source, profile and encoder), so it is
 * found whatever the theme's colours. Changes away from the box of the cue on screen are counted apart as stray:
 * the two encodes differ a little around moving detail, and a caption drawn in the wrong place would show there.
 * Faces are found by BlazeFace in the caption-less frame, where no caption can hide the face it covers.
 */
final class CaptionInk {
    /** Luma change (of 255) that counts as caption ink: the two encodes differ by far less elsewhere. */
    static final int INK = 40;
    /** Ink pixels a frame needs to count as showing a caption (the shortest word has several hundred). */
    static final int SHOWN = 150;
    /** Faces are looked for in every third frame. */
    static final int FACE_STEP = 3;
    /** Pixels around a cue's box where its ink may still land (stroke, shadow, chroma smear of 4:2:0). */
    static final int MARGIN = 6;

    /**
     * @param faceFrames      frames faces were looked for in
     * @param inkOnFaces      caption ink pixels (changed pixels within the shown cue's box) inside a face box, over those frames
     * @param strayInk        ink pixels outside the box of the cue shown (or anywhere, with no cue), all frames
     * @param spokenFrames    frames in which a word is spoken
     * @param spokenShown     of those, frames showing a caption
     * @param quietFrames     frames no cue covers
     * @param quietClean      of those, frames showing no caption
     * @param mismatches      frames whose caption state differs from the cues' timing
     * @param worstErrorFrames the largest distance, in frames, of such a frame from the nearest cue edge
     */
    record Measured(int frames, int faceFrames, int framesWithFaces, long inkOnFaces, long strayInk, int spokenFrames,
                    int spokenShown, int quietFrames, int quietClean, int mismatches, double worstErrorFrames) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d frames; faces in %d of %d sampled frames, caption ink on faces %d px; "
                            + "caption shown in %d of %d frames with a word spoken, absent in %d of %d frames without a cue; "
                            + "%d frames off the cue timing, worst %.0f frame(s) from a cue edge; stray ink %d px",
                    frames, framesWithFaces, faceFrames, inkOnFaces, spokenShown, spokenFrames, quietClean, quietFrames,
                    mismatches, worstErrorFrames, strayInk);
        }
    }

    private CaptionInk() {
    }

    static Measured measure(Path captioned, Path clean, CaptionDoc doc) throws Exception {
        int frames = 0;
        int faceFrames = 0;
        int withFaces = 0;
        long onFaces = 0;
        long stray = 0;
        int spoken = 0;
        int spokenShown = 0;
        int quiet = 0;
        int quietClean = 0;
        int mismatches = 0;
        double worst = 0;
        try (FFmpegFrameGrabber a = Ffmpeg.grabber(captioned); FFmpegFrameGrabber b = Ffmpeg.grabber(clean);
             Java2DFrameConverter ca = new Java2DFrameConverter(); Java2DFrameConverter cb = new Java2DFrameConverter();
             BlazeFace.Session faces = MediaChecks.faces().session()) {
            a.start();
            b.start();
            double fps = a.getVideoFrameRate();
            Frame fa;
            while ((fa = a.grabImage()) != null) {
                Frame fb = b.grabImage();
                if (fb == null) {
                    throw new AssertionError("the caption-less render has fewer frames than the clip");
                }
                BufferedImage withCaptions = ca.convert(fa);
                BufferedImage without = cb.convert(fb);
                int w = withCaptions.getWidth();
                int h = withCaptions.getHeight();
                double t = frames / fps;
                double scale = w / (double) doc.outputWidth();
                CaptionDoc.Cue cue = doc.cueAt(t);
                Rectangle box = cue == null ? null : new Rectangle((int) Math.floor(cue.box().x() * scale) - MARGIN,
                        (int) Math.floor(cue.box().y() * scale) - MARGIN, (int) Math.ceil(cue.box().w() * scale) + 2 * MARGIN,
                        (int) Math.ceil(cue.box().h() * scale) + 2 * MARGIN);
                List<Rectangle> faceBoxes = new ArrayList<>();
                if (frames % FACE_STEP == 0) {
                    faceFrames++;
                    for (Face f : faces.detect(without)) {
                        faceBoxes.add(new Rectangle((int) (f.box().x() * w), (int) (f.box().y() * h), (int) (f.box().w() * w),
                                (int) (f.box().h() * h)));
                    }
                    withFaces += faceBoxes.isEmpty() ? 0 : 1;
                }
                int[] rowA = new int[w];
                int[] rowB = new int[w];
                int ink = 0;
                for (int y = 0; y < h; y++) {
                    withCaptions.getRGB(0, y, w, 1, rowA, 0, w);
                    without.getRGB(0, y, w, 1, rowB, 0, w);
                    for (int x = 0; x < w; x++) {
                        if (Math.abs(MediaChecks.luma(rowA[x]) - MediaChecks.luma(rowB[x])) <= INK) {
                            continue;
                        }
                        ink++;
                        if (box == null || !box.contains(x, y)) {
                            // a change away from the caption on screen is the two encodes differing, not caption ink
                            stray++;
                            continue;
                        }
                        for (Rectangle face : faceBoxes) {
                            if (face.contains(x, y)) {
                                onFaces++;
                            }
                        }
                    }
                }
                boolean shown = ink >= SHOWN;
                if (spokenAt(doc, t)) {
                    spoken++;
                    spokenShown += shown ? 1 : 0;
                }
                if (cue == null) {
                    quiet++;
                    quietClean += shown ? 0 : 1;
                }
                if (shown != (cue != null)) {
                    mismatches++;
                    worst = Math.max(worst, framesToCueEdge(doc, frames, fps));
                }
                frames++;
            }
        }
        return new Measured(frames, faceFrames, withFaces, onFaces, stray, spoken, spokenShown, quiet, quietClean, mismatches,
                worst);
    }

    private static boolean spokenAt(CaptionDoc doc, double t) {
        return doc.cues().stream().flatMap(c -> c.words().stream()).anyMatch(w -> t >= w.start() && t < w.end());
    }

    /** Distance in frames from frame {@code index} to the nearest cue start or end. */
    private static double framesToCueEdge(CaptionDoc doc, int index, double fps) {
        double best = Double.MAX_VALUE;
        for (CaptionDoc.Cue c : doc.cues()) {
            best = Math.min(best, Math.min(Math.abs(c.start() * fps - index), Math.abs(c.end() * fps - index)));
        }
        return Math.ceil(best - 1e-6);
    }
}
