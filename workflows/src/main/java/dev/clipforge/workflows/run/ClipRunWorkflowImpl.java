package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.CaptionActivities;
import dev.clipforge.workflows.stages.CaptionTrack;
import dev.clipforge.workflows.stages.ExportActivities;
import dev.clipforge.workflows.stages.ExportResult;
import dev.clipforge.workflows.stages.LayoutActivities;
import dev.clipforge.workflows.stages.LayoutPlan;
import dev.clipforge.workflows.stages.QaActivities;
import dev.clipforge.workflows.stages.QaReport;
import dev.clipforge.workflows.stages.RenderActivities;
import dev.clipforge.workflows.stages.RunSlotActivities;
import dev.clipforge.workflows.stages.Rendition;
import dev.clipforge.workflows.stages.SnapshotActivities;
import dev.clipforge.workflows.stages.SourceActivities;
import dev.clipforge.workflows.stages.SourceInfo;
import dev.clipforge.workflows.stages.SuggestActivities;
import dev.clipforge.workflows.stages.Suggestion;
import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.stages.TranscriptRef;
import dev.clipforge.workflows.stages.VisualActivities;
import dev.clipforge.workflows.stages.VisualAnalysis;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;


public class ClipRunWorkflowImpl implements ClipRunWorkflow {
    private static final Logger log = Workflow.getLogger(ClipRunWorkflowImpl.class);
    /** Source checks back off to this many times the first interval. */
    private static final int MAX_POLL_FACTOR = 10;
    /** Change id of the transcript-revision signal's handling (runs recorded before it never saw the signal). */
    static final String TRANSCRIPT_REVISION = "transcript-revision";
    /** Change id of the organisation's concurrent-run slots (runs recorded before it never took one). */
    static final String RUN_SLOTS = "run-slots";
    /** Change id of offering a repair only for findings a repair addresses (runs before it offered one for any). */
    static final String REPAIR_NAMED = "repair-only-when-named";
    /** Runs created before tenancy belong to the default organisation. */
    private static final String DEFAULT_ORGANISATION = "org_default";
    /** A queued run looks for a free slot again after this long at first, backing off to {@link #MAX_SLOT_WAIT}. */
    private static final Duration FIRST_SLOT_WAIT = Duration.ofSeconds(1);
    private static final Duration MAX_SLOT_WAIT = Duration.ofSeconds(15);

    private final SourceActivities sources = Workflow.newLocalActivityStub(SourceActivities.class, StageOptions.DATABASE);
    private final SnapshotActivities snapshots = Workflow.newLocalActivityStub(SnapshotActivities.class, StageOptions.DATABASE);
    private final RunSlotActivities slots = Workflow.newLocalActivityStub(RunSlotActivities.class, StageOptions.DATABASE);
    private final TranscribeActivities transcriber = Workflow.newActivityStub(TranscribeActivities.class, StageOptions.TRANSCRIBE);
    private final SuggestActivities suggester = Workflow.newActivityStub(SuggestActivities.class, StageOptions.SUGGEST);
    private final VisualActivities visuals = Workflow.newActivityStub(VisualActivities.class, StageOptions.ANALYZE);
    private final LayoutActivities layouts = Workflow.newActivityStub(LayoutActivities.class, StageOptions.LAYOUT);
    private final CaptionActivities captioner = Workflow.newActivityStub(CaptionActivities.class, StageOptions.CAPTIONS);
    private final RenderActivities renderer = Workflow.newActivityStub(RenderActivities.class, StageOptions.RENDER);
    private final QaActivities qaChecker = Workflow.newActivityStub(QaActivities.class, StageOptions.QA);
    private final ExportActivities exporter = Workflow.newActivityStub(ExportActivities.class, StageOptions.EXPORT);

    private ClipRunInput input;
    private ClipRunSpec spec;
    private RunSettings settings;
    private long stateVersion;

