package dev.clipforge.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.captions.CaptionBuilder;
import dev.clipforge.activities.render.ClipRenderer;
import dev.clipforge.activities.render.RenderProfile;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.deploy.ClipforgeMain;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.FaceDetector;
import dev.clipforge.gpu.faces.HaarFaces;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.visual.SpeakerScorer;
import dev.clipforge.gpu.visual.VisualAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code clipforge bench render|pipeline [runs]}: the figures the README quotes, each a median over runs and a
 * ratio against a baseline measured in the same command.
 * <ul>
 *   <li>render: a 60 s 1080x1920 export with karaoke captions and two-pass loudness, the same without captions, and
 *       the preview as the preview stage renders it, cut from a 1080p source by the native render graph, against the
 *       Debian {@code ffmpeg} CLI doing the same crop, scale and encode (same x264 and AAC settings); the CLI with
 *       single-pass loudnorm added is a second, labelled baseline.</li>
 *   <li>visual: visual analysis of a 60 s 1080p window with each face detector, against the CLI decoding it.</li>
 *   <li>transcribe: the transcribe stage on minutes of LibriVox speech with each configured provider
 *       ({@link TranscribeBench}).</li>
 *   <li>suggest: suggestion time for a long word-timed transcript ({@link SuggestBench}).</li>
 *   <li>pipeline: a whole clip run on the embedded stack (upload to exported MP4), against the source's duration.</li>
 * </ul>
 */
public final class BenchCommand {
    private static final double WINDOW_START = 10;
    private static final double WINDOW_END = 70;
    /** The defaults of clipforge.render.loudness-target and clipforge.render.true-peak. */
    private static final double LOUDNESS_TARGET = -14;
    private static final double TRUE_PEAK = -1;

    private final PrintStream out;

    public BenchCommand(PrintStream out) {
        this.out = out;
    }

