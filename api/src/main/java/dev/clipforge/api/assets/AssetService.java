package dev.clipforge.api.assets;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.projects.ProjectService;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.Ids;
import dev.clipforge.common.assets.AssetStatus;
import dev.clipforge.common.assets.DerivedMedia;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.net.UrlPolicy;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Sidecars;
import dev.clipforge.workflows.ingest.AssetError;
import dev.clipforge.workflows.ingest.SourceKind;
import dev.clipforge.workflows.preview.PreviewActivities;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@Service
public class AssetService {
    static final String YOUTUBE_HOW_TO_ENABLE = "install a downloader such as yt-dlp and set CLIPFORGE_INGEST_YOUTUBEDOWNLOADER"
            + " (clipforge.ingest.youtube-downloader) to its command, e.g. \"yt-dlp -f mp4 -o {output} {url}\"";

    private final AssetRepository repository;
    private final ProjectService projects;
    private final ObjectStore store;
    private final AssetWorkflows workflows;
    private final ClipforgeProperties properties;
    private final UrlPolicy urlPolicy;

    public AssetService(AssetRepository repository, ProjectService projects, ObjectStore store, AssetWorkflows workflows,
                        ClipforgeProperties properties) {
        this.repository = repository;
        this.projects = projects;
        this.store = store;
        this.workflows = workflows;
        this.properties = properties;
        this.urlPolicy = new UrlPolicy(properties.ingest().urlAllowList());
    }

    /** A presigned PUT: the client uploads, ingest starts when the object appears or on /complete. */
    public Mono<CreatedUpload> createUpload(CreateAssetRequest r) {
        return Tenancy.caller().flatMap(c -> createUpload(r, c.limits().maxUploadBytes()));
    }

    private Mono<CreatedUpload> createUpload(CreateAssetRequest r, long maxBytes) {
        if (r.filename() == null || r.filename().isBlank()) {
            return Mono.error(ApiException.badRequest("filename is required for an upload (or give url or youtube_url)"));
        }
        if (r.sizeBytes() == null) {
            return Mono.error(ApiException.badRequest("size_bytes is required for an upload"));
        }
        if (r.sizeBytes() <= 0) {
            return Mono.error(ApiException.unprocessable("empty_file", "size_bytes must be more than 0: the file is empty",
                    "upload the video file itself"));
        }
        if (r.sizeBytes() > maxBytes) {
            return Mono.error(ApiException.tooLarge("size_bytes " + r.sizeBytes() + " is over the "
                    + megabytes(maxBytes) + " MB upload limit", "upload a shorter or more compressed video"));
        }
        String contentType = r.contentType() == null || r.contentType().isBlank() ? "application/octet-stream" : r.contentType();
        String id = Ids.next(Ids.ASSET);
        return projects.get(r.projectId()).flatMap(p -> {
            String key = ObjectKeys.source(p.projectId(), id);
            ObjectStore.PresignedUrl url = store.presignPut(key, contentType, r.sizeBytes(), properties.ingest().uploadUrlTtl());
            Instant deadline = url.expiresAt().plus(properties.ingest().uploadGrace());
            return repository.insert(id, p.projectId(), AssetStatus.AWAITING_UPLOAD.wire(), "presigned", null,
                            r.filename(), contentType, r.sizeBytes(), null, key, url.expiresAt())
                    .then(workflows.startIngest(id, SourceKind.PRESIGNED, deadline))
                    .thenReturn(new CreatedUpload(id, p.projectId(), url.url().toString(),
                            Map.of("Content-Type", contentType, "Content-Length", String.valueOf(r.sizeBytes())),
                            url.expiresAt(), megabytes(maxBytes), AssetStatus.AWAITING_UPLOAD.wire()));
        });
    }

    /** A URL the server fetches (through the SSRF guard, again on every hop when it fetches). */
    public Mono<AssetView> createFromUrl(CreateAssetRequest r) {
        try {
            urlPolicy.check(r.url());
        } catch (UrlPolicy.Refused e) {
            return Mono.error(ApiException.unprocessable(e.code(), e.getMessage(),
                    "give a public http(s) URL of the video file, or upload the file instead"));
        }
        return createFetched(r.projectId(), r.url(), SourceKind.URL, "url");
    }

    public Mono<AssetView> createFromYoutube(CreateAssetRequest r) {
        if (properties.ingest().youtubeDownloader().isBlank()) {
            return Mono.error(ApiException.unprocessable("youtube_disabled", "YouTube sources are not enabled on this server",
                    YOUTUBE_HOW_TO_ENABLE));
        }
        if (!r.youtubeUrl().matches("https://(www\\.|m\\.)?(youtube\\.com|youtu\\.be)/\\S+")) {
            return Mono.error(ApiException.unprocessable("url_invalid", "not a YouTube URL: " + r.youtubeUrl(),
                    "give a https://www.youtube.com/watch?v=... or https://youtu.be/... URL"));
        }
        return createFetched(r.projectId(), r.youtubeUrl(), SourceKind.YOUTUBE, "youtube");
    }