    private StageStatus sourceStatus = StageStatus.PENDING;
    private SourceInfo source;
    private StageStatus transcriptStatus = StageStatus.PENDING;
    private TranscriptRef transcript;
    /** The newest transcript version the asset has been corrected into (0: none since the run began). */
    private int revisedVersion;
    private StageStatus suggestionsStatus = StageStatus.PENDING;
    private List<Suggestion> suggestions = List.of();
    private double suggestionsEnd;

    private ClipRunSpec.Selection selection;
    private ClipWindow window;
    private String selectedSuggestionId;
    private String invalidReason;
    /** Bumped by every reselect and repair: work started for an older generation is superseded. */
    private int generation;

    private StageStatus analysisStatus = StageStatus.PENDING;
    private VisualAnalysis analysis;
    private StageStatus layoutStatus = StageStatus.PENDING;
    private LayoutPlan layout;
    private StageStatus captionsStatus = StageStatus.PENDING;
    private CaptionTrack captions;
    private StageStatus renderStatus = StageStatus.PENDING;
    private Rendition preview;
    private QaStatus qaStatus = QaStatus.PENDING;
    private QaReport qaReport;
    private int repairPassesUsed;
    private RepairMode repairMode;

    private ExportStatus exportStatus = ExportStatus.NOT_STARTED;
    private Quality exportQuality;
    private Quality pendingExport;
    private ExportResult exportResult;

    /** Whether this run takes part in its organisation's concurrent-run limit (false when replaying older runs). */
    private boolean slotsEnabled;
    /** Whether next_action is repair only when a critical finding names a repair (false when replaying older runs). */
    private boolean repairOnlyWhenNamed;
    private boolean holdingSlot;
    private boolean queued;

    private boolean cancelled;
    private RunError error;
    private CancellationScope activeScope;

    @Override
    public ClipSnapshot run(ClipRunInput input) {
        this.input = input;
        this.spec = input.spec();
        this.settings = input.settings();
        this.selection = spec.selectionOrDefault();
        this.exportQuality = spec.export().quality();
        this.captionsStatus = captionsInitial();
        ClipRunInput.Resume resume = input.resume();
        if (resume != null) {
            selection = resume.selection();
            repairPassesUsed = resume.repairPassesUsed();
            repairMode = resume.lastRepairMode();
            stateVersion = resume.stateVersion();
            if (resume.exportQuality() != null) {
                exportQuality = resume.exportQuality();
            }
        }
        slotsEnabled = Workflow.getVersion(RUN_SLOTS, Workflow.DEFAULT_VERSION, 1) == 1;
        repairOnlyWhenNamed = Workflow.getVersion(REPAIR_NAMED, Workflow.DEFAULT_VERSION, 1) == 1;
        publish();
        if (awaitSource() && acquireSlot() && transcribe() && suggest()) {
            applySelection(selection, resume != null && resume.repairPassesUsed() > 0);
            if (resume != null && resume.exportQuality() != null) {
                pendingExport = resume.exportQuality();
            } else if (spec.export().autoExport()) {
                pendingExport = spec.export().quality();
            }
            publish();
            drive();
        }
        releaseSlot();
        // a cancel or reselect handler may still be publishing; let it answer its caller first
        Workflow.await(Workflow::isEveryHandlerFinished);
        publish();
        return snapshot();
    }

