package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.media.MediaProbe;
import dev.clipforge.activities.media.SpeechAudio;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.visual.Box;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.Face;
import dev.clipforge.gpu.models.ModelFiles;
import org.springframework.jdbc.core.JdbcTemplate;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Looks at rendered media the way a viewer would: streams, pixels, faces, sound. */
final class MediaChecks {
    private static BlazeFace faces;

    private MediaChecks() {
    }

    static ProbeResult probe(Path mp4) throws Exception {
        return MediaProbe.probe(mp4);
    }

    /** RMS level of the file's audio in dBFS (quiet files are far below -40). */
    static double audioLevelDb(Path mp4) throws Exception {
        Path wav = Files.createTempFile("level", ".wav");
        try {
            SpeechAudio.extract(mp4, wav, () -> {
            });
            float[] s = Wav.read(wav);
            double sum = 0;
            for (float v : s) {
                sum += v * v;
            }
            return 10 * Math.log10(sum / Math.max(1, s.length) + 1e-12);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** Integrated loudness (LUFS) and true peak (dBTP) of a file. */
    record Loudness(double integratedLufs, double truePeakDbtp) {
    }

    /**
     * Loudness as Debian's {@code ffmpeg} CLI measures it with its ebur128 filter: an independent measure, not
     * the meter the renderer normalised with.
     */
    static Loudness cliLoudness(Path file) throws Exception {
        Process p = new ProcessBuilder("ffmpeg", "-nostats", "-hide_banner", "-i", file.toString(), "-af", "ebur128=peak=true",
                "-f", "null", "-").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("ffmpeg ebur128 failed: " + log);
        }
        String summary = log.substring(log.lastIndexOf("Summary:"));
        return new Loudness(number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS"));
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(regex + " not in " + text);
        }
        return Double.parseDouble(m.group(1));
    }

    static synchronized BlazeFace faces() {
        if (faces == null) {
            try {
                faces = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256,
                        Files.createTempDirectory("models")), 0.6, 0.3);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return faces;
    }

    /** Faces BlazeFace finds in the frame shown at {@code t}. */
    static List<Face> facesAt(Path mp4, double t) throws Exception {
        BufferedImage frame = FrameGrabs.grab(mp4, List.of(t)).get(0).image();
        try (BlazeFace.Session s = faces().session()) {
            return s.detect(frame);
        }
    }

    /** A face that is wholly inside the picture (not cut by the crop's edge). */
    static boolean wholeFaceVisible(List<Face> found) {
        return found.stream().anyMatch(f -> f.box().inside(new Box(0, 0, 1, 1), 0.0) && f.box().w() > 0.1);
    }

    /** Mean absolute luma difference between two frames inside {@code region} (pixels of the frame). */
    static double difference(BufferedImage a, BufferedImage b, java.awt.Rectangle region) {
        long sum = 0;
        long n = 0;
        for (int y = region.y; y < region.y + region.height; y += 2) {
            for (int x = region.x; x < region.x + region.width; x += 2) {
                sum += Math.abs(luma(a.getRGB(x, y)) - luma(b.getRGB(x, y)));
                n++;
            }
        }
        return n == 0 ? 0 : sum / (double) n;
    }

    static int luma(int rgb) {
        return (((rgb >> 16) & 0xff) * 77 + ((rgb >> 8) & 0xff) * 150 + (rgb & 0xff) * 29) >> 8;
    }

    /** The layout plan the run rendered last, as its published snapshot names it. */
    static LayoutDoc layout(Stack stack, JsonNode clip) {
        String key = stack.bean(JdbcTemplate.class).queryForObject(
                "select snapshot->'layout'->>'plan_key' from clip_runs where id = ?", String.class, clip.path("clip_id").asText());
        return Json.read(stack.bean(ObjectStore.class).getBytes(key), LayoutDoc.class);
    }

    /** The caption document the run rendered (stored beside its SRT sidecar). */
    static CaptionDoc captions(Stack stack, JsonNode clip) {
        ObjectStore store = stack.bean(ObjectStore.class);
        String srt = URI.create(clip.path("captions").path("srt_url").asText()).getPath();
        String key = srt.substring(srt.indexOf("/projects/") + 1).replaceAll("\\.srt$", ".json");
        return Json.read(store.getBytes(key), CaptionDoc.class);
    }
}
