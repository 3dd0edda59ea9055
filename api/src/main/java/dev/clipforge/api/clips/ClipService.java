package dev.clipforge.api.clips;

import dev.clipforge.api.assets.AssetService;
import dev.clipforge.api.assets.CreateAssetRequest;
import dev.clipforge.api.captions.CaptionThemeService;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.idempotency.Idempotency;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.projects.ProjectService;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.api.web.PublicUrl;
import dev.clipforge.common.Ids;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.run.ClipRunInput;
import dev.clipforge.workflows.run.ClipRunSpec;
import dev.clipforge.workflows.run.ClipRunWorkflow;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.run.Commands;
import dev.clipforge.workflows.run.LayoutMode;
import dev.clipforge.workflows.run.QaMode;
import dev.clipforge.workflows.run.Quality;
import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.run.RunSettings;
import dev.clipforge.workflows.run.SelectionMode;
import dev.clipforge.workflows.run.SelectionRules;
import dev.clipforge.workflows.run.SourceType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/** Clip runs: created here, driven by their workflow, read from their published snapshots. */
@Service
public class ClipService {
    /** Targets the product can produce: 9:16 vertical video. */
    static final String ASPECT = "9:16";
    static final double MAX_CLIP_SECONDS = 180;
    private static final String POLL = "poll";

    private final ClipRepository repository;
    private final AssetService assets;
    private final ProjectService projects;
    private final WorkflowClient temporal;
    private final ObjectStore store;
    private final ClipforgeProperties properties;
    private final Idempotency idempotency;
    private final SnapshotNotifications notifications;
    private final ClipViews views;
    private final RunSettingsFactory runSettings;
    private final CaptionThemeService themes;

    public ClipService(ClipRepository repository, AssetService assets, ProjectService projects, WorkflowClient temporal,
                       ObjectStore store, ClipforgeProperties properties, Idempotency idempotency,
                       SnapshotNotifications notifications, RunSettingsFactory runSettings, PublicUrl publicUrl,
                       CaptionThemeService themes) {
        this.repository = repository;
        this.assets = assets;
        this.projects = projects;
        this.temporal = temporal;
        this.store = store;
        this.properties = properties;
        this.idempotency = idempotency;
        this.notifications = notifications;
        this.views = new ClipViews(store, properties, publicUrl);
        this.runSettings = runSettings;
        this.themes = themes;
    }

    public Mono<ClipView> create(CreateClipRequest request, String idempotencyKey) {
        ClipRunSpec spec = spec(request);
        String style = spec.captions().styleId();
        Mono<Void> exportQuota = spec.export().autoExport() ? checkExportQuota() : Mono.empty();
        return themes.exists(style).flatMap(known -> known ? Mono.empty() : Mono.error(new ApiException(HttpStatus.NOT_FOUND,
                        "not_found", "caption_style_not_found", "captions.style_id '" + style + "' is neither a built-in"
                        + " style nor a caption theme", "use documentary, full-sentence, single-word-instant, or an id from"
                        + " GET /v1/caption-themes")))
                .then(exportQuota)
                .then(idempotency.run("clips", idempotencyKey, request, Ids.next(Ids.CLIP),
                        id -> source(request, spec).flatMap(asset -> start(id, asset[0], asset[1], spec)),
                        this::get));
    }

    /** {project id, asset id} of the run's source, creating the asset for URL and YouTube sources. */
    private Mono<String[]> source(CreateClipRequest request, ClipRunSpec spec) {
        ClipRunSpec.Source s = spec.source();
        return switch (s.sourceType()) {
            case ASSET -> assets.get(s.assetId())
                    .onErrorMap(ApiException.class, e -> e.status() == HttpStatus.NOT_FOUND
                            ? new ApiException(HttpStatus.NOT_FOUND, "not_found", "asset_not_found", "asset " + s.assetId()
                            + " does not exist", "create it with POST /v1/assets first") : e)
                    .map(a -> new String[]{a.projectId(), a.assetId()});
            case URL -> projects.existingOrNew(request.projectId(), s.url()).flatMap(p -> assets.createFromUrl(new CreateAssetRequest(p, null, null,
                    null, s.url(), null)).map(a -> new String[]{p, a.assetId()}));
            case YOUTUBE -> projects.existingOrNew(request.projectId(), s.youtubeUrl()).flatMap(p -> properties.ingest().youtubeDownloader().isBlank()
                    ? assets.createFailedYoutube(p, s.youtubeUrl()).map(id -> new String[]{p, id})
                    : assets.createFromYoutube(new CreateAssetRequest(p, null, null, null, null, s.youtubeUrl()))
                    .map(a -> new String[]{p, a.assetId()}));
        };
    }