    private boolean awaitSource() {
        long deadline = Workflow.currentTimeMillis() + settings.sourceWait().toMillis();
        Duration interval = settings.sourcePoll();
        Duration maxInterval = settings.sourcePoll().multipliedBy(MAX_POLL_FACTOR);
        while (true) {
            SourceActivities.SourceStatus status = sources.sourceStatus(input.assetId());
            switch (status.state()) {
                case READY -> {
                    source = status.info();
                    sourceStatus = StageStatus.READY;
                    return true;
                }
                case FAILED, MISSING -> {
                    sourceStatus = StageStatus.FAILED;
                    error = status.error();
                    return false;
                }
                case AWAITING_UPLOAD, INGESTING -> {
                    if (sourceStatus != StageStatus.RUNNING && status.state() == SourceActivities.State.INGESTING) {
                        sourceStatus = StageStatus.RUNNING;
                        publish();
                    }
                }
            }
            long remaining = deadline - Workflow.currentTimeMillis();
            if (remaining <= 0) {
                sourceStatus = StageStatus.FAILED;
                error = new RunError(Stage.INGEST, FailureCodes.SOURCE_WAIT_TIMEOUT,
                        "the source was not uploaded and ingested within " + settings.sourceWait(),
                        "asset " + input.assetId() + " was still " + status.state().name().toLowerCase()
                                + " when the run's wait for its source ran out",
                        "upload the file to the asset's upload_url (or POST /v1/assets/" + input.assetId()
                                + "/complete once it is uploaded), then create a new clip run",
                        false);
                return false;
            }
            Workflow.await(Duration.ofMillis(Math.min(interval.toMillis(), remaining)), () -> cancelled);
            if (cancelled) {
                return false;
            }
            interval = interval.multipliedBy(2).compareTo(maxInterval) > 0 ? maxInterval : interval.multipliedBy(2);
        }
    }

    private boolean transcribe() {
        if (!source.hasAudio()) {
            transcriptStatus = StageStatus.NOT_APPLICABLE;
            transcript = null;
            return true;
        }
        transcriptStatus = StageStatus.RUNNING;
        publish();
        TranscriptRef ref = stage(Stage.TRANSCRIBE,
                () -> transcriber.transcribe(new TranscribeActivities.Request(input.assetId(), source.analysisVersion())));
        if (ref == null) {
            return false;
        }
        transcript = ref;
        transcriptStatus = ref.status();
        return true;
    }

    private boolean suggest() {
        suggestionsStatus = StageStatus.RUNNING;
        publish();
        SuggestActivities.SuggestionSet set = stage(Stage.SUGGEST, () -> suggester.suggestMoments(new SuggestActivities.Request(
                input.assetId(), source.analysisVersion(), transcript, source,
                spec.target().minDurationSeconds(), spec.target().maxDurationSeconds(), settings.suggestionCount())));
        if (set == null) {
            return false;
        }
        suggestions = set.suggestions();
        suggestionsEnd = set.endSeconds();
        suggestionsStatus = StageStatus.READY;
        return true;
    }

    /** Runs stages for the current selection and waits for commands, until the run ends or idles out. */
    private void drive() {
        while (!cancelled && error == null) {
            int gen = generation;
            if (revisionPending()) {
                if (Workflow.getVersion(TRANSCRIPT_REVISION, Workflow.DEFAULT_VERSION, 1) == 1) {
                    adoptRevision();
                } else {
                    revisedVersion = source.analysisVersion();
                }
                continue;
            }
            if (!selectionSettled()) {
                if (acquireSlot()) {
                    runPipeline(gen);
                }
                continue;
            }
            if (pendingExport != null && (decide().nextAction() == NextAction.EXPORT || exportStatus == ExportStatus.RUNNING)) {
                if (acquireSlot()) {
                    runExport();
                }
                continue;
            }
            releaseSlot();
            boolean woke = Workflow.await(settings.idleTimeout(), () -> cancelled || generation != gen || revisionPending()
                    || (pendingExport != null && exportStatus == ExportStatus.RUNNING));
            if (!woke) {
                log.info("clip run {} closed after {} without commands", input.clipId(), settings.idleTimeout());
                return;
            }
        }
    }

    /**
     * Waits, as {@code queued}, until the organisation has a concurrent-run slot for this run. False when the run
     * was cancelled while it waited.
     */
    private boolean acquireSlot() {
        if (!slotsEnabled || holdingSlot) {
            return true;
        }
        String organisation = input.organisationId() == null ? DEFAULT_ORGANISATION : input.organisationId();
        Duration wait = FIRST_SLOT_WAIT;
        while (!slots.tryAcquireSlot(organisation, input.clipId())) {
            if (!queued) {
                queued = true;
                publish();
            }
            Workflow.await(wait, () -> cancelled);
            if (cancelled) {
                queued = false;
                return false;
            }
            wait = wait.multipliedBy(2).compareTo(MAX_SLOT_WAIT) > 0 ? MAX_SLOT_WAIT : wait.multipliedBy(2);
        }
        holdingSlot = true;
        queued = false;
        return true;
    }

