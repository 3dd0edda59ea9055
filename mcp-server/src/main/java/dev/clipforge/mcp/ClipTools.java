package dev.clipforge.mcp;

import dev.clipforge.api.analysis.AnalysisService;
import dev.clipforge.api.audit.AuditLog;
import dev.clipforge.api.assets.AssetService;
import dev.clipforge.api.assets.CreateAssetRequest;
import dev.clipforge.api.clips.ClipService;
import dev.clipforge.api.clips.CommandRequests;
import dev.clipforge.api.clips.CreateClipRequest;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.projects.ProjectService;
import dev.clipforge.api.tenancy.Caller;
import dev.clipforge.api.tenancy.Tenancy;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clip-run contract as MCP tools: thin adapters over the services the REST controllers call, so the two
 * surfaces cannot drift apart. Descriptions are written for an agent that knows nothing but them.
 */
public final class ClipTools {
    static final String CONTRACT = """
            Follow next_action on every answer: poll -> call get_clip with wait_seconds; export -> call export_clip; \
            repair -> call repair_clip once; reselect -> pick another suggestion or time range with reselect_clip; \
            stop -> the run is finished (exported, failed or cancelled). Repair at most once, then reselect.""";
    private static final Pattern PROPERTY = Pattern.compile("\"([a-z_]+)\"\\s*:\\s*\\{\"type\"");
    private static final List<String> LAYOUTS = List.of("auto", "prefer_split", "prefer_focus");
    private static final List<String> REPAIRS = List.of("auto", "prefer_split", "prefer_focus", "move_captions_off_faces");
    private static final List<String> QUALITIES = List.of("720p", "1080p");
    /** Tools that change something: each call is recorded in the organisation's audit log. */
    private static final Set<String> MUTATING = Set.of("create_asset_from_url", "create_upload", "complete_upload",
            "create_clip", "reselect_clip", "repair_clip", "export_clip", "cancel_clip");
    /** The argument that names what a tool acts on, in the order they are looked for. */
    private static final List<String> SUBJECTS = List.of("clip_id", "asset_id", "url", "youtube_url", "filename");

    private final ClipService clips;
    private final AssetService assets;
    private final ProjectService projects;
    private final AnalysisService analysis;
    private final AuditLog audit;
    private final McpJsonMapper json = McpJsonMapper.getDefault();

    public ClipTools(ClipService clips, AssetService assets, ProjectService projects, AnalysisService analysis, AuditLog audit) {
        this.clips = clips;
        this.assets = assets;
        this.projects = projects;
        this.analysis = analysis;
        this.audit = audit;
    }

