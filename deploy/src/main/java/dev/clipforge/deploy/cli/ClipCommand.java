package dev.clipforge.deploy.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clipforge.deploy.ClipforgeMain;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code clipforge clip}: the main job. Creates the asset and N clip runs through the REST API, follows each
 * run's {@code next_action} (repairing once, exporting when told), shows progress, and writes the MP4s and a
 * summary. Runs against the embedded stack started here, or a server given with {@code --server}.
 */
public final class ClipCommand {
    private final PrintStream out;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ClipCommand(PrintStream out) {
        this.out = out;
    }

    /** A finished run, as summary.json lists it. */
    record Outcome(String name, JsonNode clip, Path file, String problem) {
    }

    public int run(String[] args) {
        ClipOptions options;
        try {
            options = ClipOptions.parse(args);
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            out.println(ClipOptions.USAGE);
            return 2;
        }
        if (!options.isUrl() && !Files.isRegularFile(Path.of(options.source()))) {
            out.println("no such file: " + options.source());
            return 2;
        }
        ConfigurableApplicationContext embedded = null;
        try {
            ApiClient api;
            if (options.server() == null) {
                out.println("starting the embedded stack (Postgres, Temporal, object store, workers)...");
                List<String> settings = new ArrayList<>(List.of("--clipforge.http.port=0",
                        "--logging.level.dev.clipforge=WARN", "--logging.level.org.springframework.boot.web.embedded.netty=WARN",
                        // a retried activity is the workflow's business; the progress lines say what matters here
                        "--logging.level.io.temporal=ERROR"));
                settings.addAll(options.passthrough());
                embedded = ClipforgeMain.start(settings.toArray(String[]::new));
                api = ApiClient.embedded(embedded, options.apiKey());
            } else {
                api = new ApiClient(options.server(), options.apiKey());
            }
            return clip(api, options);
        } catch (ApiClient.ApiError | UncheckedIOException e) {
            out.println("failed: " + e.getMessage());
            return 1;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    int clip(ApiClient api, ClipOptions o) {
        String name = o.isUrl() ? o.source().replaceFirst("^\\w+://", "") : Path.of(o.source()).getFileName().toString();
        String project = api.post("/v1/projects", Map.of("name", name)).path("project_id").asText();
        ProgressBoard board = new ProgressBoard(out, System.console() != null);
        board.message("uploading " + name + "...");
        JsonNode asset = o.isUrl() ? api.post("/v1/assets", Map.of("project_id", project, "url", o.source()))
                : api.upload(project, Path.of(o.source()), o.transcript());
        String assetId = asset.path("asset_id").asText();
        JsonNode first = api.post("/v1/clips", request(o, assetId, Map.of("selection_mode", "auto_best")));
        String firstId = first.path("clip_id").asText();
        List<String> runs = new ArrayList<>(List.of(firstId));
        // the other runs start from the same asset once its suggestions exist (they share transcript and suggestions)
        JsonNode withSuggestions = follow(api, firstId, board, "clip 1",
                c -> "ready".equals(c.path("source").path("suggestions_status").asText()) || terminal(c));
        if (terminal(withSuggestions)) {
            board.message("clip 1: " + withSuggestions.path("error").path("message").asText(withSuggestions.path("status").asText()));
        }
        JsonNode alternatives = withSuggestions.path("selection").path("alternatives");
        for (int i = 1; i < o.clips() && i < alternatives.size(); i++) {
            String suggestion = alternatives.get(i).path("suggestion_id").asText();
            runs.add(api.post("/v1/clips", request(o, assetId, Map.of("selection_mode", "suggestion", "suggestion_id",
                    suggestion))).path("clip_id").asText());
        }
        if (runs.size() < o.clips() && !terminal(withSuggestions)) {
            board.message("the video has " + alternatives.size() + " distinct moment(s); making " + runs.size());
        }
        List<Outcome> outcomes = drive(api, runs, o, board);
        writeSummary(o, name, assetId, outcomes);
        long exported = outcomes.stream().filter(x -> x.file() != null).count();
        out.println(exported + " of " + outcomes.size() + " clip(s) exported to " + o.out().toAbsolutePath()
                + " (summary.json lists window, title, hook, score and QA)");
        return exported > 0 ? 0 : 1;
    }

    private Map<String, Object> request(ClipOptions o, String assetId, Map<String, Object> selection) {
        Map<String, Object> target = new HashMap<>(Map.of("aspect_ratio", "9:16"));
        if (o.maxSeconds() != null) {
            target.put("max_duration_seconds", o.maxSeconds());
        }
        if (o.minSeconds() != null) {
            target.put("min_duration_seconds", o.minSeconds());
        }
        return Map.of("source", Map.of("source_type", "asset", "asset_id", assetId), "selection", selection,
                "target", target, "layout", Map.of("layout_mode", o.layout()),
                "captions", Map.of("enabled", true, "style_id", o.style()),
                "export", Map.of("auto_export", false, "quality", o.quality()));
    }

    private List<Outcome> drive(ApiClient api, List<String> runs, ClipOptions o, ProgressBoard board) {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size());
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                String id = runs.get(i);
                String label = "clip " + (i + 1);
                futures.add(pool.submit(() -> driveOne(api, id, label, o, board)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Follows next_action to the end: repair once when asked, export when told, stop otherwise. */
    private Outcome driveOne(ApiClient api, String id, String label, ClipOptions o, ProgressBoard board) {
        while (true) {
            JsonNode c = follow(api, id, board, label, x -> !"poll".equals(x.path("next_action").asText()));
            switch (c.path("next_action").asText()) {
                case "repair" -> api.post("/v1/clips/" + id + "/repair", Map.of("mode", repairMode(c)));
                case "export" -> api.post("/v1/clips/" + id + "/export", Map.of("quality", o.quality()));
                case "stop" -> {
                    if (!"exported".equals(c.path("status").asText())) {
                        String why = c.path("error").isMissingNode() || c.path("error").isNull() ? c.path("status").asText()
                                : c.path("error").path("message").asText() + " (" + c.path("error").path("how_to_fix").asText() + ")";
                        board.message(label + ": " + why);
                        return new Outcome(label, c, null, why);
                    }
                    Path file = o.out().resolve(fileName(label, c));
                    try {
                        Files.createDirectories(o.out());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    api.download(c.path("export").path("short_download_url").asText(), file);
                    board.update(label, "done", 100, file.getFileName().toString());
                    return new Outcome(label, c, file, null);
                }
                default -> {
                    String why = "blocked: " + c.path("blocking_reason").asText() + " (next_action " + c.path("next_action").asText() + ")";
                    board.message(label + ": " + why);
                    api.post("/v1/clips/" + id + "/cancel", Map.of());
                    return new Outcome(label, c, null, why);
                }
            }
        }
    }

    /** The repair the first critical QA issue names, or the contract's default. */
    private static String repairMode(JsonNode clip) {
        for (JsonNode issue : clip.path("qa").path("issues")) {
            if ("critical".equals(issue.path("severity").asText()) && issue.hasNonNull("repair")) {
                return issue.path("repair").asText();
            }
        }
        return "auto";
    }

    private JsonNode follow(ApiClient api, String id, ProgressBoard board, String label,
                            java.util.function.Predicate<JsonNode> until) {
        long version = 0;
        while (true) {
            JsonNode c = api.get("/v1/clips/" + id + "?wait_seconds=15&since_version=" + version);
            version = c.path("state_version").asLong();
            JsonNode progress = c.path("progress");
            String title = c.path("clip_window").isMissingNode() || c.path("clip_window").isNull() ? ""
                    : String.format(Locale.ROOT, "%.1f-%.1fs", c.path("clip_window").path("start_seconds").asDouble(),
                    c.path("clip_window").path("end_seconds").asDouble());
            board.update(label, c.path("status").asText(), progress.path("percent").asInt(), title);
            if (until.test(c) || terminal(c)) {
                return c;
            }
        }
    }

    private static boolean terminal(JsonNode c) {
        return "stop".equals(c.path("next_action").asText());
    }

    private static String fileName(String label, JsonNode clip) {
        String title = "";
        for (JsonNode alt : clip.path("selection").path("alternatives")) {
            if (alt.path("suggestion_id").asText().equals(clip.path("selection").path("suggestion_id").asText())) {
                title = alt.path("title").asText();
            }
        }
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return label.replace(' ', '-') + (slug.isEmpty() ? "" : "-" + slug) + ".mp4";
    }

    private void writeSummary(ClipOptions o, String source, String assetId, List<Outcome> outcomes) {
        ObjectNode root = json.createObjectNode();
        root.put("source", source);
        root.put("asset_id", assetId);
        ArrayNode clips = root.putArray("clips");
        for (Outcome x : outcomes) {
            ObjectNode c = clips.addObject();
            JsonNode clip = x.clip();
            c.put("clip_id", clip.path("clip_id").asText());
            c.put("file", x.file() == null ? null : x.file().getFileName().toString());
            c.put("status", clip.path("status").asText());
            c.set("window", clip.path("clip_window"));
            Map<String, JsonNode> chosen = new LinkedHashMap<>();
            for (JsonNode alt : clip.path("selection").path("alternatives")) {
                if (alt.path("suggestion_id").asText().equals(clip.path("selection").path("suggestion_id").asText())) {
                    chosen.put("title", alt.path("title"));
                    chosen.put("hook", alt.path("hook"));
                    chosen.put("score", alt.path("score"));
                    chosen.put("reason", alt.path("reason"));
                }
            }
            chosen.forEach(c::set);
            c.set("layout", clip.path("layout"));
            ObjectNode qa = c.putObject("qa");
            qa.set("status", clip.path("qa").path("status"));
            qa.set("issues", clip.path("qa").path("issues"));
            c.set("export", clip.path("export"));
            if (x.problem() != null) {
                c.put("problem", x.problem());
            }
        }
        try {
            Files.createDirectories(o.out());
            json.writeValue(o.out().resolve("summary.json").toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
