package dev.clipforge.activities.render;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a rendition is encoded.
 *
 * @param codec          libx264, or h264_nvenc where a GPU encoder is configured (libx264 where NVENC does not open)
 * @param x264           encoder options: preset, crf, profile, rate limits
 * @param targetLufs     integrated loudness to normalise to, or null to leave the level alone
 * @param truePeakDb     peak ceiling when normalising
 */
public record RenderProfile(String name, int width, int height, String codec, Map<String, String> x264,
                            long audioBitRate, Double targetLufs, double truePeakDb) {

    /**
     * Options in name order: the profile's text names the preview object, and {@code Map.of} iterates in an order
     * that changes from one JVM to the next, which would make each worker render again what another stored.
     */
    public RenderProfile {
        x264 = Collections.unmodifiableMap(new TreeMap<>(x264));
    }

    /** Small and fast: what reviewers watch and QA measures. */
    public static RenderProfile preview() {
        return new RenderProfile("preview", 540, 960, "libx264",
                Map.of("preset", "veryfast", "crf", "28", "profile", "high", "maxrate", "1200k", "bufsize", "2400k"),
                96_000, null, -1.0);
    }

    /** This profile with loudness normalised to the target (what the export will sound like). */
    public RenderProfile withLoudness(double lufs, double truePeak) {
        return new RenderProfile(name, width, height, codec, x264, audioBitRate, lufs, truePeak);
    }

    /** The deliverable: H.264 High + AAC 48 kHz, loudness normalised. */
    public static RenderProfile export(int width, int height, String codec, double targetLufs, double truePeak) {
        return new RenderProfile("export", width, height, codec,
                Map.of("preset", "veryfast", "crf", "20", "profile", "high"), 160_000, targetLufs, truePeak);
    }
}
