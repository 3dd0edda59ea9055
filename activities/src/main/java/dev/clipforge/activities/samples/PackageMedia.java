package dev.clipforge.activities.samples;

import dev.clipforge.activities.media.Wav;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real media from Debian packages, for tests, benchmarks and the demo: LibriVox speech with its reference
 * text ({@code pocketsphinx-testdata}) and photographs of faces ({@code opencv-doc}).
 */
public final class PackageMedia {
    public static final Path LIBRIVOX = Path.of("/usr/share/pocketsphinx/test/data/librivox");
    public static final Path OPENCV_HTML = Path.of("/usr/share/doc/opencv-doc/opencv4/html");
    public static final Path OPENCV_DATA = Path.of("/usr/share/doc/opencv-doc/examples/data");
    public static final String INSTALL = "apt-get install -y pocketsphinx-testdata opencv-doc";
    private static final Pattern LINE = Pattern.compile("<s>\\s*(.*?)\\s*</s>\\s*\\((\\S+)\\)");

    private PackageMedia() {
    }

    public static boolean available() {
        return Files.isDirectory(LIBRIVOX) && Files.exists(OPENCV_HTML.resolve("face_swapped.jpg"));
    }

    /** One read sentence: 16 kHz mono samples and the words spoken. */
    public record Utterance(String id, String text, float[] samples) {
        public double seconds() {
            return samples.length / 16_000.0;
        }
    }

    public static List<Utterance> librivox() {
        try {
            List<Utterance> out = new ArrayList<>();
            for (String line : Files.readAllLines(LIBRIVOX.resolve("transcription"))) {
                Matcher m = LINE.matcher(line);
                if (m.find()) {
                    out.add(new Utterance(m.group(2), m.group(1), Wav.read(LIBRIVOX.resolve(m.group(2) + ".wav"))));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("LibriVox test speech is missing; " + INSTALL, e);
        }
    }

    /** A sentence placed in a longer recording, starting at {@code start} seconds. */
    public record Placed(Utterance utterance, double start, int speaker) {
        public double end() {
            return start + utterance.seconds();
        }
    }

    /** Utterances one after another with silence between, each assigned to a speaker in turn. */
    public record Speech(float[] samples, List<Placed> placed) {
        public double seconds() {
            return samples.length / 16_000.0;
        }
    }

    public static Speech sequence(List<Utterance> utterances, double leadIn, double gap, int speakers, int repeats) {
        List<Placed> placed = new ArrayList<>();
        double t = leadIn;
        int turn = 0;
        for (int r = 0; r < repeats; r++) {
            for (Utterance u : utterances) {
                placed.add(new Placed(u, t, turn++ % speakers));
                t += u.seconds() + gap;
            }
        }
        float[] samples = new float[(int) Math.ceil((t - gap + leadIn) * 16_000)];
        for (Placed p : placed) {
            System.arraycopy(p.utterance().samples(), 0, samples, (int) Math.round(p.start() * 16_000), p.utterance().samples().length);
        }
        return new Speech(samples, placed);
    }

    public static BufferedImage image(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new IOException("not an image: " + file);
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException("package image missing; " + INSTALL, e);
        }
    }

    /** A single face, looking at the camera, 320x320. */
    public static BufferedImage faceA() {
        return image(OPENCV_HTML.resolve("face_swapped.jpg"));
    }

    /** A second, different face: the lower-right portrait of a 2x2 grid of faces. */
    public static BufferedImage faceB() {
        BufferedImage grid = image(OPENCV_HTML.resolve("facereg.jpg"));
        return grid.getSubimage(grid.getWidth() / 2, grid.getHeight() / 2, grid.getWidth() / 2, grid.getHeight() / 2);
    }
}