    private Mono<ClipView> start(String clipId, String projectId, String assetId, ClipRunSpec spec) {
        ClipRunSpec resolved = new ClipRunSpec(new ClipRunSpec.Source(spec.source().sourceType(), assetId,
                spec.source().url(), spec.source().youtubeUrl()), spec.selection(), spec.target(), spec.layout(),
                spec.captions(), spec.qa(), spec.export());
        return Tenancy.organisation().flatMap(org -> {
            ClipRunInput input = new ClipRunInput(clipId, projectId, assetId, resolved, runSettings(), Instant.now(), null, org);
            return repository.insert(clipId, projectId, assetId, org, Json.write(resolved))
                    .then(Mono.fromRunnable(() -> startWorkflow(input)).subscribeOn(Schedulers.boundedElastic()));
        })
                .then(awaitVersion(clipId, 0, Duration.ofSeconds(3)));
    }

    void startWorkflow(ClipRunInput input) {
        ClipRunWorkflow run = temporal.newWorkflowStub(ClipRunWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(input.clipId())
                .setTaskQueue(TaskQueues.CPU)
                // a restarted run whose history the embedded server lost starts again under its id
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                .build());
        WorkflowClient.start(run::run, input);
    }

    RunSettings runSettings() {
        return runSettings.runSettings();
    }

    public Mono<ClipView> get(String id) {
        return row(id).map(views::of);
    }