    /**
     * An asset that can never ingest because YouTube is off, so a clip run created from it fails at once
     * with the reason instead of the caller getting an error it did not ask for.
     */
    public Mono<String> createFailedYoutube(String projectId, String youtubeUrl) {
        String id = Ids.next(Ids.ASSET);
        AssetError error = new AssetError("youtube_disabled", "YouTube sources are not enabled on this server",
                "no downloader command is configured", YOUTUBE_HOW_TO_ENABLE, false);
        return repository.insert(id, projectId, AssetStatus.FAILED.wire(), "youtube", youtubeUrl, null, null, null, null,
                        ObjectKeys.source(projectId, id), null)
                .then(repository.setError(id, Json.write(error)))
                .thenReturn(id);
    }

    private Mono<AssetView> createFetched(String projectId, String url, SourceKind kind, String kindWire) {
        String id = Ids.next(Ids.ASSET);
        return projects.get(projectId).flatMap(p -> repository.insert(id, p.projectId(), AssetStatus.INGESTING.wire(), kindWire,
                        url, null, null, null, null, ObjectKeys.source(p.projectId(), id), null)
                .then(workflows.startIngest(id, kind, null))
                .then(get(id)));
    }

    /** A multipart upload streamed straight into the store, then ingested. */
    public Mono<AssetView> createFromStream(String projectId, String filename, String contentType, Flux<DataBuffer> content) {
        String id = Ids.next(Ids.ASSET);
        String key = ObjectKeys.source(projectId, id);
        return Tenancy.caller().flatMap(c -> MultipartUpload.stream(store, key, contentType, content, c.limits().maxUploadBytes()))
                .flatMap(size -> {
                    if (size == 0) {
                        return Mono.fromRunnable(() -> store.delete(key)).subscribeOn(Schedulers.boundedElastic())
                                .then(Mono.error(ApiException.unprocessable("empty_file", "the uploaded file is empty (0 bytes)",
                                        "upload the video file itself")));
                    }
                    return repository.insert(id, projectId, AssetStatus.INGESTING.wire(), "multipart", null, filename,
                                    contentType, size, size, key, null)
                            .then(get(id));
                });
    }

    /** Removes an asset whose upload was refused after its bytes were stored. */
    public Mono<Void> discard(String id) {
        return record(id).flatMap(a -> Mono.fromRunnable(() -> store.deletePrefix(ObjectKeys.asset(a.projectId(), id)))
                .subscribeOn(Schedulers.boundedElastic()).then(repository.delete(id)));
    }

    /** Starts ingest of a streamed upload, once everything sent with it (a sidecar transcript) is stored. */
    public Mono<AssetView> startStreamedIngest(String id) {
        return workflows.startIngest(id, SourceKind.MULTIPART, null).then(get(id));
    }

    /**
     * Stores a transcript uploaded with the asset (SRT, WebVTT or ClipForge JSON, as UTF-8 or marked UTF-16); it
     * wins over speech recognition. Checked here, so a broken file is refused at once rather than failing a run
     * later; it is stored as UTF-8 whatever it came as.
     */
    public Mono<Void> storeSidecar(String projectId, String assetId, String filename, byte[] bytes) {
        String text;
        Sidecars.Format format;
        try {
            text = Sidecars.decode(bytes);
            format = Sidecars.detect(filename, text);
            Sidecars.parse(format, text);
        } catch (IllegalArgumentException e) {
            return Mono.error(ApiException.unprocessable("invalid_transcript", "the transcript cannot be read: " + e.getMessage(),
                    "send SRT, WebVTT, or ClipForge JSON with timed words or segments, as UTF-8 text"));
        }
        return Mono.fromRunnable(() -> store.put(ObjectKeys.sidecar(projectId, assetId, format.extension),
                        text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain; charset=utf-8"))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    public Mono<AssetView> complete(String id) {
        return record(id).flatMap(a -> {
            if (!AssetStatus.AWAITING_UPLOAD.wire().equals(a.status())) {
                return Mono.just(a);
            }
            return Mono.fromCallable(() -> store.exists(a.objectKey())).subscribeOn(Schedulers.boundedElastic())
                    .flatMap(present -> present
                            ? workflows.uploadCompleted(id).thenReturn(a)
                            : Mono.error(ApiException.wrongState("nothing has been uploaded to this asset's upload_url yet",
                            "PUT the file to upload_url first, then call complete")));
        }).then(get(id));
    }

    public Mono<AssetView> get(String id) {
        return record(id).map(this::view);
    }

    Mono<AssetRecord> record(String id) {
        return Tenancy.organisation().flatMap(org -> repository.find(id, org))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("asset", id)));
    }