    public List<AsyncToolSpecification> specifications() {
        List<AsyncToolSpecification> tools = new ArrayList<>();
        tools.add(tool("create_asset_from_url", """
                        Add a video to ClipForge from a public http(s) URL of the video file. The server fetches, checks \
                        and probes it in the background; the answer has asset_id and status. Then call create_clip with \
                        that asset_id right away (the clip run waits for the asset). Without project_id a new project \
                        is made.""",
                """
                        "url": {"type": "string", "description": "http(s) URL of a video file (mp4, mov, mkv, webm)"},
                        "project_id": {"type": "string", "description": "project to add the asset to (optional)"}""",
                List.of("url"),
                a -> projects.existingOrNew(a.string("project_id"), a.requiredString("url"))
                        .flatMap(p -> assets.createFromUrl(new CreateAssetRequest(p, null, null, null,
                                a.requiredString("url"), null)))));
        tools.add(tool("create_upload", """
                        Reserve an asset for a file you will upload yourself. The answer has asset_id, upload_url and \
                        upload_headers: HTTP PUT the file's bytes to upload_url with exactly those headers, then call \
                        complete_upload. You may call create_clip with the asset_id before the upload finishes.""",
                """
                        "filename": {"type": "string", "description": "name of the file, e.g. episode-12.mp4"},
                        "size_bytes": {"type": "integer", "description": "exact size of the file in bytes"},
                        "content_type": {"type": "string", "description": "MIME type, e.g. video/mp4 (optional)"},
                        "project_id": {"type": "string", "description": "project to add the asset to (optional)"}""",
                List.of("filename", "size_bytes"),
                a -> {
                    String filename = a.requiredString("filename");
                    Long size = a.integer("size_bytes", 1, Long.MAX_VALUE);
                    if (size == null) {
                        throw new ToolArguments.BadArgument("size_bytes", "is required");
                    }
                    String type = a.string("content_type");
                    return projects.existingOrNew(a.string("project_id"), filename).flatMap(p -> assets.createUpload(
                            new CreateAssetRequest(p, filename, type, size, null, null)));
                }));
        tools.add(tool("complete_upload", """
                        Tell ClipForge that the PUT to upload_url has finished, so ingest starts at once. Answers the \
                        asset; an error says so when nothing has been uploaded yet.""",
                """
                        "asset_id": {"type": "string", "description": "asset_id from create_upload"}""",
                List.of("asset_id"),
                a -> assets.complete(a.requiredString("asset_id"))));
        tools.add(tool("get_asset", """
                        Read an asset: status (uploading, ingesting, ready, failed), probe (duration, resolution, audio), \
                        and the error with how_to_fix when it failed.""",
                """
                        "asset_id": {"type": "string"}""",
                List.of("asset_id"),
                a -> assets.get(a.requiredString("asset_id"))));
        tools.add(tool("list_suggestions", """
                        The ranked moments of an asset worth clipping: title, hook, score, start/end seconds and \
                        suggestion_id. Made by the first clip run on the asset. Show them to the user as \
                        '1. "Title" (score 0.92) 0:45-1:58 (73s) Hook: ...', then pass the chosen suggestion_id to \
                        create_clip or reselect_clip.""",
                """
                        "asset_id": {"type": "string"}""",
                List.of("asset_id"),
                a -> analysis.suggestions(a.requiredString("asset_id")).map(list -> Map.of("items", list))));
        tools.add(tool("get_transcript", """
                        The word-timed transcript of an asset (made by the first clip run on it): format json gives \
                        words with start/end seconds and sentence segments; srt or vtt give subtitles as text.""",
                """
                        "asset_id": {"type": "string"},
                        "format": {"type": "string", "enum": ["json", "srt", "vtt"], "description": "default json"}""",
                List.of("asset_id"),
                a -> {
                    String id = a.requiredString("asset_id");
                    String format = a.oneOf("format", List.of("json", "srt", "vtt"));
                    return format == null || format.equals("json") ? analysis.transcript(id)
                            : analysis.transcriptAs(id, format).map(text -> Map.of("format", format, "text", text));
                }));
        tools.add(tool("create_clip", """
                        Start a clip run that turns a video into one vertical 9:16 clip with captions. Give exactly one \
                        source: asset_id (from create_asset_from_url or create_upload), url, or youtube_url. By default \
                        the best suggested moment is chosen; give suggestion_id, or start_seconds and end_seconds, to \
                        choose yourself. Then """ + CONTRACT,
                """
                        "asset_id": {"type": "string", "description": "an existing asset"},
                        "url": {"type": "string", "description": "http(s) URL of a video file, instead of asset_id"},
                        "youtube_url": {"type": "string", "description": "a YouTube video, instead of asset_id"},
                        "project_id": {"type": "string", "description": "project for url/youtube_url sources (optional)"},
                        "suggestion_id": {"type": "string", "description": "clip this suggestion (from list_suggestions)"},
                        "start_seconds": {"type": "number", "description": "clip this time range of the source..."},
                        "end_seconds": {"type": "number", "description": "...ending here (with start_seconds)"},
                        "min_duration_seconds": {"type": "number", "description": "shortest clip wanted (default 15)"},
                        "max_duration_seconds": {"type": "number", "description": "longest clip wanted (default 75, at most 180)"},
                        "layout_mode": {"type": "string", "enum": ["auto", "prefer_split", "prefer_focus"]},
                        "caption_style": {"type": "string", "description": "documentary (default), full-sentence, single-word-instant, or a caption theme id"},
                        "captions": {"type": "boolean", "description": "burn in captions (default true)"},
                        "qa_mode": {"type": "string", "enum": ["required", "permissive"], "description": "required (default) blocks export on QA failure"},
                        "quality": {"type": "string", "enum": ["720p", "1080p"], "description": "export quality (default 1080p)"},
                        "auto_export": {"type": "boolean", "description": "export as soon as QA passes (default false)"},
                        "idempotency_key": {"type": "string", "description": "the same key twice returns the first run instead of starting another"}""",
                List.of(),
                this::createClip));
        tools.add(tool("get_clip", """
                        Read a clip run. With wait_seconds (up to 60) the call returns as soon as next_action is not \
                        poll, or when the wait ends: call it in a loop while next_action is poll. """ + CONTRACT,
                """
                        "clip_id": {"type": "string"},
                        "wait_seconds": {"type": "number", "description": "0 to 60; 0 or absent answers at once"}""",
                List.of("clip_id"),
                a -> {
                    String id = a.requiredString("clip_id");
                    Double wait = a.number("wait_seconds", 0, 60);
                    return clips.awaitActionable(id, Duration.ofMillis(Math.round((wait == null ? 0 : wait) * 1000)))
                            .map(ClipResult::of);
                }));
        tools.add(tool("list_clips", """
                        List clip runs, newest first, optionally of one project or in one status.""",
                """
                        "project_id": {"type": "string"},
                        "status": {"type": "string", "description": "e.g. ready, blocked, exported, failed"},
                        "limit": {"type": "integer", "description": "1 to 100, default 20"},
                        "offset": {"type": "integer", "description": "default 0"}""",
                List.of(),
                a -> {
                    Long limit = a.integer("limit", 1, 100);
                    Long offset = a.integer("offset", 0, Integer.MAX_VALUE);
                    return clips.list(a.string("project_id"), a.string("status"), PageRequest.of(
                            limit == null ? null : String.valueOf(limit), offset == null ? null : String.valueOf(offset)))
                            .map(page -> Map.of("items", page.items().stream().map(ClipOutcome::of).toList(),
                                    "pagination", page.pagination()));
                }));
        tools.add(tool("reselect_clip", """
                        Clip a different moment on the same run: give suggestion_id (from the run's \
                        selection.alternatives or list_suggestions), or start_seconds and end_seconds. Use it when \
                        next_action is reselect, or when the user wants another moment; the run then re-does layout, \
                        captions and QA. Then """ + CONTRACT,
                """
                        "clip_id": {"type": "string"},
                        "suggestion_id": {"type": "string"},
                        "start_seconds": {"type": "number"},
                        "end_seconds": {"type": "number"}""",
                List.of("clip_id"),
                a -> {
                    String id = a.requiredString("clip_id");
                    String suggestion = a.string("suggestion_id");
                    Double start = a.number("start_seconds", 0, 86_400);
                    Double end = a.number("end_seconds", 0, 86_400);
                    if (suggestion == null && (start == null || end == null)) {
                        throw new ToolArguments.BadArgument("suggestion_id",
                                "or both start_seconds and end_seconds are required");
                    }
                    if (suggestion != null && (start != null || end != null)) {
                        throw new ToolArguments.BadArgument("suggestion_id",
                                "cannot be given together with start_seconds/end_seconds");
                    }
                    return clips.reselect(id, new CommandRequests.Reselect(suggestion != null ? "suggestion" : "time_range",
                            suggestion, start, end)).map(ClipResult::of);
                }));
        tools.add(tool("repair_clip", """
                        Re-plan a blocked clip once (when next_action is repair): mode auto re-runs reframe planning; \
                        prefer_split when a speaker is off screen in a two-person video; prefer_focus for weak \
                        single-subject framing; move_captions_off_faces when QA found captions over a face. If the run \
                        is still blocked afterwards, next_action becomes reselect. Then """ + CONTRACT,
                """
                        "clip_id": {"type": "string"},
                        "mode": {"type": "string", "enum": ["auto", "prefer_split", "prefer_focus", "move_captions_off_faces"]}""",
                List.of("clip_id"),
                a -> clips.repair(a.requiredString("clip_id"), new CommandRequests.Repair(a.oneOf("mode", REPAIRS)))
                        .map(ClipResult::of)));
        tools.add(tool("export_clip", """
                        Export the clip as an MP4 when next_action is export (QA passed). Poll get_clip until status is \
                        exported; then summary.short_download_url is the link to give the user. Exporting again at \
                        another quality is allowed.""",
                """
                        "clip_id": {"type": "string"},
                        "quality": {"type": "string", "enum": ["720p", "1080p"], "description": "default: the run's quality"}""",
                List.of("clip_id"),
                a -> clips.export(a.requiredString("clip_id"), new CommandRequests.Export(a.oneOf("quality", QUALITIES)))
                        .map(ClipResult::of)));
        tools.add(tool("cancel_clip", """
                        Stop a clip run that is no longer wanted. Finished exports stay downloadable.""",
                """
                        "clip_id": {"type": "string"}""",
                List.of("clip_id"),
                a -> clips.cancel(a.requiredString("clip_id")).map(ClipResult::of)));
        return tools;
    }