    private Mono<ClipRepository.Row> row(String id) {
        return Tenancy.organisation().flatMap(org -> repository.find(id, org))
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("clip", id)));
    }

    /** The run once its {@code state_version} exceeds {@code sinceVersion}, or as it is when the wait ends. */
    public Mono<ClipView> awaitVersion(String id, long sinceVersion, Duration wait) {
        Duration capped = wait.compareTo(properties.runs().maxWait()) > 0 ? properties.runs().maxWait() : wait;
        Flux<Object> wakeups = wakeups(id);
        return row(id).flatMap(first -> first.stateVersion() > sinceVersion || capped.isZero() ? Mono.just(first)
                        : wakeups.concatMap(x -> shielded(repository.find(id)))
                        .filter(r -> r.stateVersion() > sinceVersion)
                        .next()
                        .timeout(capped, repository.find(id)))
                .map(views::of);
    }

    /**
     * The run as soon as it needs its caller ({@code next_action} other than {@code poll}), or as it is when the
     * wait ends: what an agent wants from one call instead of a polling loop.
     */
    public Mono<ClipView> awaitActionable(String id, Duration wait) {
        Duration capped = wait.compareTo(properties.runs().maxWait()) > 0 ? properties.runs().maxWait() : wait;
        Flux<Object> wakeups = wakeups(id);
        return get(id).flatMap(first -> !POLL.equals(first.nextAction()) || capped.isZero() ? Mono.just(first)
                : wakeups.concatMap(x -> shielded(repository.find(id))).map(views::of)
                .filter(v -> !POLL.equals(v.nextAction()))
                .next()
                .timeout(capped, get(id)));
    }

    /** A tick for each snapshot the run publishes, and every 2 s in case a notification is missed. */
    private Flux<Object> wakeups(String id) {
        return Flux.merge(notifications.clipIds().filter(id::equals).map(x -> (Object) x),
                Flux.interval(Duration.ofSeconds(2)).map(x -> (Object) x));
    }

    /** One event per published snapshot, starting with the current one; ends after a final state. */
    public Flux<ClipView> events(String id) {
        return row(id).flatMapMany(first -> {
            long[] last = {first.stateVersion()};
            Flux<ClipView> updates = Flux.merge(notifications.clipIds().filter(id::equals).map(x -> 0L),
                            Flux.interval(Duration.ofSeconds(2)))
                    .concatMap(x -> shielded(repository.find(id)))
                    .filter(r -> {
                        if (r.stateVersion() > last[0]) {
                            last[0] = r.stateVersion();
                            return true;
                        }
                        return false;
                    })
                    .map(views::of)
                    .takeUntil(v -> Terminal.is(v.status()));
            ClipView current = views.of(first);
            return Terminal.is(current.status()) ? Flux.just(current) : Flux.concat(Flux.just(current), updates);
        });
    }

    /**
     * A read that runs to completion even when its subscriber goes away: long polls and event streams end by
     * cancelling, and a query cancelled mid-flight can strand its pooled connection (r2dbc/r2dbc-pool#143).
     */
    static <T> Mono<T> shielded(Mono<T> read) {
        return Mono.defer(() -> Mono.fromFuture(read.toFuture(), true));
    }

    public Mono<Page<ClipView>> list(String projectId, String status, PageRequest page) {
        Mono<Void> check = projectId == null ? Mono.empty() : projects.get(projectId).then();
        return check.then(Tenancy.organisation()).flatMap(org -> Mono.zip(
                repository.page(org, projectId, status, page.limit(), page.offset()).map(views::of).collectList(),
                repository.count(org, projectId, status))).map(t -> Page.of(t.getT1(), page, t.getT2()));
    }

    public Mono<ClipView> reselect(String id, CommandRequests.Reselect body) {
        SelectionMode mode = WireEnums.parse(body.selectionMode(), SelectionMode.class, "selection_mode", null);
        if (mode == null) {
            return Mono.error(ApiException.unprocessable("selection_mode is required: suggestion or time_range"));
        }
        if (mode == SelectionMode.TIME_RANGE) {
            return row(id).flatMap(r -> {
                ClipRunSpec spec = Json.read(r.spec(), ClipRunSpec.class);
                SelectionRules.Invalid shape = SelectionRules.checkShape(body.startSeconds(), body.endSeconds(), spec.target());
                return shape != null ? Mono.error(ApiException.unprocessable(shape.reason()))
                        : command(id, run -> run.reselect(new Commands.Reselect(mode, null, body.startSeconds(), body.endSeconds())));
            });
        }
        return command(id, run -> run.reselect(new Commands.Reselect(mode, body.suggestionId(), body.startSeconds(),
                body.endSeconds())));
    }

    public Mono<ClipView> repair(String id, CommandRequests.Repair body) {
        RepairMode mode = WireEnums.parse(body == null ? null : body.mode(), RepairMode.class, "mode", RepairMode.AUTO);
        return command(id, run -> run.repair(new Commands.Repair(mode)));
    }

    public Mono<ClipView> export(String id, CommandRequests.Export body) {
        return row(id).flatMap(r -> {
            ClipRunSpec spec = Json.read(r.spec(), ClipRunSpec.class);
            Quality quality = WireEnums.parse(body == null ? null : body.quality(), Quality.class, "quality",
                    spec.export().quality());
            return checkExportQuota().then(command(id, run -> run.export(new Commands.Export(quality))));
        });
    }

    /** Refuses a new export (429 with Retry-After) while the organisation has used its exports of the last 24 hours. */
    private Mono<Void> checkExportQuota() {
        return Tenancy.caller().flatMap(c -> repository.exportsInLastDay(c.organisationId()).flatMap(recent -> {
            int limit = c.limits().exportsPerDay();
            if (recent.count() < limit) {
                return Mono.empty();
            }
            long wait = recent.oldest() == null ? 3600
                    : Math.max(1, Duration.between(Instant.now(), recent.oldest().toInstant().plus(Duration.ofDays(1))).toSeconds());
            return Mono.error(ApiException.rateLimited("export_limit_reached", "your organisation has made its " + limit
                            + " exports of the last 24 hours", "export again in " + wait + " s (Retry-After), or ask the"
                            + " server's admin for a higher exports_per_day", wait));
        }));
    }

    public Mono<ClipView> cancel(String id) {
        return command(id, ClipRunWorkflow::cancel);
    }

    /**
     * Sends a command (a Temporal Update) off the event loop and answers with the snapshot it returned. A
     * refused command leaves the run unchanged: 409 when the state does not allow it, 422 when impossible.
     */
    private Mono<ClipView> command(String id, Function<ClipRunWorkflow, ClipSnapshot> update) {
        return row(id).flatMap(r -> Mono.fromCallable(() -> update.apply(temporal.newWorkflowStub(ClipRunWorkflow.class, id)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(e -> commandError(e, r))
                .map(snapshot -> views.of(r, snapshot)));
    }

    private static Throwable commandError(Throwable e, ClipRepository.Row r) {
        if (e instanceof WorkflowUpdateException u && u.getCause() instanceof ApplicationFailure af) {
            return Commands.Rejection.of(af)
                    .<Throwable>map(rej -> Commands.WRONG_STATE.equals(rej.code())
                            ? ApiException.wrongState(rej.message(), "GET the clip and follow next_action")
                            : ApiException.unprocessable(rej.message()))
                    .orElseGet(() -> closed(r));
        }
        if (e instanceof WorkflowNotFoundException || e instanceof WorkflowUpdateException) {
            return closed(r);
        }
        return e;
    }

    private static ApiException closed(ClipRepository.Row r) {
        return ApiException.wrongState("clip run " + r.id() + " is " + r.status() + " and no longer takes commands",
                "create a new clip run from the same asset (POST /v1/clips with asset_id " + r.assetId() + ")");
    }

    /** The request with every default applied, checked for values that can never work. */
    ClipRunSpec spec(CreateClipRequest r) {
        SourceType type = WireEnums.parse(r.source().sourceType(), SourceType.class, "source.source_type", null);
        switch (type) {
            case ASSET -> require(r.source().assetId(), "source.asset_id is required when source_type is asset");
            case URL -> require(r.source().url(), "source.url is required when source_type is url");
            case YOUTUBE -> require(r.source().youtubeUrl(), "source.youtube_url is required when source_type is youtube");
        }
        var t = r.target();
        String aspect = t == null || t.aspectRatio() == null ? ASPECT : t.aspectRatio();
        if (!ASPECT.equals(aspect)) {
            throw ApiException.unprocessable("target.aspect_ratio must be 9:16 (vertical), not " + aspect);
        }
        double max = t == null || t.maxDurationSeconds() == null ? RunSettingsFactory.DEFAULT_MAX_SECONDS : t.maxDurationSeconds();
        double min = t == null || t.minDurationSeconds() == null ? Math.min(RunSettingsFactory.DEFAULT_MIN_SECONDS, max)
                : t.minDurationSeconds();
        if (!(min >= 1) || !(max <= MAX_CLIP_SECONDS) || min > max) {
            throw ApiException.unprocessable(String.format(Locale.ROOT,
                    "target durations must satisfy 1 <= min_duration_seconds (%s) <= max_duration_seconds (%s) <= %.0f",
                    min, max, MAX_CLIP_SECONDS));
        }
        ClipRunSpec.Target target = new ClipRunSpec.Target(ASPECT, max, min);
        var s = r.selection();
        SelectionMode mode = WireEnums.parse(s == null ? null : s.selectionMode(), SelectionMode.class,
                "selection.selection_mode", SelectionMode.AUTO_BEST);
        ClipRunSpec.Selection selection = new ClipRunSpec.Selection(mode, s == null ? null : s.suggestionId(),
                s == null ? null : s.startSeconds(), s == null ? null : s.endSeconds());
        if (mode == SelectionMode.SUGGESTION) {
            require(selection.suggestionId(), "selection.suggestion_id is required when selection_mode is suggestion");
        }
        if (mode == SelectionMode.TIME_RANGE) {
            SelectionRules.Invalid shape = SelectionRules.checkShape(selection.startSeconds(), selection.endSeconds(), target);
            if (shape != null) {
                throw ApiException.unprocessable(shape.reason());
            }
        }
        LayoutMode layout = WireEnums.parse(r.layout() == null ? null : r.layout().layoutMode(), LayoutMode.class,
                "layout.layout_mode", LayoutMode.AUTO);
        boolean captionsOn = r.captions() == null || r.captions().enabled() == null || r.captions().enabled();
        String style = r.captions() == null || r.captions().styleId() == null ? "documentary" : r.captions().styleId();
        QaMode qa = WireEnums.parse(r.qa() == null ? null : r.qa().qaMode(), QaMode.class, "qa.qa_mode", QaMode.REQUIRED);
        boolean auto = r.export() != null && Boolean.TRUE.equals(r.export().autoExport());
        Quality quality = WireEnums.parse(r.export() == null ? null : r.export().quality(), Quality.class, "export.quality",
                Quality.P1080);
        return new ClipRunSpec(new ClipRunSpec.Source(type, r.source().assetId(), r.source().url(), r.source().youtubeUrl()),
                selection, target, new ClipRunSpec.Layout(layout), new ClipRunSpec.Captions(captionsOn, style),
                new ClipRunSpec.Qa(qa), new ClipRunSpec.Export(auto, quality));
    }

    private static void require(String value, String message) {
        if (value == null || value.isBlank()) {
            throw ApiException.unprocessable(message);
        }
    }

    /** Final statuses: the run will not change again. */
    static final class Terminal {
        private Terminal() {
        }

        static boolean is(String status) {
            return "exported".equals(status) || "failed".equals(status) || "cancelled".equals(status);
        }
    }

}
