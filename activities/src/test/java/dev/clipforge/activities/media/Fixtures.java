package dev.clipforge.activities.media;

import dev.clipforge.activities.samples.SampleVideos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Test media made here, so every test shows how its input was made. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * Each frame's gray level encodes its index (index * 8, so 32 frames are told apart even after
     * compression), with an audible 440 Hz tone.
     */
    public static Path countingVideo(Path dir, double seconds, double fps) throws IOException {
        Path out = dir.resolve("counting.mp4");
        SampleVideos.write(out, SampleVideos.Spec.video(320, 240, fps, seconds)
                .withAudio(SampleVideos.tone(440, seconds, 48_000, 0.3), 48_000), Fixtures::grayFrame);
        return out;
    }

    public static BufferedImage grayFrame(int index) {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        int level = (index * 8) % 256;
        g.setColor(new Color(level, level, level));
        g.fillRect(0, 0, 320, 240);
        g.dispose();
        return img;
    }

    /** The frame index a {@link #grayFrame} image encodes (within a 32-frame cycle). */
    public static int decodeGray(BufferedImage img) {
        int rgb = img.getRGB(img.getWidth() / 2, img.getHeight() / 2);
        int level = (rgb >> 8) & 0xff;
        return Math.round(level / 8f) % 32;
    }

    public static Path videoOnly(Path dir, double seconds) throws IOException {
        Path out = dir.resolve("silent.mp4");
        SampleVideos.write(out, SampleVideos.Spec.video(320, 240, 25, seconds), Fixtures::grayFrame);
        return out;
    }

    public static Path audioOnly(Path dir, double seconds) throws IOException {
        Path out = dir.resolve("audio.m4a");
        SampleVideos.write(out, new SampleVideos.Spec(0, 0, 0, seconds, "mp4",
                SampleVideos.tone(330, seconds, 44_100, 0.3), 44_100), i -> null);
        return out;
    }

    /** The first {@code fraction} of a real MP4, as when an upload is cut off. */
    public static Path truncated(Path source, Path dir, double fraction) throws IOException {
        byte[] all = Files.readAllBytes(source);
        Path out = dir.resolve("truncated.mp4");
        Files.write(out, Arrays.copyOf(all, (int) (all.length * fraction)));
        return out;
    }

    public static Path randomBytes(Path dir, int size) throws IOException {
        byte[] b = new byte[size];
        new java.util.Random(7).nextBytes(b);
        Path out = dir.resolve("random.mp4");
        Files.write(out, b);
        return out;
    }

    public static Path textFile(Path dir) throws IOException {
        Path out = dir.resolve("notes.mp4");
        Files.writeString(out, "These are meeting notes, not a video.\nAgenda: ship the clipping engine.\n".repeat(20));
        return out;
    }

    public static Path htmlFile(Path dir) throws IOException {
        Path out = dir.resolve("page.mp4");
        Files.writeString(out, "<!DOCTYPE html><html><head><title>Not found</title></head><body>404</body></html>");
        return out;
    }
}