    /** Gives the slot back while the run rests (ready, blocked, waiting for commands) and when it ends. */
    private void releaseSlot() {
        if (holdingSlot) {
            slots.releaseSlot(input.clipId());
            holdingSlot = false;
        }
    }

    private boolean revisionPending() {
        return source != null && source.hasAudio() && revisedVersion > source.analysisVersion();
    }

    /**
     * Takes the corrected transcript for what comes next (captions on reselect or repair). If it cannot be
     * read, the run keeps the one it has: a correction must not fail a run.
     */
    private void adoptRevision() {
        int version = revisedVersion;
        try {
            transcript = transcriber.transcribe(new TranscribeActivities.Request(input.assetId(), version));
            source = source.withAnalysisVersion(version);
        } catch (ActivityFailure e) {
            log.warn("clip run {} could not read transcript version {}: {}", input.clipId(), version, e.getMessage());
            revisedVersion = source.analysisVersion();
        }
        publish();
    }

    @Override
    public void transcriptRevised(int analysisVersion) {
        revisedVersion = Math.max(revisedVersion, analysisVersion);
    }

    /** Nothing left to run for this selection: it is invalid, rejected, or QA has a verdict. */
    private boolean selectionSettled() {
        return invalidReason != null || layout != null && layout.letterboxRejected() || qaStatus.verdict();
    }

    private void runPipeline(int gen) {
        if (analysis == null || !covers(analysis.analysedWindow(), window)) {
            analysisStatus = StageStatus.RUNNING;
            publish();
            ClipWindow range = window.widen(settings.analysisMargin(), canonicalDuration());
            VisualAnalysis result = stage(Stage.ANALYZE, () -> visuals.analyzeVisuals(
                    new VisualActivities.Request(input.assetId(), source.analysisVersion(), range, source)));
            if (result == null || gen != generation) {
                return;
            }
            analysis = result;
        }
        analysisStatus = StageStatus.READY;

        layoutStatus = StageStatus.RUNNING;
        publish();
        LayoutPlan plan = stage(Stage.LAYOUT, () -> layouts.planLayout(new LayoutActivities.Request(input.clipId(),
                input.assetId(), window, source, analysis, spec.layout().layoutMode(), repairMode)));
        if (plan == null || gen != generation) {
            return;
        }
        layout = plan;
        layoutStatus = StageStatus.READY;
        if (plan.letterboxRejected()) {
            publish();
            return;
        }

        if (captionsStatus != StageStatus.NOT_APPLICABLE) {
            captionsStatus = StageStatus.RUNNING;
            publish();
            CaptionTrack track = stage(Stage.CAPTIONS, () -> captioner.buildCaptions(new CaptionActivities.Request(input.clipId(),
                    input.assetId(), transcript, window, spec.captions().styleId(), layout,
                    repairMode == RepairMode.MOVE_CAPTIONS_OFF_FACES)));
            if (track == null || gen != generation) {
                return;
            }
            captions = track;
            captionsStatus = track.status();
        }

        renderStatus = StageStatus.RUNNING;
        publish();
        Rendition rendition = stage(Stage.RENDER, () -> renderer.renderPreview(new RenderActivities.Request(input.clipId(),
                input.assetId(), window, source, layout, captions)));
        if (rendition == null || gen != generation) {
            return;
        }
        preview = rendition;
        renderStatus = StageStatus.READY;

        qaStatus = QaStatus.RUNNING;
        publish();
        QaReport report = stage(Stage.QA, () -> qaChecker.checkQuality(new QaActivities.Request(input.clipId(), input.assetId(),
                window, source, transcript, analysis, layout, captions, preview)));
        if (report == null || gen != generation) {
            return;
        }
        qaReport = report;
        qaStatus = report.outcome();
        publish();
    }

