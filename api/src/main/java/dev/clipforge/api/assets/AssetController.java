package dev.clipforge.api.assets;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.projects.ProjectService;
import jakarta.validation.Valid;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

@RestController
@RequestMapping("/v1/assets")
public class AssetController {
    /** A transcript is text: a few megabytes hold hours of it. */
    static final int MAX_TRANSCRIPT_BYTES = 5 * 1024 * 1024;

    private final AssetService assets;
    private final ProjectService projects;

    public AssetController(AssetService assets, ProjectService projects) {
        this.assets = assets;
        this.projects = projects;
    }

    /** JSON: a presigned upload ({@code filename, content_type, size_bytes}), a {@code url} or a {@code youtube_url}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Object>> create(@Valid @RequestBody CreateAssetRequest request) {
        int kinds = (request.url() != null ? 1 : 0) + (request.youtubeUrl() != null ? 1 : 0)
                + (request.filename() != null || request.sizeBytes() != null ? 1 : 0);
        if (kinds != 1) {
            return Mono.error(ApiException.badRequest(
                    "give exactly one source: filename + size_bytes (presigned upload), url, or youtube_url"));
        }
        Mono<?> created = request.url() != null ? assets.createFromUrl(request)
                : request.youtubeUrl() != null ? assets.createFromYoutube(request)
                : assets.createUpload(request);
        return created.map(body -> ResponseEntity.status(HttpStatus.CREATED).body(body));
    }

    /**
     * Multipart: a {@code file} part streamed into the store. {@code project_id} comes as a query parameter or
     * a form field sent before the file.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<ResponseEntity<AssetView>> upload(@RequestParam(name = "project_id", required = false) String projectIdParam,
                                                  @RequestBody Flux<PartEvent> parts) {
        AtomicReference<String> projectId = new AtomicReference<>(projectIdParam);
        AtomicReference<AssetView> created = new AtomicReference<>();
        AtomicReference<Sidecar> transcript = new AtomicReference<>();
        Mono<Void> checked = projectIdParam == null ? Mono.empty() : projects.get(projectIdParam).then();
        return checked.thenMany(parts.windowUntil(PartEvent::isLast).concatMap(part -> part.switchOnFirst((first, events) -> {
                    PartEvent event = first.get();
                    if (event instanceof FormPartEvent form) {
                        if ("project_id".equals(form.name()) && projectId.get() == null) {
                            projectId.set(form.value());
                            return projects.get(form.value()).then(events.then());
                        }
                        return events.then();
                    }
                    if (event instanceof FilePartEvent file && "file".equals(file.name())) {
                        if (created.get() != null) {
                            return Mono.error(ApiException.badRequest("send one file part per request"));
                        }
                        if (projectId.get() == null) {
                            return Mono.error(ApiException.badRequest(
                                    "project_id must come before the file: as a query parameter or an earlier form field"));
                        }
                        MediaType type = file.headers().getContentType();
                        return assets.createFromStream(projectId.get(), file.filename(), type == null ? null : type.toString(),
                                events.map(PartEvent::content)).doOnNext(created::set).then();
                    }
                    if (event instanceof FilePartEvent file && "transcript".equals(file.name())) {
                        return DataBufferUtils.join(events.map(PartEvent::content), MAX_TRANSCRIPT_BYTES)
                                .map(b -> {
                                    byte[] bytes = new byte[b.readableByteCount()];
                                    b.read(bytes);
                                    DataBufferUtils.release(b);
                                    return bytes;
                                })
                                .onErrorMap(DataBufferLimitException.class, e -> ApiException.tooLarge(
                                        "the transcript is larger than " + MAX_TRANSCRIPT_BYTES / (1024 * 1024) + " MB",
                                        "send a smaller transcript"))
                                .doOnNext(bytes -> transcript.set(new Sidecar(file.filename(), bytes))).then();
                    }
                    return events.map(PartEvent::content).doOnNext(DataBufferUtils::release).then();
                })))
                .then(Mono.defer(() -> {
                    AssetView asset = created.get();
                    if (asset == null) {
                        return Mono.error(ApiException.badRequest("the form has no part named 'file'"));
                    }
                    Sidecar sidecar = transcript.get();
                    Mono<Void> stored = sidecar == null ? Mono.empty()
                            : assets.storeSidecar(asset.projectId(), asset.assetId(), sidecar.filename(), sidecar.bytes());
                    return stored.then(assets.startStreamedIngest(asset.assetId()))
                            .map(v -> ResponseEntity.status(HttpStatus.CREATED).body(v))
                            // a refused transcript leaves nothing behind: the video goes with it
                            .onErrorResume(e -> assets.discard(asset.assetId()).then(Mono.error(e)));
                }));
    }

    /** A {@code transcript} part as it came: its name says the format, its bytes are checked as text. */
    private record Sidecar(String filename, byte[] bytes) {
    }

    @GetMapping("/{id}")
    public Mono<AssetView> get(@PathVariable String id) {
        return assets.get(id);
    }

    @GetMapping
    public Mono<Page<AssetView>> list(@RequestParam(name = "project_id", required = false) String projectId,
                                      @RequestParam(required = false) String limit,
                                      @RequestParam(required = false) String offset) {
        return assets.list(projectId, PageRequest.of(limit, offset));
    }

    /** The client says its presigned upload finished; ingest starts now instead of at the next check. */
    @PostMapping("/{id}/complete")
    public Mono<AssetView> complete(@PathVariable String id) {
        return assets.complete(id);
    }

    public record FrameRequest(Double ts, String format) {
    }

    public record StripRequest(Double start, Double end, Double fps, String format) {
    }

    @PostMapping("/{id}/preview/frame")
    public Mono<PreviewFrame> frame(@PathVariable String id, @RequestBody FrameRequest request) {
        return assets.frame(id, request.ts(), request.format());
    }

    @PostMapping("/{id}/preview/strip")
    public Mono<Map<String, List<PreviewFrame>>> strip(@PathVariable String id, @RequestBody StripRequest request) {
        return assets.strip(id, request.start(), request.end(), request.fps(), request.format());
    }
}
