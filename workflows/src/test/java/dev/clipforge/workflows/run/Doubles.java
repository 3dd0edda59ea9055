package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.CaptionActivities;
import dev.clipforge.workflows.stages.CaptionTrack;
import dev.clipforge.workflows.stages.ExportActivities;
import dev.clipforge.workflows.stages.ExportResult;
import dev.clipforge.workflows.stages.LayoutActivities;
import dev.clipforge.workflows.stages.LayoutPlan;
import dev.clipforge.workflows.stages.QaActivities;
import dev.clipforge.workflows.stages.QaIssue;
import dev.clipforge.workflows.stages.QaReport;
import dev.clipforge.workflows.stages.RenderActivities;
import dev.clipforge.workflows.stages.Rendition;
import dev.clipforge.workflows.stages.RunSlotActivities;
import dev.clipforge.workflows.stages.SnapshotActivities;
import dev.clipforge.workflows.stages.SourceActivities;
import dev.clipforge.workflows.stages.SourceInfo;
import dev.clipforge.workflows.stages.StageFailures;
import dev.clipforge.workflows.stages.SuggestActivities;
import dev.clipforge.workflows.stages.Suggestion;
import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.stages.TranscriptRef;
import dev.clipforge.workflows.stages.VisualActivities;
import dev.clipforge.workflows.stages.VisualAnalysis;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** Activity doubles for workflow tests: each records its calls and does what the test told it to. */
final class Doubles {
    static final double SOURCE_SECONDS = 300;

    private Doubles() {
    }

    static final class Sources implements SourceActivities {
        volatile SourceStatus status = ready();

        static SourceStatus ready() {
            return new SourceStatus(State.READY, new SourceInfo("ast_1", SOURCE_SECONDS, 1920, 1080, 30, true, true, 1), null);
        }

        @Override
        public SourceStatus sourceStatus(String assetId) {
            return status;
        }

        @Override
        public boolean advanceAnalysisVersion(String assetId, int from, int to) {
            SourceInfo info = status.info();
            if (info == null || info.analysisVersion() != from) {
                return false;
            }
            status = new SourceStatus(status.state(), info.withAnalysisVersion(to), null);
            return true;
        }
    }

    /** Concurrent-run slots with a capacity the test sets; records who took and gave back a slot. */
    static final class Slots implements RunSlotActivities {
        volatile int capacity = Integer.MAX_VALUE;
        final java.util.Set<String> holders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<String> acquired = new CopyOnWriteArrayList<>();
        final List<String> released = new CopyOnWriteArrayList<>();

        @Override
        public synchronized boolean tryAcquireSlot(String organisationId, String clipId) {
            if (holders.contains(clipId)) {
                return true;
            }
            if (holders.size() >= capacity) {
                return false;
            }
            holders.add(clipId);
            acquired.add(organisationId + "/" + clipId);
            return true;
        }

        @Override
        public synchronized void releaseSlot(String clipId) {
            if (holders.remove(clipId)) {
                released.add(clipId);
            }
        }
    }

    static final class Snapshots implements SnapshotActivities {
        final List<ClipSnapshot> published = new CopyOnWriteArrayList<>();

        @Override
        public void publishSnapshot(ClipSnapshot snapshot) {
            published.add(snapshot);
        }

        ClipSnapshot latest() {
            return published.isEmpty() ? null : published.get(published.size() - 1);
        }

        ClipSnapshot await(Predicate<ClipSnapshot> condition) {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                for (ClipSnapshot s : published) {
                    if (condition.test(s)) {
                        return s;
                    }
                }
                sleep(10);
            }
            throw new AssertionError("no snapshot matched; latest: " + latest());
        }

