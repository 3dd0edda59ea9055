package dev.clipforge.workflows.run;

import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.stages.SourceActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipRunWorkflowTest {
    private static final String CLIP = "clp_test";

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private final Doubles.Sources sources = new Doubles.Sources();
    private final Doubles.Snapshots snapshots = new Doubles.Snapshots();
    private final Doubles.Slots slots = new Doubles.Slots();
    private final Doubles.Gpu gpu = new Doubles.Gpu();
    private final Doubles.Cpu cpu = new Doubles.Cpu();
    private String testName;

    @BeforeEach
    void start(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
        env = TestWorkflowEnvironment.newInstance();
        Worker cpuWorker = env.newWorker(TaskQueues.CPU);
        cpuWorker.registerWorkflowImplementationTypes(ClipRunWorkflowImpl.class);
        cpuWorker.registerActivitiesImplementations(sources, snapshots, slots);
        cpuWorker.registerActivitiesImplementations(cpu);
        env.newWorker(TaskQueues.GPU).registerActivitiesImplementations(gpu);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stop() throws IOException {
        String dir = System.getProperty("clipforge.recordHistories");
        if (dir != null && RECORDED.contains(testName)) {
            String json = client.fetchHistory(CLIP).toJson(true);
            Files.writeString(Path.of(dir).resolve(testName + ".json"), json);
        }
        env.close();
    }

    /** Tests whose histories are checked in and replayed by {@link ClipRunReplayTest}. */
    static final List<String> RECORDED = List.of("happyPathExportsWhenAsked", "repairThenReselect",
            "reselectDuringRenderCancelsItAndRendersTheNewWindow", "autoExportExportsWithoutACommand",
            "aRunQueuesUntilItsOrganisationHasAFreeSlot");

    private static ClipRunSpec spec(ClipRunSpec.Selection selection, QaMode qaMode, boolean autoExport) {
        return new ClipRunSpec(new ClipRunSpec.Source(SourceType.ASSET, "ast_1", null, null), selection,
                new ClipRunSpec.Target("9:16", 75, 15), new ClipRunSpec.Layout(LayoutMode.AUTO),
                new ClipRunSpec.Captions(true, "documentary"), new ClipRunSpec.Qa(qaMode),
                new ClipRunSpec.Export(autoExport, Quality.P1080));
    }

    private ClipRunWorkflow startRun(ClipRunSpec spec) {
        return startRun(spec, RunSettings.defaults());
    }

    private ClipRunWorkflow startRun(ClipRunSpec spec, RunSettings settings) {
        ClipRunWorkflow run = client.newWorkflowStub(ClipRunWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(CLIP).setTaskQueue(TaskQueues.CPU).build());
        WorkflowClient.start(run::run, new ClipRunInput(CLIP, "prj_1", "ast_1", spec, settings,
                Instant.parse("2026-01-01T00:00:00Z"), null, "org_test"));
        return run;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("condition within 20 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static ClipRunSpec defaults() {
        return spec(ClipRunSpec.Selection.autoBest(), QaMode.REQUIRED, false);
    }

    private static void assertRejected(Runnable command, String type, String messagePart) {
        assertThatThrownBy(command::run)
                .isInstanceOf(WorkflowUpdateException.class)
                .cause().isInstanceOf(ApplicationFailure.class)
                .satisfies(e -> {
                    Commands.Rejection rejection = Commands.Rejection.of((ApplicationFailure) e).orElseThrow();
                    assertThat(rejection.code()).isEqualTo(type);
                    assertThat(rejection.message()).contains(messagePart);
                });
    }

    @Test
    void happyPathExportsWhenAsked() {
        ClipRunWorkflow run = startRun(defaults());
        ClipSnapshot ready = snapshots.awaitStatus(RunStatus.READY);

        assertThat(ready.nextAction()).isEqualTo(NextAction.EXPORT);
        assertThat(ready.clipWindow()).isEqualTo(new ClipWindow(45.1, 118.3));
        assertThat(ready.selection().suggestionId()).isEqualTo("sug_a");
        assertThat(ready.selection().alternatives()).hasSize(3);
        assertThat(ready.source().canonicalDurationSeconds()).isEqualTo(300.0);
        assertThat(ready.qa().status()).isEqualTo(QaStatus.PASSED);
        assertThat(ready.qa().previewVideoKey()).isEqualTo("preview/45.1.mp4");

        ClipSnapshot exporting = run.export(new Commands.Export(Quality.P720));
        assertThat(exporting.status()).isEqualTo(RunStatus.EXPORTING);
        ClipSnapshot exported = snapshots.awaitStatus(RunStatus.EXPORTED);
        assertThat(exported.nextAction()).isEqualTo(NextAction.STOP);
        assertThat(exported.export().exportId()).startsWith("exp_");
        assertThat(exported.export().quality()).isEqualTo(Quality.P720);
        assertThat(cpu.exportCalls).hasSize(1);

        // the path went through every stage in order, each transition published with its own, higher version;
        // handlers and the main loop publish concurrently, so arrival order may differ from version order
        List<ClipSnapshot> byVersion = snapshots.published.stream()
                .sorted(java.util.Comparator.comparingLong(ClipSnapshot::stateVersion)).toList();
        List<RunStatus> statuses = byVersion.stream().map(ClipSnapshot::status).distinct().toList();
        assertThat(statuses).containsSubsequence(RunStatus.INGESTING, RunStatus.TRANSCRIBING, RunStatus.SUGGESTING,
                RunStatus.ANALYZING, RunStatus.LAYOUT, RunStatus.CAPTIONING, RunStatus.RENDERING, RunStatus.QA,
                RunStatus.READY, RunStatus.EXPORTING, RunStatus.EXPORTED);
        assertThat(byVersion).extracting(ClipSnapshot::stateVersion).doesNotHaveDuplicates();

        // exporting the same thing again names the same export and runs nothing
        ClipSnapshot again = run.export(new Commands.Export(Quality.P720));
        assertThat(again.export().exportId()).isEqualTo(exported.export().exportId());
        assertThat(cpu.exportCalls).hasSize(1);
    }

    @Test
    void aRunQueuesUntilItsOrganisationHasAFreeSlot() {
        slots.capacity = 0;
        ClipRunWorkflow run = startRun(spec(ClipRunSpec.Selection.autoBest(), QaMode.REQUIRED, true));
        ClipSnapshot queued = snapshots.awaitStatus(RunStatus.QUEUED);
        assertThat(queued.nextAction()).isEqualTo(NextAction.POLL);
        assertThat(queued.blockingReason()).isEqualTo(BlockingReason.RUN_LIMIT_REACHED);
        assertThat(gpu.transcribeCalls).hasValue(0);

        slots.capacity = 1;
        ClipSnapshot exported = snapshots.awaitStatus(RunStatus.EXPORTED);
        assertThat(exported.export().exportId()).startsWith("exp_");
        // an auto-export goes on from QA without resting, so the run keeps its one slot until it ends
        assertThat(slots.acquired).containsExactly("org_test/" + CLIP);
        awaitTrue(() -> !slots.released.isEmpty());
        assertThat(slots.released).containsExactly(CLIP);
        assertThat(slots.holders).isEmpty();
        assertThat(run.snapshot().status()).isEqualTo(RunStatus.EXPORTED);
    }

    @Test
    void criticalFindingsThatNoRepairAddressesAskForAReselect() {
        cpu.unrepairableFindings = true;
        cpu.qaVerdicts.add(QaStatus.FAILED);
        ClipRunWorkflow run = startRun(defaults());
        ClipSnapshot blocked = snapshots.awaitStatus(RunStatus.BLOCKED);
        assertThat(blocked.nextAction()).isEqualTo(NextAction.RESELECT);
        assertThat(blocked.blockingReason()).isEqualTo(BlockingReason.VISUAL_QA_FAILED);
        assertThat(blocked.repair().passesUsed()).isZero();
        assertRejected(() -> run.repair(new Commands.Repair(RepairMode.AUTO)), Commands.WRONG_STATE,
                "repair is allowed when next_action is repair");
        ClipSnapshot reselected = run.reselect(new Commands.Reselect(SelectionMode.SUGGESTION, "sug_b", null, null));
        assertThat(reselected.selection().suggestionId()).isEqualTo("sug_b");
        assertThat(snapshots.awaitStatus(RunStatus.READY).selection().suggestionId()).isEqualTo("sug_b");
    }

    @Test
    void aRunRestingForCommandsHoldsNoSlot() {
        slots.capacity = 1;
        ClipRunWorkflow run = startRun(defaults());
        snapshots.awaitStatus(RunStatus.READY);
        awaitTrue(() -> !slots.released.isEmpty());
        assertThat(slots.released).containsExactly(CLIP);
        assertThat(slots.holders).isEmpty();

        slots.capacity = 0;
        run.export(new Commands.Export(Quality.P720));
        ClipSnapshot queued = snapshots.await(s -> s.status() == RunStatus.QUEUED && s.export().status() == ExportStatus.RUNNING);
        assertThat(queued.blockingReason()).isEqualTo(BlockingReason.RUN_LIMIT_REACHED);
        assertThat(cpu.exportCalls).isEmpty();
        slots.capacity = 1;
        snapshots.awaitStatus(RunStatus.EXPORTED);
        assertThat(cpu.exportCalls).hasSize(1);
    }

    @Test
    void aQueuedRunCanBeCancelled() {
        slots.capacity = 0;
        ClipRunWorkflow run = startRun(defaults());
        snapshots.awaitStatus(RunStatus.QUEUED);
        ClipSnapshot cancelled = run.cancel();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        snapshots.await(s -> s.status() == RunStatus.CANCELLED && s.stateVersion() > cancelled.stateVersion());
        assertThat(slots.acquired).isEmpty();
        assertThat(gpu.transcribeCalls).hasValue(0);
    }

    @Test
    void exportBeforeReadyIsRejectedAndLeavesHistoryUntouched() {
        cpu.blockFirstRender = new CountDownLatch(1);
        ClipRunWorkflow run = startRun(defaults());
        awaitLatch(cpu.firstRenderStarted);
        int eventsBefore = historyLength();

        assertRejected(() -> run.export(new Commands.Export(Quality.P1080)), Commands.WRONG_STATE,
                "export is allowed when next_action is export");
        assertRejected(() -> run.repair(new Commands.Repair(RepairMode.AUTO)), Commands.WRONG_STATE,
                "repair is allowed when next_action is repair");

        assertThat(historyLength()).isEqualTo(eventsBefore);
        cpu.blockFirstRender.countDown();
        snapshots.awaitStatus(RunStatus.READY);
    }

    @Test
    void impossibleReselectsAreUnprocessable() {
        ClipRunWorkflow run = startRun(defaults());
        snapshots.awaitStatus(RunStatus.READY);
        int eventsBefore = historyLength();

        assertRejected(() -> run.reselect(range(50, 40)), Commands.UNPROCESSABLE, "must be after start_seconds");
        assertRejected(() -> run.reselect(range(290, 320)), Commands.UNPROCESSABLE, "beyond the end of the source");
        assertRejected(() -> run.reselect(range(10, 20)), Commands.UNPROCESSABLE, "shorter than min_duration_seconds");
        assertRejected(() -> run.reselect(range(10, 100)), Commands.UNPROCESSABLE, "longer than max_duration_seconds");
        assertRejected(() -> run.reselect(new Commands.Reselect(SelectionMode.SUGGESTION, "sug_nope", null, null)),
                Commands.UNPROCESSABLE, "is not one of this source's suggestions");
        assertRejected(() -> run.reselect(new Commands.Reselect(null, null, null, null)), Commands.UNPROCESSABLE,
                "selection_mode is required");

        assertThat(historyLength()).isEqualTo(eventsBefore);
        assertThat(snapshots.latest().status()).isEqualTo(RunStatus.READY);
    }

    @Test
    void invalidSelectionAtCreationBlocksUntilReselect() {
        ClipRunWorkflow run = startRun(spec(new ClipRunSpec.Selection(SelectionMode.TIME_RANGE, null, 280.0, 330.0),
                QaMode.REQUIRED, false));
        ClipSnapshot blocked = snapshots.awaitStatus(RunStatus.BLOCKED);
        assertThat(blocked.nextAction()).isEqualTo(NextAction.RESELECT);
        assertThat(blocked.blockingReason()).isEqualTo(BlockingReason.INVALID_SELECTION);
        assertThat(blocked.selection().invalidReason()).contains("beyond the end of the source");
        assertThat(cpu.layoutCalls).isEmpty();

        ClipSnapshot reselected = run.reselect(new Commands.Reselect(SelectionMode.SUGGESTION, "sug_b", null, null));
        assertThat(reselected.clipWindow()).isEqualTo(new ClipWindow(130, 190));
        assertThat(snapshots.awaitStatus(RunStatus.READY).clipWindow()).isEqualTo(new ClipWindow(130, 190));
    }

    @Test
    void letterboxRejectionBlocksWithReselect() {
        cpu.rejectLetterbox = true;
        startRun(defaults());
        ClipSnapshot blocked = snapshots.awaitStatus(RunStatus.BLOCKED);
        assertThat(blocked.nextAction()).isEqualTo(NextAction.RESELECT);
        assertThat(blocked.blockingReason()).isEqualTo(BlockingReason.LETTERBOX_REJECTED);
        assertThat(blocked.layout().fallbackUsed()).isTrue();
        assertThat(cpu.renderCalls).isEmpty();
    }

    @Test
    void repairThenReselect() {
        cpu.qaVerdicts(QaStatus.FAILED, QaStatus.FAILED);
        ClipRunWorkflow run = startRun(defaults());

        ClipSnapshot first = snapshots.await(s -> s.status() == RunStatus.BLOCKED);
        assertThat(first.nextAction()).isEqualTo(NextAction.REPAIR);
        assertThat(first.blockingReason()).isEqualTo(BlockingReason.VISUAL_QA_FAILED);
        assertThat(first.qa().blocking()).isTrue();
        assertThat(first.qa().issues()).extracting(i -> i.repair()).containsExactly(RepairMode.MOVE_CAPTIONS_OFF_FACES);

        ClipSnapshot repairing = run.repair(new Commands.Repair(RepairMode.PREFER_SPLIT));
        assertThat(repairing.repair().passesUsed()).isEqualTo(1);
        ClipSnapshot second = snapshots.await(s -> s.status() == RunStatus.BLOCKED && s.repair().passesUsed() == 1
                && s.qa().status() == QaStatus.FAILED);
        assertThat(second.nextAction()).isEqualTo(NextAction.RESELECT);
        assertThat(cpu.layoutCalls).extracting(LayoutRequestView::repair).containsExactly(null, RepairMode.PREFER_SPLIT);
        assertRejected(() -> run.repair(new Commands.Repair(RepairMode.AUTO)), Commands.WRONG_STATE,
                "next_action reselect");

        ClipSnapshot reselected = run.reselect(range(200, 260));
        assertThat(reselected.repair().passesUsed()).isZero();
        ClipSnapshot ready = snapshots.await(s -> s.status() == RunStatus.READY);
        assertThat(ready.clipWindow()).isEqualTo(new ClipWindow(200, 260));
        // transcript and suggestions are per source: a reselect never recomputes them
        assertThat(gpu.transcribeCalls).hasValue(1);
    }

    /** Lets AssertJ extract the repair mode from a recorded layout request. */
    interface LayoutRequestView {
        static RepairMode repair(dev.clipforge.workflows.stages.LayoutActivities.Request r) {
            return r.repair();
        }
    }

    @Test
    void reselectDuringRenderCancelsItAndRendersTheNewWindow() {
        cpu.blockFirstRender = new CountDownLatch(1);
        ClipRunWorkflow run = startRun(defaults());
        awaitLatch(cpu.firstRenderStarted);

        ClipSnapshot reselected = run.reselect(new Commands.Reselect(SelectionMode.SUGGESTION, "sug_c", null, null));
        assertThat(reselected.clipWindow()).isEqualTo(new ClipWindow(200, 260));

        ClipSnapshot ready = snapshots.await(s -> s.status() == RunStatus.READY);
        assertThat(ready.clipWindow()).isEqualTo(new ClipWindow(200, 260));
        assertThat(ready.qa().previewVideoKey()).isEqualTo("preview/200.0.mp4");
        assertThat(cpu.renderCalls).extracting(r -> r.window().startSeconds()).containsExactly(45.1, 200.0);
        assertThat(client.fetchHistory(CLIP).getEvents()).anyMatch(e -> e.getEventType()
                == io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
        assertThat(gpu.transcribeCalls).hasValue(1);
        cpu.blockFirstRender.countDown();
    }

    @Test
    void aCorrectedTranscriptShowsAtOnceAndCaptionsFromItOnTheNextReselect() {
        ClipRunWorkflow run = startRun(defaults());
        snapshots.awaitStatus(RunStatus.READY);
        int captioned = cpu.captionCalls.size();
        assertThat(cpu.captionCalls.get(captioned - 1).transcript().analysisVersion()).isEqualTo(1);

        run.transcriptRevised(2);
        ClipSnapshot shown = snapshots.await(s -> s.source().analysisVersion() == 2);
        assertThat(shown.status()).isEqualTo(RunStatus.READY);
        assertThat(shown.nextAction()).isEqualTo(NextAction.EXPORT);
        assertThat(cpu.captionCalls).as("nothing re-rendered by the correction alone").hasSize(captioned);

        run.reselect(new Commands.Reselect(SelectionMode.SUGGESTION, "sug_c", null, null));
        ClipSnapshot ready = snapshots.await(s -> s.status() == RunStatus.READY && s.clipWindow().startSeconds() == 200);
        assertThat(ready.source().analysisVersion()).isEqualTo(2);
        assertThat(cpu.captionCalls.get(cpu.captionCalls.size() - 1).transcript().analysisVersion()).isEqualTo(2);
        assertThat(gpu.transcribeCalls).as("the first transcription, then reading the corrected one").hasValue(2);

        // an older or repeated version changes nothing
        run.transcriptRevised(1);
        run.transcriptRevised(2);
        assertThat(run.snapshot().source().analysisVersion()).isEqualTo(2);
    }

    @Test
    void cancelStopsTheRun() {
        cpu.blockFirstRender = new CountDownLatch(1);
        ClipRunWorkflow run = startRun(defaults());
        awaitLatch(cpu.firstRenderStarted);

        ClipSnapshot cancelled = run.cancel();
        assertThat(cancelled.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.nextAction()).isEqualTo(NextAction.STOP);
        ClipSnapshot result = WorkflowStub.fromTyped(run).getResult(ClipSnapshot.class);
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(client.fetchHistory(CLIP).getEvents()).anyMatch(e -> e.getEventType()
                == io.temporal.api.enums.v1.EventType.EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED);
        cpu.blockFirstRender.countDown();
    }

    @Test
    void retryableFailureIsRetriedThenSucceeds() {
        gpu.transcribeFailuresBeforeSuccess = 2;
        startRun(defaults());
        snapshots.awaitStatus(RunStatus.READY);
        assertThat(gpu.transcribeCalls).hasValue(3);
    }

    @Test
    void nonRetryableFailureFailsTheRunWithAStructuredError() {
        cpu.suggestFailure = Doubles.nonRetryable("unsupported_media");
        ClipRunWorkflow run = startRun(defaults());
        ClipSnapshot result = WorkflowStub.fromTyped(run).getResult(ClipSnapshot.class);

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.nextAction()).isEqualTo(NextAction.STOP);
        RunError error = result.error();
        assertThat(error.step()).isEqualTo(Stage.SUGGEST);
        assertThat(error.code()).isEqualTo("unsupported_media");
        assertThat(error.message()).isEqualTo("the file is not a video");
        assertThat(error.whyFailed()).isEqualTo("no decoder accepts its bytes");
        assertThat(error.howToFix()).isEqualTo("upload an MP4, MOV, MKV or WebM file");
        assertThat(error.retryable()).isFalse();
        assertThat(result.source().suggestionsStatus()).isEqualTo(StageStatus.FAILED);
    }

    @Test
    void sourceNeverUploadedFailsAfterTheConfiguredWait() {
        sources.status = new SourceActivities.SourceStatus(SourceActivities.State.AWAITING_UPLOAD, null, null);
        RunSettings settings = new RunSettings(Duration.ofMinutes(30), Duration.ofSeconds(1), 1, 5, 2, Duration.ofDays(7));
        ClipRunWorkflow run = startRun(defaults(), settings);

        ClipSnapshot waiting = snapshots.awaitStatus(RunStatus.INGESTING);
        assertThat(waiting.blockingReason()).isEqualTo(BlockingReason.SOURCE_NOT_READY);
        assertThat(waiting.nextAction()).isEqualTo(NextAction.POLL);

        long startedAt = env.currentTimeMillis();
        ClipSnapshot result = WorkflowStub.fromTyped(run).getResult(ClipSnapshot.class);
        assertThat(env.currentTimeMillis() - startedAt).isGreaterThanOrEqualTo(Duration.ofMinutes(30).toMillis() - 2000);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error().code()).isEqualTo(FailureCodes.SOURCE_WAIT_TIMEOUT);
        assertThat(result.error().step()).isEqualTo(Stage.INGEST);
        assertThat(result.error().howToFix()).contains("upload_url");
        assertThat(gpu.transcribeCalls).hasValue(0);
    }

    @Test
    void sourceUploadedLateIsPickedUp() {
        sources.status = new SourceActivities.SourceStatus(SourceActivities.State.AWAITING_UPLOAD, null, null);
        startRun(defaults());
        snapshots.awaitStatus(RunStatus.INGESTING);
        sources.status = Doubles.Sources.ready();
        assertThat(snapshots.awaitStatus(RunStatus.READY).source().transcriptStatus()).isEqualTo(StageStatus.READY);
    }

    @Test
    void autoExportExportsWithoutACommand() {
        startRun(spec(ClipRunSpec.Selection.autoBest(), QaMode.REQUIRED, true));
        ClipSnapshot exported = snapshots.awaitStatus(RunStatus.EXPORTED);
        assertThat(exported.export().autoExport()).isTrue();
        assertThat(exported.export().quality()).isEqualTo(Quality.P1080);
        assertThat(cpu.exportCalls).hasSize(1);
    }

    @Test
    void permissiveQaAllowsExportWithFindings() {
        cpu.qaVerdicts(QaStatus.FAILED);
        startRun(spec(ClipRunSpec.Selection.autoBest(), QaMode.PERMISSIVE, false));
        ClipSnapshot ready = snapshots.awaitStatus(RunStatus.READY);
        assertThat(ready.qa().status()).isEqualTo(QaStatus.FAILED);
        assertThat(ready.qa().blocking()).isFalse();
        assertThat(ready.nextAction()).isEqualTo(NextAction.EXPORT);
    }

    @Test
    void sourceWithoutAudioSkipsTranscription() {
        sources.status = new SourceActivities.SourceStatus(SourceActivities.State.READY,
                new dev.clipforge.workflows.stages.SourceInfo("ast_1", 120, 1280, 720, 25, true, false, 1), null);
        startRun(defaults());
        ClipSnapshot ready = snapshots.awaitStatus(RunStatus.READY);
        assertThat(ready.source().transcriptStatus()).isEqualTo(StageStatus.NOT_APPLICABLE);
        assertThat(gpu.transcribeCalls).hasValue(0);
    }

    @Test
    void failedSourceFailsTheRunWithItsError() {
        RunError ingestError = new RunError(Stage.INGEST, "no_video_stream", "the file has no video stream",
                "only an audio stream was found", "upload a file with a video track", false);
        sources.status = new SourceActivities.SourceStatus(SourceActivities.State.FAILED, null, ingestError);
        ClipRunWorkflow run = startRun(defaults());
        ClipSnapshot result = WorkflowStub.fromTyped(run).getResult(ClipSnapshot.class);
        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error()).isEqualTo(ingestError);
    }

    private static Commands.Reselect range(double start, double end) {
        return new Commands.Reselect(SelectionMode.TIME_RANGE, null, start, end);
    }

    /**
     * Events a command leaves behind. Workflow-task events are left out: a real Temporal server drops the
     * speculative task of a rejected update, the test server records it.
     */
    private int historyLength() {
        int last = -1;
        while (true) {
            int now = (int) client.fetchHistory(CLIP).getEvents().stream()
                    .filter(e -> !e.getEventType().name().startsWith("EVENT_TYPE_WORKFLOW_TASK_"))
                    .count();
            if (now == last) {
                return now;
            }
            last = now;
            // a local activity's marker lands when its workflow task completes, just after the double saw it
            Doubles.sleep(300);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).as("latch released").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            Doubles.sleep(20);
        }
    }
}