    public int run(String[] args) {
        if (args.length == 0 || !List.of("render", "pipeline", "ingest", "visual", "transcribe", "suggest").contains(args[0])) {
            out.println("usage: clipforge bench render|pipeline|visual [runs, default 3]\n"
                    + "       clipforge bench ingest [minutes, default 60]\n"
                    + "       clipforge bench transcribe [minutes of speech, default 10]\n"
                    + "       clipforge bench suggest [minutes of transcript, default 60]");
            return 2;
        }
        if (args[0].equals("ingest")) {
            return ingest(args.length > 1 ? Integer.parseInt(args[1]) : 60);
        }
        if (!PackageMedia.available()) {
            out.println("the benchmarks use Debian package media; run: sudo " + PackageMedia.INSTALL);
            return 2;
        }
        if (args[0].equals("suggest")) {
            return new SuggestBench(out).run(args.length > 1 ? Integer.parseInt(args[1]) : 60, 3);
        }
        if (args[0].equals("transcribe")) {
            return new TranscribeBench(out).run(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        }
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try {
            Path dir = Files.createTempDirectory("clipforge-bench-");
            return switch (args[0]) {
                case "render" -> render(source(dir, 1920, 1080, 3), dir, runs);
                case "visual" -> visual(source(dir, 1920, 1080, 3), dir, runs);
                default -> pipeline(source(dir, 1280, 720, 2), dir, runs);
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Podcasts.Made source(Path dir, int width, int height, int repeats) throws IOException {
        out.printf(Locale.ROOT, "making the source: a %dx%d two-person podcast from LibriVox speech and opencv-doc portraits...%n",
                width, height);
        PackageMedia.Speech speech = PackageMedia.sequence(PackageMedia.librivox(), 1.0, 0.9, 2, repeats);
        return Podcasts.twoPerson(dir.resolve("source.mp4"), width, height, 25, speech);
    }

    private int render(Podcasts.Made source, Path dir, int runs) {
        LayoutDoc layout = focus(source);
        CaptionDoc captions = new CaptionBuilder().build(spokenWords(source), WINDOW_START, WINDOW_END,
                CaptionTheme.fullSentence(), layout, false);
        double seconds = WINDOW_END - WINDOW_START;
        ClipRenderer renderer = new ClipRenderer();
        RenderProfile export = RenderProfile.export(1080, 1920, "libx264", LOUDNESS_TARGET, TRUE_PEAK);
        // as the preview stage renders it: loudness normalised like the export it stands for
        RenderProfile preview = RenderProfile.preview().withLoudness(LOUDNESS_TARGET, TRUE_PEAK);
        List<Double> captioned = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> previews = new ArrayList<>();
        List<Double> cli = new ArrayList<>();
        List<Double> cliLoudnorm = new ArrayList<>();
        boolean haveCli = ffmpegCli();
        for (int i = 0; i < runs; i++) {
            captioned.add(time(() -> renderer.render(source.file(), 0, layout, captions, export, dir.resolve("ours.mp4"),
                    (d, t) -> { })));
            plain.add(time(() -> renderer.render(source.file(), 0, layout, null, export, dir.resolve("plain.mp4"), (d, t) -> { })));
            previews.add(time(() -> renderer.render(source.file(), 0, layout, captions, preview, dir.resolve("preview.mp4"),
                    (d, t) -> { })));
            if (haveCli) {
                cli.add(time(() -> ffmpeg(source, layout, List.of(), dir.resolve("cli.mp4"))));
                cliLoudnorm.add(time(() -> ffmpeg(source, layout, List.of("-af", String.format(Locale.ROOT,
                        "loudnorm=I=%.0f:TP=%.0f", LOUDNESS_TARGET, TRUE_PEAK)), dir.resolve("cli-loudnorm.mp4"))));
            }
            out.printf(Locale.ROOT, "run %d/%d: export with captions %.2f s, without %.2f s, preview %.2f s%s%n", i + 1, runs,
                    captioned.get(i), plain.get(i), previews.get(i), haveCli ? String.format(Locale.ROOT,
                            ", ffmpeg CLI %.2f s, with loudnorm %.2f s", cli.get(i), cliLoudnorm.get(i)) : "");
        }
        double withCaptions = median(captioned);
        double without = median(plain);
        out.printf(Locale.ROOT, "%nrender, %.0f s window of a %dx%d source, %d caption cues, median of %d:%n", seconds,
                source.width(), source.height(), captions.cues().size(), runs);
        out.printf(Locale.ROOT, "  export 1080x1920, karaoke captions, two-pass loudness: %.2f s = %.1fx realtime%n",
                withCaptions, seconds / withCaptions);
        out.printf(Locale.ROOT, "  export 1080x1920, no captions, two-pass loudness:      %.2f s%n", without);
        out.printf(Locale.ROOT, "  caption overlay share of the export's time: %.1f%%%n", 100 * (withCaptions - without) / withCaptions);
        out.printf(Locale.ROOT, "  preview 540x960, captions, two-pass loudness:          %.2f s = %.1fx realtime%n",
                median(previews), seconds / median(previews));
        if (haveCli) {
            double baseline = median(cli);
            out.printf(Locale.ROOT, "  ffmpeg CLI crop, scale and encode (same x264 and AAC settings): %.2f s = %.1fx realtime%n",
                    baseline, seconds / baseline);
            out.printf(Locale.ROOT, "  export (captions and loudness included) / ffmpeg CLI: %.2f (goal 1.2)%n", withCaptions / baseline);
            out.printf(Locale.ROOT, "  ffmpeg CLI with single-pass loudnorm added: %.2f s; export / this: %.2f%n",
                    median(cliLoudnorm), withCaptions / median(cliLoudnorm));
        } else {
            out.println("  (no ffmpeg CLI on PATH: install Debian's ffmpeg for the baseline)");
        }
        return 0;
    }

    /**
     * Visual analysis (faces at 5 fps, mouth motion on every frame, shots, speakers) of the 60 s window of a
     * 1080p source, with each face detector, against the ffmpeg CLI only decoding the same window: the floor
     * of any analysis that looks at every frame.
     */
    private int visual(Podcasts.Made source, Path dir, int runs) throws IOException {
        double seconds = WINDOW_END - WINDOW_START;
        float[] speech = java.util.Arrays.copyOfRange(source.speech().samples(), (int) (WINDOW_START * 16_000),
                (int) (WINDOW_END * 16_000));
        List<Double> blaze = new ArrayList<>();
        List<Double> haar = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        boolean haveCli = ffmpegCli();
        try (BlazeFace blazeFace = new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256,
                dir.resolve("models")), 0.6, 0.3); HaarFaces haarFaces = new HaarFaces()) {
            for (int i = 0; i < runs; i++) {
                int[] tracks = new int[2];
                blaze.add(time(() -> tracks[0] = analyse(blazeFace, source, speech).tracks().size()));
                haar.add(time(() -> tracks[1] = analyse(haarFaces, source, speech).tracks().size()));
                if (haveCli) {
                    decode.add(time(() -> exec(List.of("ffmpeg", "-v", "error", "-ss", String.valueOf(WINDOW_START), "-t",
                            String.valueOf(seconds), "-i", source.file().toString(), "-an", "-f", "null", "-"))));
                }
                out.printf(Locale.ROOT, "run %d/%d: BlazeFace %.2f s (%d tracks), Haar %.2f s (%d tracks)%s%n", i + 1, runs,
                        blaze.get(i), tracks[0], haar.get(i), tracks[1],
                        haveCli ? String.format(Locale.ROOT, ", ffmpeg CLI decode %.2f s", decode.get(i)) : "");
            }
        }
        out.printf(Locale.ROOT, "%nvisual analysis, %.0f s window of a %dx%d source, median of %d:%n", seconds, source.width(),
                source.height(), runs);
        out.printf(Locale.ROOT, "  BlazeFace (default): %.2f s = %.1fx realtime%n", median(blaze), seconds / median(blaze));
        out.printf(Locale.ROOT, "  Haar (fallback):     %.2f s = %.1fx realtime%n", median(haar), seconds / median(haar));
        if (haveCli) {
            out.printf(Locale.ROOT, "  ffmpeg CLI decoding the window: %.2f s; BlazeFace analysis / decode %.2f%n", median(decode),
                    median(blaze) / median(decode));
        }
        return 0;
    }

    private static VisualTimeline analyse(FaceDetector faces, Podcasts.Made s, float[] speech) {
        return new VisualAnalyzer(faces, new SpeakerScorer(), 5, 10).analyze(s.file(), WINDOW_START, WINDOW_END,
                s.speech().seconds(), s.width(), s.height(), speech, List.of(), VisualAnalyzer.uncached(), () -> { });
    }

    /** A word-timed transcript of the source: each sentence's words spread evenly over the time it is spoken. */
    private static Transcript spokenWords(Podcasts.Made s) {
        List<Transcript.Word> words = new ArrayList<>();
        List<Transcript.Segment> segments = new ArrayList<>();
        for (PackageMedia.Placed p : s.speech().placed()) {
            String[] text = p.utterance().text().toLowerCase(Locale.ROOT).split("\\s+");
            double step = p.utterance().seconds() / text.length;
            int first = words.size();
            for (int i = 0; i < text.length; i++) {
                words.add(new Transcript.Word(text[i], p.start() + i * step, p.start() + (i + 0.85) * step, 1));
            }
            segments.add(new Transcript.Segment(p.start(), p.end(), p.utterance().text(), first, words.size() - 1));
        }
        return new Transcript(1, "en", "bench", s.speech().seconds(), words, segments, List.of(), List.of());
    }

    /** One centred 9:16 crop for the whole window: the same work for the render graph and the CLI baseline. */
    private static LayoutDoc focus(Podcasts.Made s) {
        double cropW = Math.round(s.height() * 9 / 16.0 / 2) * 2;
        double cx = s.width() / 2.0;
        double cy = s.height() / 2.0;
        double d = WINDOW_END - WINDOW_START;
        LayoutDoc.Panel panel = new LayoutDoc.Panel(0, cropW, s.height(),
                List.of(new LayoutDoc.Keyframe(0, cx, cy), new LayoutDoc.Keyframe(d, cx, cy)), new Box(0, 0, 1080, 1920));
        return new LayoutDoc(s.width(), s.height(), WINDOW_START, WINDOW_END, 1080, 1920,
                List.of(new LayoutDoc.Segment(0, d, LayoutDoc.Mode.FOCUS, List.of(panel), "bench")), List.of(),
                "focus", "focus", false, List.of());
    }

    private static boolean ffmpegCli() {
        try {
            return new ProcessBuilder("ffmpeg", "-version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** The CLI doing the export's crop, scale and encode with the same x264 and AAC settings, plus {@code audioFilter}. */
    private static void ffmpeg(Podcasts.Made s, LayoutDoc layout, List<String> audioFilter, Path out) {
        int cropW = (int) layout.segments().get(0).panels().get(0).cropWidth();
        List<String> cmd = new ArrayList<>(List.of("ffmpeg", "-y", "-v", "error", "-ss", String.valueOf(WINDOW_START),
                "-t", String.valueOf(WINDOW_END - WINDOW_START), "-i", s.file().toString(),
                "-vf", "crop=" + cropW + ":" + s.height() + ":" + (s.width() - cropW) / 2 + ":0,scale=1080:1920"));
        cmd.addAll(audioFilter);
        cmd.addAll(List.of("-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-profile:v", "high", "-pix_fmt", "yuv420p",
                "-c:a", "aac", "-b:a", "160k", "-ar", "48000", "-movflags", "+faststart", out.toString()));
        exec(cmd);
    }

    /** Upload to exported MP4 through the REST API, with the moments an agent waits for timed on the way. */
    private int pipeline(Podcasts.Made source, Path dir, int runs) throws IOException {
        double seconds = source.speech().seconds();
        List<Double> suggestions = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        List<Double> exported = new ArrayList<>();
        out.println("starting the embedded stack...");
        long t0 = System.nanoTime();
        try (ConfigurableApplicationContext stack = ClipforgeMain.start("--clipforge.http.port=0",
                "--clipforge.data-dir=" + dir.resolve("data"), "--logging.level.dev.clipforge=WARN",
                "--logging.level.io.temporal=ERROR", "--logging.level.org.springframework.boot.web.embedded.netty=WARN")) {
            out.printf(Locale.ROOT, "stack started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ApiClient api = ApiClient.embedded(stack, null);
            for (int i = 0; i < runs; i++) {
                // a project per run: identical bytes in one project would reuse the run before's derived media
                String project = api.post("/v1/projects", Map.of("name", "bench " + i)).path("project_id").asText();
                long start = System.nanoTime();
                String asset = api.upload(project, source.file(), null).path("asset_id").asText();
                String clip = api.post("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                        "target", Map.of("min_duration_seconds", 10, "max_duration_seconds", 30))).path("clip_id").asText();
                JsonNode c = until(api, clip, x -> "ready".equals(x.path("source").path("suggestions_status").asText()));
                suggestions.add((System.nanoTime() - start) / 1e9);
                c = until(api, clip, x -> !"poll".equals(x.path("next_action").asText()));
                ready.add((System.nanoTime() - start) / 1e9);
                if (!"export".equals(c.path("next_action").asText())) {
                    out.println("run " + (i + 1) + " ended " + c.path("status").asText() + ": " + c.path("blocking_reason"));
                    return 1;
                }
                api.post("/v1/clips/" + clip + "/export", Map.of("quality", "1080p"));
                c = until(api, clip, x -> !"poll".equals(x.path("next_action").asText()));
                exported.add((System.nanoTime() - start) / 1e9);
                if (!"exported".equals(c.path("status").asText())) {
                    out.println("run " + (i + 1) + " ended " + c.path("status").asText());
                    return 1;
                }
                out.printf(Locale.ROOT, "run %d/%d: suggestions %.1f s, ready (preview + QA) %.1f s, exported %.1f s%n",
                        i + 1, runs, suggestions.get(i), ready.get(i), exported.get(i));
            }
        }
        out.printf(Locale.ROOT, "%npipeline, %.0f s two-person source, one 10-30 s clip, median of %d:%n", seconds, runs);
        out.printf(Locale.ROOT, "  first suggestions: %5.1f s = %.2fx the source's duration%n", median(suggestions),
                median(suggestions) / seconds);
        out.printf(Locale.ROOT, "  ready to export:   %5.1f s = %.2fx%n", median(ready), median(ready) / seconds);
        out.printf(Locale.ROOT, "  exported 1080p:    %5.1f s = %.2fx%n", median(exported), median(exported) / seconds);
        return 0;
    }

    private static JsonNode until(ApiClient api, String clip, Predicate<JsonNode> done) {
        long version = 0;
        while (true) {
            JsonNode c = api.get("/v1/clips/" + clip + "?wait_seconds=15&since_version=" + version);
            version = c.path("state_version").asLong();
            if (done.test(c) || "stop".equals(c.path("next_action").asText())) {
                return c;
            }
        }
    }

    /**
     * Probe and speech-audio extraction of a long 1080p file (made with the ffmpeg CLI: a plain colour picture and
     * a tone), timed as a ratio to its duration, with the heap's peak, against the CLI extracting the same audio.
     */
    private int ingest(int minutes) {
        if (!ffmpegCli()) {
            out.println("bench ingest makes its long source with the ffmpeg CLI: sudo apt-get install -y ffmpeg");
            return 2;
        }
        try {
            Path dir = Files.createTempDirectory("clipforge-bench-");
            Path file = dir.resolve("long-1080p.mp4");
            out.printf(Locale.ROOT, "making a %d-minute 1920x1080 25 fps source with the ffmpeg CLI...%n", minutes);
            exec(List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i", "color=c=0x336699:size=1920x1080:rate=25",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", String.valueOf(minutes * 60),
                    "-c:v", "libx264", "-preset", "ultrafast", "-g", "250", "-c:a", "aac", "-b:a", "128k", file.toString()));
            double duration = minutes * 60.0;
            System.gc();
            java.lang.management.ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            var probe = dev.clipforge.activities.media.MediaProbe.probe(file);
            double probeSeconds = (System.nanoTime() - start) / 1e9;
            dev.clipforge.activities.media.SpeechAudio.extract(file, dir.resolve("speech.wav"), () -> { });
            double total = (System.nanoTime() - start) / 1e9;
            long peakHeap = java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            double cli = time(() -> exec(List.of("ffmpeg", "-y", "-v", "error", "-i", file.toString(), "-vn", "-ac", "1",
                    "-ar", "16000", "-c:a", "pcm_s16le", dir.resolve("cli.wav").toString())));
            out.printf(Locale.ROOT, "%ningest of a %.0f-minute %dx%d file (%.0f MB):%n", probe.durationSeconds() / 60,
                    probe.width(), probe.height(), Files.size(file) / 1e6);
            out.printf(Locale.ROOT, "  probe %.2f s; probe + 16 kHz speech audio %.1f s = %.4f of the duration (%.0fx realtime)%n",
                    probeSeconds, total, total / duration, duration / total);
            out.printf(Locale.ROOT, "  peak heap (sum of heap pools' peaks) %.0f MB%n", peakHeap / 1e6);
            out.printf(Locale.ROOT, "  ffmpeg CLI audio extraction baseline %.1f s; ours / baseline %.2f%n", cli, total / cli);
            return 0;
        } catch (dev.clipforge.activities.media.MediaRejected e) {
            out.println("the generated source was refused: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void exec(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            p.getInputStream().transferTo(log);
            if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(cmd.get(0) + " failed: " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double time(Runnable task) {
        long start = System.nanoTime();
        task.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