        ClipSnapshot awaitStatus(RunStatus status) {
            return await(s -> s.status() == status);
        }
    }

    static final class Gpu implements TranscribeActivities, VisualActivities {
        final AtomicInteger transcribeCalls = new AtomicInteger();
        final AtomicInteger analyzeCalls = new AtomicInteger();
        volatile int transcribeFailuresBeforeSuccess;

        @Override
        public TranscriptRef transcribe(TranscribeActivities.Request request) {
            if (transcribeCalls.incrementAndGet() <= transcribeFailuresBeforeSuccess) {
                throw ApplicationFailure.newFailure("transcriber briefly unavailable", "provider_unavailable");
            }
            return new TranscriptRef(request.assetId(), request.analysisVersion(), StageStatus.READY,
                    "assets/" + request.assetId() + "/transcript-v" + request.analysisVersion() + ".json", 298, 700, "en",
                    "double");
        }

        @Override
        public TranscriptRef revise(Revision revision) {
            return transcribe(new TranscribeActivities.Request(revision.assetId(), revision.toVersion()));
        }

        @Override
        public VisualAnalysis analyzeVisuals(VisualActivities.Request request) {
            analyzeCalls.incrementAndGet();
            return new VisualAnalysis("analysis/" + request.window().startSeconds(), request.window(), 2, 0.9, true);
        }
    }

    static final class Cpu implements SuggestActivities, LayoutActivities, CaptionActivities, RenderActivities, QaActivities,
            ExportActivities {
        final List<LayoutActivities.Request> layoutCalls = new CopyOnWriteArrayList<>();
        final List<CaptionActivities.Request> captionCalls = new CopyOnWriteArrayList<>();
        final List<RenderActivities.Request> renderCalls = new CopyOnWriteArrayList<>();
        final List<ExportActivities.Request> exportCalls = new CopyOnWriteArrayList<>();
        final Deque<QaStatus> qaVerdicts = new ArrayDeque<>();
        volatile boolean rejectLetterbox;
        volatile ApplicationFailure suggestFailure;
        /** When set, the first render waits here, heartbeating, until cancelled. */
        volatile CountDownLatch blockFirstRender;
        final CountDownLatch firstRenderStarted = new CountDownLatch(1);

        @Override
        public SuggestionSet suggestMoments(SuggestActivities.Request request) {
            if (suggestFailure != null) {
                throw suggestFailure;
            }
            List<Suggestion> list = List.of(
                    suggestion("sug_a", 1, 45.1, 118.3, 0.92),
                    suggestion("sug_b", 2, 130.0, 190.0, 0.85),
                    suggestion("sug_c", 3, 200.0, 260.0, 0.78));
            return new SuggestionSet(list, 260.0);
        }

        private static Suggestion suggestion(String id, int rank, double start, double end, double score) {
            return new Suggestion(id, rank, "Title " + rank, "Hook " + rank, "reason " + rank, start, end, score,
                    Map.of("hook", score), true);
        }

        @Override
        public LayoutPlan planLayout(LayoutActivities.Request request) {
            layoutCalls.add(request);
            if (rejectLetterbox) {
                return new LayoutPlan("layout/wide", AppliedLayout.WIDE, AppliedLayout.WIDE, true,
                        List.of("no split or focus layout found"), true);
            }
            AppliedLayout applied = request.repair() == RepairMode.PREFER_SPLIT ? AppliedLayout.SPLIT : AppliedLayout.FOCUS;
            return new LayoutPlan("layout/" + request.window().startSeconds() + "/" + request.repair(), applied, applied,
                    false, List.of(), false);
        }

        @Override
        public CaptionTrack buildCaptions(CaptionActivities.Request request) {
            captionCalls.add(request);
            return new CaptionTrack(StageStatus.READY, "captions/" + request.window().startSeconds(), "c.srt", "c.vtt", 12, List.of());
        }

        @Override
        public Rendition renderPreview(RenderActivities.Request request) {
            renderCalls.add(request);
            CountDownLatch block = blockFirstRender;
            if (block != null && renderCalls.size() == 1) {
                firstRenderStarted.countDown();
                while (block.getCount() > 0) {
                    Activity.getExecutionContext().heartbeat(null);
                    sleep(20);
                }
            }
            return new Rendition("preview/" + request.window().startSeconds() + ".mp4", "poster.jpg",
                    request.window().durationSeconds(), 540, 960);
        }

        /** QA's critical findings name no repair, as black frames in the source do. */
        volatile boolean unrepairableFindings;

        @Override
        public QaReport checkQuality(QaActivities.Request request) {
            QaStatus verdict;
            synchronized (qaVerdicts) {
                verdict = qaVerdicts.isEmpty() ? QaStatus.PASSED : qaVerdicts.poll();
            }
            List<QaIssue> issues = verdict != QaStatus.FAILED ? List.of() : unrepairableFindings
                    ? List.of(new QaIssue("black_frames", dev.clipforge.workflows.run.Severity.CRITICAL,
                    "the picture is black for 4 s", 1.0, 4.0, 2.0, null))
                    : List.of(new QaIssue("caption_on_face", dev.clipforge.workflows.run.Severity.CRITICAL,
                    "captions cover a face", 3.0, 0.4, 0.0, RepairMode.MOVE_CAPTIONS_OFF_FACES));
            return new QaReport(verdict, issues, "debug.png");
        }

        @Override
        public ExportResult exportClip(ExportActivities.Request request) {
            exportCalls.add(request);
            return new ExportResult(request.exportId(), "exports/" + request.exportId() + ".mp4", request.quality(),
                    1234, request.window().durationSeconds());
        }

        void qaVerdicts(QaStatus... verdicts) {
            synchronized (qaVerdicts) {
                Collections.addAll(qaVerdicts, verdicts);
            }
        }
    }

    static ApplicationFailure nonRetryable(String code) {
        return StageFailures.nonRetryable(code, "the file is not a video", "no decoder accepts its bytes",
                "upload an MP4, MOV, MKV or WebM file");
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static <T> List<T> copy(List<T> list) {
        return new ArrayList<>(list);
    }
}