    private void runExport() {
        Quality quality = pendingExport;
        String exportId = ExportIds.of(input.clipId(), window, layout, captions, quality);
        if (exportResult != null && exportResult.exportId().equals(exportId)) {
            pendingExport = null;
            exportStatus = ExportStatus.COMPLETED;
            publish();
            return;
        }
        exportQuality = quality;
        if (exportStatus != ExportStatus.RUNNING) {
            exportStatus = ExportStatus.RUNNING;
            publish();
        }
        int gen = generation;
        ExportResult result = stage(Stage.EXPORT, () -> exporter.exportClip(new ExportActivities.Request(exportId,
                input.clipId(), input.projectId(), input.assetId(), window, source, layout, captions, quality)));
        pendingExport = null;
        if (result == null || gen != generation) {
            if (!cancelled && error == null) {
                exportStatus = ExportStatus.NOT_STARTED;
            }
            return;
        }
        exportResult = result;
        exportStatus = ExportStatus.COMPLETED;
        publish();
    }

    /**
     * Runs one stage call in its own cancellation scope, so a reselect or cancel can stop it. Returns null
     * when the stage was cancelled or failed; a failure is recorded as the run's error.
     */
    private <T> T stage(Stage step, Functions.Func<T> call) {
        Object[] out = new Object[1];
        CancellationScope scope = Workflow.newCancellationScope(() -> {
            out[0] = call.apply();
        });
        activeScope = scope;
        try {
            scope.run();
            @SuppressWarnings("unchecked") T result = (T) out[0];
            return result;
        } catch (ActivityFailure e) {
            if (e.getCause() instanceof CanceledFailure) {
                return null;
            }
            error = RunErrors.fromActivityFailure(step, e);
            markFailed(step);
            return null;
        } catch (CanceledFailure e) {
            return null;
        } finally {
            activeScope = null;
        }
    }

    private void markFailed(Stage step) {
        switch (step) {
            case TRANSCRIBE -> transcriptStatus = StageStatus.FAILED;
            case SUGGEST -> suggestionsStatus = StageStatus.FAILED;
            case ANALYZE -> analysisStatus = StageStatus.FAILED;
            case LAYOUT -> layoutStatus = StageStatus.FAILED;
            case CAPTIONS -> captionsStatus = StageStatus.FAILED;
            case RENDER -> renderStatus = StageStatus.FAILED;
            case QA -> qaStatus = QaStatus.PENDING;
            case EXPORT -> exportStatus = ExportStatus.FAILED;
            default -> {
            }
        }
    }

    /** Makes {@code next} the current selection; every stage after analysis starts over. */
    private void applySelection(ClipRunSpec.Selection next, boolean keepRepairPasses) {
        selection = next;
        SelectionRules.Outcome outcome = SelectionRules.resolve(next, suggestions, canonicalDuration(), spec.target());
        if (outcome instanceof SelectionRules.Resolved r) {
            window = r.window();
            selectedSuggestionId = r.suggestionId();
            invalidReason = null;
        } else {
            window = null;
            selectedSuggestionId = null;
            invalidReason = ((SelectionRules.Invalid) outcome).reason();
        }
        if (!keepRepairPasses) {
            repairPassesUsed = 0;
            repairMode = null;
        }
        if (exportStatus != ExportStatus.RUNNING) {
            exportStatus = ExportStatus.NOT_STARTED;
            exportResult = null;
        }
        restartFromLayout();
    }

    private void restartFromLayout() {
        generation++;
        if (window == null) {
            analysisStatus = StageStatus.PENDING;
        } else if (analysis == null || !covers(analysis.analysedWindow(), window)) {
            analysisStatus = StageStatus.PENDING;
        }
        layoutStatus = StageStatus.PENDING;
        layout = null;
        captionsStatus = captionsInitial();
        captions = null;
        renderStatus = StageStatus.PENDING;
        preview = null;
        qaStatus = QaStatus.PENDING;
        qaReport = null;
    }