    private static long megabytes(long bytes) {
        return bytes / (1024 * 1024);
    }

    public Mono<Page<AssetView>> list(String projectId, PageRequest page) {
        if (projectId == null || projectId.isBlank()) {
            return Mono.error(ApiException.badRequest("project_id is required"));
        }
        return projects.get(projectId).then(Mono.zip(
                repository.page(projectId, page.limit(), page.offset()).map(this::view).collectList(),
                repository.count(projectId))).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    public Mono<PreviewFrame> frame(String id, Double ts, String format) {
        if (ts == null) {
            return Mono.error(ApiException.badRequest("ts is required (seconds from the start of the source)"));
        }
        return readyProbe(id).flatMap(probe -> {
            checkTime("ts", ts, probe);
            return workflows.frames(new PreviewActivities.Request(id, List.of(ts), format(format)))
                    .map(frames -> toView(frames.get(0)));
        });
    }

    public Mono<Map<String, List<PreviewFrame>>> strip(String id, Double start, Double end, Double fps, String format) {
        if (start == null || end == null || fps == null) {
            return Mono.error(ApiException.badRequest("start, end and fps are required"));
        }
        return readyProbe(id).flatMap(probe -> {
            checkTime("start", start, probe);
            checkTime("end", end, probe);
            if (end <= start) {
                throw ApiException.unprocessable("end (" + end + ") must be after start (" + start + ")");
            }
            if (!(fps > 0)) {
                throw ApiException.unprocessable("fps must be more than 0");
            }
            int count = (int) Math.floor((end - start) * fps + 1e-9) + 1;
            int max = properties.ingest().previewMaxFrames();
            if (count > max) {
                throw ApiException.unprocessable("frame_limit", "the strip would have " + count + " frames; at most " + max
                        + " are returned per request", "lower fps or shorten the range to at most " + max + " frames");
            }
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(start + i / fps);
            }
            return workflows.frames(new PreviewActivities.Request(id, times, format(format)))
                    .map(frames -> Map.of("frames", frames.stream().map(this::toView).toList()));
        });
    }

    private Mono<ProbeResult> readyProbe(String id) {
        return record(id).map(a -> {
            if (!AssetStatus.READY.wire().equals(a.status())) {
                throw ApiException.wrongState("asset " + id + " is " + a.status() + ", not ready",
                        "poll GET /v1/assets/" + id + " until status is ready");
            }
            return Json.read(a.probeJson(), ProbeResult.class);
        });
    }

    private static void checkTime(String name, double t, ProbeResult probe) {
        if (t < 0 || t > probe.durationSeconds()) {
            throw ApiException.unprocessable(name + " (" + t + ") is outside the source (0 to "
                    + String.format(Locale.ROOT, "%.3f", probe.durationSeconds()) + " s)");
        }
    }

    private static PreviewActivities.Format format(String format) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("jpg") || format.equalsIgnoreCase("jpeg")) {
            return PreviewActivities.Format.JPG;
        }
        if (format.equalsIgnoreCase("png")) {
            return PreviewActivities.Format.PNG;
        }
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", "format must be jpg or png, not " + format, null);
    }

    private PreviewFrame toView(PreviewActivities.Frame f) {
        ObjectStore.PresignedUrl url = store.presignGet(f.objectKey(), properties.s3().presignTtl(), null);
        return new PreviewFrame(url.url().toString(), f.timestamp(), f.requested());
    }

    AssetView view(AssetRecord a) {
        ProbeResult probe = a.probeJson() == null ? null : Json.read(a.probeJson(), ProbeResult.class);
        DerivedMedia derived = a.derivedJson() == null ? null : Json.read(a.derivedJson(), DerivedMedia.class);
        AssetError error = a.errorJson() == null ? null : Json.read(a.errorJson(), AssetError.class);
        AssetView.Derived derivedView = derived == null
                ? new AssetView.Derived("pending", null, null, null)
                : new AssetView.Derived(derived.speechAudioKey() == null ? "not_applicable" : "ready",
                derived.posterKey() == null ? null : store.presignGet(derived.posterKey(), properties.s3().presignTtl(), null).url().toString(),
                derived.posterAtSeconds(), derived.sharedFrom());
        return new AssetView(a.id(), a.projectId(), a.status(), a.filename(), a.contentType(), a.sizeBytes(),
                new AssetView.Source(a.sourceKind(), a.sourceUrl()), probe, derivedView, a.analysisVersion(), error,
                a.uploadExpiresAt(), a.createdAt(), a.updatedAt());
    }
}
