package dev.clipforge.activities.samples;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Talking-head videos built from package photographs and LibriVox speech: each person's mouth opens
 * with the loudness of their own lines and stays shut while the other speaks, so tests know who speaks
 * when and where every face is.
 */
public final class Podcasts {
    private Podcasts() {
    }

    /** Where a person sits in the frame (pixels) and where the mouth is within the photograph (0..1). */
    public record Seat(BufferedImage face, int x, int y, int size, double mouthX, double mouthY) {
        public java.awt.Rectangle rect() {
            return new java.awt.Rectangle(x, y, size, size);
        }
    }

    /** The video, and the truth about it. */
    public record Made(Path file, int width, int height, double fps, List<Seat> seats, PackageMedia.Speech speech) {
        /** Who speaks at {@code t}: a seat index, or -1 in silence. */
        public int speakerAt(double t) {
            for (PackageMedia.Placed p : speech.placed()) {
                if (t >= p.start() && t < p.end()) {
                    return p.speaker() % seats.size();
                }
            }
            return -1;
        }
    }

    /** Two people side by side, taking turns. */
    public static Made twoPerson(Path out, int width, int height, double fps, PackageMedia.Speech speech) throws IOException {
        int size = (int) (height * 0.55);
        int y = (height - size) / 2;
        List<Seat> seats = List.of(
                new Seat(PackageMedia.faceA(), width / 4 - size / 2, y, size, 0.50, 0.56),
                new Seat(PackageMedia.faceB(), width * 3 / 4 - size / 2, y, size, 0.50, 0.625));
        return make(out, width, height, fps, seats, speech);
    }

    /** One person facing the camera, as in a talk or a solo podcast. */
    public static Made single(Path out, int width, int height, double fps, PackageMedia.Speech speech) throws IOException {
        int size = (int) (height * 0.6);
        return make(out, width, height, fps, List.of(new Seat(PackageMedia.faceA(), width / 2 - size / 2,
                (height - size) / 2, size, 0.50, 0.56)), speech);
    }

    private static Made make(Path out, int width, int height, double fps, List<Seat> seats, PackageMedia.Speech speech)
            throws IOException {
        float[] samples = speech.samples();
        double seconds = samples.length / 16_000.0;
        float[] envelope = envelope(samples, fps);
        BufferedImage background = background(width, height, seats);
        Made made = new Made(out, width, height, fps, seats, speech);
        SampleVideos.write(out, SampleVideos.Spec.video(width, height, fps, seconds).withAudio(samples, 16_000), i -> {
            double t = i / fps;
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = frame.createGraphics();
            g.drawImage(background, 0, 0, null);
            int speaker = made.speakerAt(t);
            for (int s = 0; s < seats.size(); s++) {
                double open = s == speaker ? envelope[Math.min(envelope.length - 1, i)] : 0;
                drawMouth(g, seats.get(s), open);
            }
            g.dispose();
            return frame;
        });
        return made;
    }

    private static BufferedImage background(int width, int height, List<Seat> seats) {
        BufferedImage bg = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = bg.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setPaint(new GradientPaint(0, 0, new Color(34, 40, 52), width, height, new Color(70, 58, 48)));
        g.fillRect(0, 0, width, height);
        for (Seat s : seats) {
            g.drawImage(s.face(), s.x(), s.y(), s.size(), s.size(), null);
        }
        g.dispose();
        return bg;
    }

    /** An open mouth: a dark ellipse whose height follows the speech loudness (0..1). */
    private static void drawMouth(Graphics2D g, Seat s, double open) {
        if (open <= 0.02) {
            return;
        }
        int cx = s.x() + (int) (s.mouthX() * s.size());
        int cy = s.y() + (int) (s.mouthY() * s.size());
        int w = (int) (s.size() * 0.15);
        int h = Math.max(2, (int) (s.size() * 0.09 * open));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(60, 20, 25));
        g.fillOval(cx - w / 2, cy - h / 2, w, h);
    }

    /** Loudness per video frame, 0..1 (RMS over the frame, normalised to the loudest frame). */
    static float[] envelope(float[] samples, double fps) {
        int per = (int) Math.round(16_000 / fps);
        List<Float> rms = new ArrayList<>();
        float max = 1e-6f;
        for (int i = 0; i < samples.length; i += per) {
            double sum = 0;
            int n = Math.min(per, samples.length - i);
            for (int j = 0; j < n; j++) {
                sum += samples[i + j] * samples[i + j];
            }
            float r = (float) Math.sqrt(sum / Math.max(1, n));
            rms.add(r);
            max = Math.max(max, r);
        }
        float[] out = new float[rms.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.min(1f, rms.get(i) / (max * 0.7f));
        }
        return out;
    }
}