    private StageStatus captionsInitial() {
        return spec.captions().enabled() ? StageStatus.PENDING : StageStatus.NOT_APPLICABLE;
    }

    private static boolean covers(ClipWindow analysed, ClipWindow wanted) {
        return analysed.startSeconds() <= wanted.startSeconds() + SelectionRules.EPSILON
                && analysed.endSeconds() >= wanted.endSeconds() - SelectionRules.EPSILON;
    }

    private double canonicalDuration() {
        double d = source == null ? 0 : source.durationSeconds();
        if (transcript != null) {
            d = Math.max(d, transcript.endSeconds());
        }
        return Math.max(d, suggestionsEnd);
    }

    // ---- commands -------------------------------------------------------------------------------

    @Override
    public void validateReselect(Commands.Reselect command) {
        requireStarted();
        Decision d = decide();
        if (d.status().terminal() && d.status() != RunStatus.EXPORTED) {
            throw wrongState("the run is " + d.status().wire() + "; create a new clip run");
        }
        if (exportStatus == ExportStatus.RUNNING) {
            throw wrongState("an export is running; wait until it completes, then reselect");
        }
        if (suggestionsStatus != StageStatus.READY) {
            throw wrongState("suggestions are not ready yet; poll until source.suggestions_status is ready, then reselect");
        }
        if (command == null || command.selectionMode() == null) {
            throw unprocessable("selection_mode is required: suggestion (with suggestion_id) or time_range (with start_seconds and end_seconds)");
        }
        if (command.selectionMode() == SelectionMode.SUGGESTION && command.suggestionId() == null) {
            throw unprocessable("selection_mode suggestion needs a suggestion_id from selection.alternatives");
        }
        if (SelectionRules.resolve(command.asSelection(), suggestions, canonicalDuration(), spec.target())
                instanceof SelectionRules.Invalid invalid) {
            throw unprocessable(invalid.reason());
        }
    }

    @Override
    public ClipSnapshot reselect(Commands.Reselect command) {
        applySelection(command.asSelection(), false);
        cancelActiveWork();
        publish();
        return snapshot();
    }

    @Override
    public void validateRepair(Commands.Repair command) {
        requireStarted();
        Decision d = decide();
        if (d.nextAction() != NextAction.REPAIR) {
            throw wrongState("repair is allowed when next_action is repair (QA failed and this selection has a repair pass left);"
                    + " the run is " + d.status().wire() + " with next_action " + d.nextAction().wire());
        }
        if (command == null || command.mode() == null) {
            throw unprocessable("mode is required: auto, prefer_split, prefer_focus or move_captions_off_faces");
        }
    }

    @Override
    public ClipSnapshot repair(Commands.Repair command) {
        repairPassesUsed++;
        repairMode = command.mode();
        restartFromLayout();
        publish();
        return snapshot();
    }

    @Override
    public void validateExport(Commands.Export command) {
        requireStarted();
        Decision d = decide();
        if (d.nextAction() != NextAction.EXPORT && d.status() != RunStatus.EXPORTED) {
            throw wrongState("export is allowed when next_action is export; the run is " + d.status().wire()
                    + " with next_action " + d.nextAction().wire());
        }
        if (command == null || command.quality() == null) {
            throw unprocessable("quality is required: 720p or 1080p");
        }
    }

    @Override
    public ClipSnapshot export(Commands.Export command) {
        String exportId = ExportIds.of(input.clipId(), window, layout, captions, command.quality());
        if (exportResult != null && exportResult.exportId().equals(exportId)) {
            return snapshot();
        }
        pendingExport = command.quality();
        exportQuality = command.quality();
        exportStatus = ExportStatus.RUNNING;
        exportResult = null;
        publish();
        return snapshot();
    }

    @Override
    public void validateCancel() {
        requireStarted();
        RunStatus status = decide().status();
        if (status.terminal()) {
            throw wrongState("the run is already " + status.wire());
        }
    }

    @Override
    public ClipSnapshot cancel() {
        cancelled = true;
        cancelActiveWork();
        publish();
        return snapshot();
    }

