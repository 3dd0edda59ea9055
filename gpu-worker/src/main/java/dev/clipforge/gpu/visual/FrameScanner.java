package dev.clipforge.gpu.visual;

import dev.clipforge.activities.media.Ffmpeg;
import dev.clipforge.common.visual.Box;
import dev.clipforge.gpu.faces.FaceDetector;
import dev.clipforge.gpu.faces.Face;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoding pass over a tile at analysis size: faces on sampled frames, mouth motion and picture
 * change on every frame. FFmpeg scales to the analysis width while converting, so full-size frames are
 * never copied into Java.
 */
final class FrameScanner {
    /** Analysis width: large enough for faces a tenth of the frame wide, small enough to keep up. */
    static final int WIDTH = 640;
    /** Thumbnail grid for picture change (shot boundaries). */
    private static final int THUMB = 32;

    private final FaceDetector.Session faces;
    private final double sampleFps;

    FrameScanner(FaceDetector.Session faces, double sampleFps) {
        this.faces = faces;
        this.sampleFps = sampleFps;
    }

    TileScan scan(Path source, double start, double end, int displayWidth, int displayHeight, Runnable heartbeat)
            throws IOException {
        int height = Math.max(2, (int) Math.round(WIDTH * (double) displayHeight / displayWidth / 2) * 2);
        List<TileScan.SampleFaces> samples = new ArrayList<>();
        List<double[]> motion = new ArrayList<>();
        List<double[]> change = new ArrayList<>();
        try (FFmpegFrameGrabber g = Ffmpeg.grabber(source); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            g.setImageWidth(WIDTH);
            g.setImageHeight(height);
            g.start();
            double fps = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : 25;
            if (start > 0) {
                g.setVideoTimestamp((long) (start * 1_000_000) + 1);
            }
            double nextSample = start;
            float[] previousThumb = null;
            byte[] previousGray = null;
            List<TileScan.DetectedFace> current = List.of();
            int frames = 0;
            Frame f;
            while ((f = g.grabImage()) != null) {
                if (Thread.currentThread().isInterrupted()) {
                    // a stopping worker interrupts what is left running: end here, not inside a model being closed
                    throw new java.io.InterruptedIOException("visual analysis interrupted: the worker is stopping");
                }
                double t = f.timestamp / 1_000_000.0;
                if (t < start - 0.5 / fps) {
                    continue;
                }
                if (t >= end) {
                    break;
                }
                int w = f.imageWidth;
                int h = f.imageHeight;
                byte[] gray = gray((ByteBuffer) f.image[0], w, h, f.imageStride);
                float[] thumb = thumbnail(gray, w, h);
                change.add(new double[]{t, previousThumb == null ? 0 : meanAbsDiff(thumb, previousThumb)});
                previousThumb = thumb;
                if (t + 1e-6 >= nextSample) {
                    BufferedImage img = converter.convert(f);
                    List<TileScan.DetectedFace> found = new ArrayList<>();
                    for (Face face : faces.detect(img)) {
                        found.add(new TileScan.DetectedFace(face.box(), face.score(), face.mouthX(), face.mouthY()));
                    }
                    current = found;
                    samples.add(new TileScan.SampleFaces(samples.size(), t, found));
                    nextSample += 1.0 / sampleFps;
                }
                if (previousGray != null && !samples.isEmpty()) {
                    double[] row = new double[2 + current.size()];
                    row[0] = t;
                    row[1] = samples.size() - 1;
                    for (int i = 0; i < current.size(); i++) {
                        row[2 + i] = mouthMotion(gray, previousGray, w, h, current.get(i));
                    }
                    motion.add(row);
                }
                previousGray = gray;
                if (++frames % 50 == 0) {
                    heartbeat.run();
                }
            }
            return new TileScan(start, end, displayWidth, displayHeight, fps, samples, motion, change);
        }
    }

    private static byte[] gray(ByteBuffer bgr, int w, int h, int stride) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            int row = y * stride;
            for (int x = 0; x < w; x++) {
                int p = row + x * 3;
                int b = bgr.get(p) & 0xff;
                int gg = bgr.get(p + 1) & 0xff;
                int r = bgr.get(p + 2) & 0xff;
                out[y * w + x] = (byte) ((r * 77 + gg * 150 + b * 29) >> 8);
            }
        }
        return out;
    }

    private static float[] thumbnail(byte[] gray, int w, int h) {
        float[] t = new float[THUMB * THUMB];
        int[] n = new int[THUMB * THUMB];
        for (int y = 0; y < h; y += 2) {
            int ty = y * THUMB / h;
            for (int x = 0; x < w; x += 2) {
                int i = ty * THUMB + x * THUMB / w;
                t[i] += gray[y * w + x] & 0xff;
                n[i]++;
            }
        }
        for (int i = 0; i < t.length; i++) {
            t[i] = n[i] == 0 ? 0 : t[i] / n[i];
        }
        return t;
    }

    private static double meanAbsDiff(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length / 255.0;
    }

    /**
     * Mean absolute change, frame to frame, of the region around the mouth, relative to the face's size:
     * lips moving with speech change it far more than a still face does.
     */
    static double mouthMotion(byte[] gray, byte[] previous, int w, int h, TileScan.DetectedFace face) {
        Box b = face.box();
        double rw = b.w() * 0.5;
        double rh = b.h() * 0.28;
        int x0 = clamp((int) Math.round((face.mouthX() - rw / 2) * w), w);
        int x1 = clamp((int) Math.round((face.mouthX() + rw / 2) * w), w);
        int y0 = clamp((int) Math.round((face.mouthY() - rh / 2) * h), h);
        int y1 = clamp((int) Math.round((face.mouthY() + rh / 2) * h), h);
        long sum = 0;
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                sum += Math.abs((gray[y * w + x] & 0xff) - (previous[y * w + x] & 0xff));
                n++;
            }
        }
        return n == 0 ? 0 : sum / (double) n / 255.0;
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }
}
