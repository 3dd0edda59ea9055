package dev.clipforge.deploy.cli;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code clipforge demo}: makes a sample two-person podcast from Debian package media (LibriVox speech,
 * opencv-doc portraits), then clips it exactly as {@code clipforge clip} would.
 */
public final class DemoCommand {
    private final PrintStream out;

    public DemoCommand(PrintStream out) {
        this.out = out;
    }

    public int run(String[] args) {
        if (!PackageMedia.available()) {
            out.println("the demo builds its video from Debian packages that are not installed here; run:\n  sudo "
                    + PackageMedia.INSTALL + "\nor clip your own video with: clipforge clip <file>");
            return 2;
        }
        Path video = Path.of(System.getProperty("java.io.tmpdir"), "clipforge-demo", "podcast-demo.mp4");
        try {
            if (!Files.exists(video)) {
                Files.createDirectories(video.getParent());
                out.println("making the demo video: two people reading Sense and Sensibility (LibriVox), about a minute...");
                PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.9, 2, 2);
                Podcasts.twoPerson(video, 1280, 720, 25, speech);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> clipArgs = new ArrayList<>(List.of(video.toString(), "--clips", "2", "--min", "10", "--max", "30",
                "--style", "full-sentence"));
        clipArgs.addAll(List.of(args));
        return new ClipCommand(out).run(clipArgs.toArray(String[]::new));
    }
}
