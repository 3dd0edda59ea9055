package dev.clipforge.deploy;

import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Talking-head videos made once per test JVM from package photographs and LibriVox speech. */
public final class TestVideos {
    private static Podcasts.Made podcast;
    private static Podcasts.Made single;

    private TestVideos() {
    }

    /** Two people taking turns reading five sentences: about 30 s, 1280x720, 25 fps. */
    public static synchronized Podcasts.Made podcast() {
        if (podcast == null) {
            podcast = make("podcast.mp4", true);
        }
        return podcast;
    }

    /** One person reading the five sentences. */
    public static synchronized Podcasts.Made single() {
        if (single == null) {
            single = make("single.mp4", false);
        }
        return single;
    }

    private static Podcasts.Made make(String name, boolean two) {
        try {
            Path dir = Files.createTempDirectory("clipforge-media-");
            PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.8, two ? 2 : 1, 1);
            return two ? Podcasts.twoPerson(dir.resolve(name), 1280, 720, 25, speech)
                    : Podcasts.single(dir.resolve(name), 1280, 720, 25, speech);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
