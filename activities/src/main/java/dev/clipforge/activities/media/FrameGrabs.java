package dev.clipforge.activities.media;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Exact frames of a source at given times: the frame whose display interval contains each time. */
public final class FrameGrabs {
    private FrameGrabs() {
    }

    /** @param timestamp when the returned frame starts being displayed */
    public record Grabbed(double requested, double timestamp, BufferedImage image) {
    }

    /** Grabs frames in ascending time order in one session; seeks are by frame number, which lands exactly. */
    public static List<Grabbed> grab(Path source, List<Double> times) throws IOException {
        List<Grabbed> out = new ArrayList<>();
        try (FFmpegFrameGrabber g = Ffmpeg.grabber(source); Java2DFrameConverter converter = new Java2DFrameConverter()) {
            g.start();
            double fps = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : g.getFrameRate();
            int frames = Math.max(1, g.getLengthInVideoFrames());
            for (double t : times.stream().sorted().toList()) {
                int index = Math.max(0, Math.min(frames - 1, (int) Math.floor(t * fps + 1e-6)));
                g.setVideoFrameNumber(index);
                Frame f = g.grabImage();
                if (f == null) {
                    // the container over-reports its frame count: take the last frame that exists
                    g.setVideoFrameNumber(Math.max(0, index - 1));
                    f = g.grabImage();
                }
                if (f == null) {
                    throw new IOException("no frame decodes at " + t + " s");
                }
                BufferedImage image = deepCopy(converter.convert(f));
                out.add(new Grabbed(t, f.timestamp / 1_000_000.0, image));
            }
        }
        return out;
    }

    private static BufferedImage deepCopy(BufferedImage src) {
        BufferedImage copy = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        copy.getGraphics().drawImage(src, 0, 0, null);
        return copy;
    }

    public static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }
}