    private void cancelActiveWork() {
        if (activeScope != null) {
            activeScope.cancel("superseded by a command");
        }
    }

    private void requireStarted() {
        if (input == null) {
            throw wrongState("the run is starting; retry in a moment");
        }
    }

    private static RuntimeException wrongState(String message) {
        return new Commands.Rejection(Commands.WRONG_STATE, message).toFailure();
    }

    private static RuntimeException unprocessable(String message) {
        return new Commands.Rejection(Commands.UNPROCESSABLE, message).toFailure();
    }

    // ---- snapshot -------------------------------------------------------------------------------

    private Decision decide() {
        return NextActionRules.decide(new RunState(cancelled, error != null, queued, sourceStatus, transcriptStatus,
                suggestionsStatus, invalidReason != null, analysisStatus, layoutStatus,
                layout != null && layout.letterboxRejected(), captionsStatus, renderStatus, qaStatus,
                spec.qa().qaMode(), repairPassesUsed, settings.maxRepairPasses(), exportStatus, qaRepairable()));
    }

    private boolean qaRepairable() {
        return !repairOnlyWhenNamed || qaReport == null || qaReport.issues().stream()
                .anyMatch(i -> i.severity() == Severity.CRITICAL && i.repair() != null);
    }

    private void publish() {
        stateVersion++;
        snapshots.publishSnapshot(snapshot());
    }

    @Override
    public ClipSnapshot snapshot() {
        Decision d = decide();
        Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
        ClipSnapshot.Source sourceView = new ClipSnapshot.Source(spec.source().sourceType(), input.assetId(),
                analysisStatus, source == null ? 1 : source.analysisVersion(), transcriptStatus, suggestionsStatus,
                source == null ? null : canonicalDuration(),
                source == null ? null : source.width(), source == null ? null : source.height(),
                source == null ? null : source.fps(), source == null ? null : source.hasAudio());
        ClipSnapshot.Selection selectionView = new ClipSnapshot.Selection(selection.selectionMode(),
                selectedSuggestionId != null ? selectedSuggestionId : selection.suggestionId(),
                selection.startSeconds(), selection.endSeconds(), suggestions, invalidReason);
        ClipSnapshot.Layout layoutView = new ClipSnapshot.Layout(spec.layout().layoutMode(),
                layout == null ? null : layout.appliedMode(), layout == null ? null : layout.primaryLayout(),
                layout != null && layout.fallbackUsed(), layout == null ? List.of() : layout.warnings(),
                layout == null ? null : layout.objectKey());
        ClipSnapshot.Captions captionsView = new ClipSnapshot.Captions(spec.captions().enabled(),
                spec.captions().styleId(), captionsStatus, true,
                captions == null ? List.of() : captions.warnings(),
                captions == null ? null : captions.srtKey(), captions == null ? null : captions.vttKey());
        ClipSnapshot.Qa qaView = new ClipSnapshot.Qa(spec.qa().qaMode(), qaStatus,
                qaStatus == QaStatus.FAILED && spec.qa().qaMode() == QaMode.REQUIRED,
                qaReport == null ? List.of() : qaReport.issues(),
                preview == null ? null : preview.videoKey(), preview == null ? null : preview.posterKey(),
                qaReport == null ? null : qaReport.visualDebugKey());
        ClipSnapshot.Export exportView = new ClipSnapshot.Export(spec.export().autoExport(), exportStatus, exportQuality,
                exportResult == null ? null : exportResult.exportId(), exportResult == null ? null : exportResult.objectKey(),
                exportResult == null ? null : exportResult.sizeBytes());
        return new ClipSnapshot(input.clipId(), input.projectId(), d.status(), d.nextAction(), d.blockingReason(),
                new ClipSnapshot.Progress(d.stage(), Progress.percent(d)), error, sourceView, selectionView, window,
                spec.target(), layoutView, captionsView, qaView,
                new ClipSnapshot.Repair(repairPassesUsed, settings.maxRepairPasses(), repairMode), exportView,
                input.createdAt(), now, stateVersion);
    }
}