    private Mono<ClipResult> createClip(ToolArguments a) {
        String assetId = a.string("asset_id");
        String url = a.string("url");
        String youtube = a.string("youtube_url");
        long sources = java.util.stream.Stream.of(assetId, url, youtube).filter(s -> s != null).count();
        if (sources != 1) {
            throw new ToolArguments.BadArgument("asset_id", "(or url, or youtube_url): give exactly one source, got "
                    + sources);
        }
        CreateClipRequest.Source source = assetId != null ? new CreateClipRequest.Source("asset", assetId, null, null)
                : url != null ? new CreateClipRequest.Source("url", null, url, null)
                : new CreateClipRequest.Source("youtube", null, null, youtube);
        String suggestion = a.string("suggestion_id");
        Double start = a.number("start_seconds", 0, 86_400);
        Double end = a.number("end_seconds", 0, 86_400);
        if ((start == null) != (end == null)) {
            throw new ToolArguments.BadArgument(start == null ? "start_seconds" : "end_seconds",
                    "is required when the other end of the time range is given");
        }
        if (suggestion != null && start != null) {
            throw new ToolArguments.BadArgument("suggestion_id", "cannot be given together with start_seconds/end_seconds");
        }
        CreateClipRequest.Selection selection = suggestion != null
                ? new CreateClipRequest.Selection("suggestion", suggestion, null, null)
                : start != null ? new CreateClipRequest.Selection("time_range", null, start, end) : null;
        Double min = a.number("min_duration_seconds", 1, 180);
        Double max = a.number("max_duration_seconds", 1, 180);
        String layout = a.oneOf("layout_mode", LAYOUTS);
        String style = a.string("caption_style");
        Boolean captions = a.bool("captions");
        String qa = a.oneOf("qa_mode", List.of("required", "permissive"));
        String quality = a.oneOf("quality", QUALITIES);
        Boolean autoExport = a.bool("auto_export");
        CreateClipRequest request = new CreateClipRequest(a.string("project_id"), source, selection,
                min == null && max == null ? null : new CreateClipRequest.Target(null, max, min),
                layout == null ? null : new CreateClipRequest.Layout(layout),
                captions == null && style == null ? null : new CreateClipRequest.Captions(captions, style),
                qa == null ? null : new CreateClipRequest.Qa(qa),
                quality == null && autoExport == null ? null : new CreateClipRequest.Export(autoExport, quality));
        return clips.create(request, a.string("idempotency_key")).map(ClipResult::of);
    }

    private AsyncToolSpecification tool(String name, String description, String properties, List<String> required,
                                        Function<ToolArguments, Mono<?>> handler) {
        String schema = "{\"type\": \"object\", \"properties\": {" + properties + "}, \"required\": "
                + required.stream().map(r -> "\"" + r + "\"").toList() + ", \"additionalProperties\": false}";
        Set<String> known = new LinkedHashSet<>();
        Matcher m = PROPERTY.matcher(properties);
        while (m.find()) {
            known.add(m.group(1));
        }
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(json, schema).build();
        return AsyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> {
                    Caller caller = McpCallers.caller(exchange.transportContext());
                    if (caller == null) {
                        return Mono.just(ToolResults.error(name, new IllegalStateException("the request has no caller")).result());
                    }
                    Mono<ToolResults.Outcome> outcome = ToolResults.from(name,
                            Mono.defer(() -> handler.apply(new ToolArguments(request.arguments(), known))));
                    if (MUTATING.contains(name)) {
                        outcome = outcome.flatMap(o -> audit.record(caller, "mcp " + name, subject(request.arguments()),
                                o.status(), o.errorCode(), McpCallers.remote(exchange.transportContext())).thenReturn(o));
                    }
                    return outcome.map(ToolResults.Outcome::result).contextWrite(Tenancy.context(caller));
                })
                .build();
    }

    private static String subject(Map<String, Object> arguments) {
        if (arguments == null) {
            return null;
        }
        return SUBJECTS.stream().map(arguments::get).filter(v -> v != null).map(String::valueOf).findFirst().orElse(null);
    }
}
