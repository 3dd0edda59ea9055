package dev.clipforge.api.analysis;

import dev.clipforge.api.assets.AssetService;
import dev.clipforge.api.assets.AssetView;
import dev.clipforge.api.clips.ClipRepository;
import dev.clipforge.api.clips.RunSettingsFactory;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.TaskQueues;
import dev.clipforge.workflows.run.ClipRunWorkflow;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.transcript.TranscriptRevisionWorkflow;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Corrections of an asset's transcript: checked here, re-aligned on a GPU worker into the next analysis
 * version (with suggestions made again from it), then announced to the asset's live clip runs.
 */
@Service
public class TranscriptRevisions {
    private static final Logger log = LoggerFactory.getLogger(TranscriptRevisions.class);
    static final int MAX_SEGMENT_CHARS = 2_000;
    static final int MAX_EDITS = 500;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private final AssetService assets;
    private final AnalysisService analysis;
    private final ClipRepository clips;
    private final WorkflowClient temporal;
    private final RunSettingsFactory runSettings;

    public TranscriptRevisions(AssetService assets, AnalysisService analysis, ClipRepository clips, WorkflowClient temporal,
                               RunSettingsFactory runSettings) {
        this.assets = assets;
        this.analysis = analysis;
        this.clips = clips;
        this.temporal = temporal;
        this.runSettings = runSettings;
    }

    public Mono<Transcript> revise(String assetId, TranscriptPatch patch) {
        return Mono.fromCallable(() -> edits(patch)).flatMap(edits -> assets.get(assetId).flatMap(a -> analysis.transcript(assetId)
                .flatMap(current -> {
            if (patch.expectedAnalysisVersion() != null && patch.expectedAnalysisVersion() != a.analysisVersion()) {
                return Mono.error(conflict(a, "the transcript is at analysis version " + a.analysisVersion() + ", not "
                        + patch.expectedAnalysisVersion()));
            }
            for (TranscribeActivities.SegmentEdit e : edits) {
                if (e.index() >= current.segments().size()) {
                    return Mono.error(ApiException.unprocessable("segment_not_found", "segments[].index " + e.index()
                                    + " does not exist: the transcript has " + current.segments().size() + " segments",
                            "use the indices GET /v1/assets/" + assetId + "/transcript lists (0.."
                                    + (current.segments().size() - 1) + ")"));
                }
            }
            var revision = new TranscribeActivities.Revision(assetId, a.analysisVersion(), edits);
            return run(a, revision).then(announce(assetId, revision.toVersion())).then(analysis.transcript(assetId));
        })));
    }

    private static List<TranscribeActivities.SegmentEdit> edits(TranscriptPatch patch) {
        if (patch == null || patch.segments() == null || patch.segments().isEmpty()) {
            throw ApiException.unprocessable("segments is required: a list of {index, text}");
        }
        if (patch.segments().size() > MAX_EDITS) {
            throw ApiException.unprocessable("at most " + MAX_EDITS + " segments can be corrected at once");
        }
        Set<Integer> seen = new HashSet<>();
        return patch.segments().stream().map(s -> {
            if (s == null || s.index() == null || s.index() < 0) {
                throw ApiException.unprocessable("segments[].index is required and must be 0 or more");
            }
            if (s.text() == null || s.text().isBlank()) {
                throw ApiException.unprocessable("segments[" + s.index() + "].text must not be empty; every segment keeps "
                        + "at least one word");
            }
            if (s.text().length() > MAX_SEGMENT_CHARS) {
                throw ApiException.unprocessable("segments[" + s.index() + "].text is longer than " + MAX_SEGMENT_CHARS
                        + " characters");
            }
            if (!seen.add(s.index())) {
                throw ApiException.unprocessable("segment " + s.index() + " is corrected twice in one request");
            }
            return new TranscribeActivities.SegmentEdit(s.index(), s.text().strip());
        }).toList();
    }

    private Mono<Void> run(AssetView a, TranscribeActivities.Revision revision) {
        var settings = runSettings.runSettings();
        var input = new TranscriptRevisionWorkflow.Input(revision, runSettings.defaultMinSeconds(),
                runSettings.defaultMaxSeconds(), settings.suggestionCount());
        return Mono.fromRunnable(() -> {
            try {
                temporal.newWorkflowStub(TranscriptRevisionWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(TranscriptRevisionWorkflow.workflowId(a.assetId(), revision.toVersion()))
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY)
                        .setTaskQueue(TaskQueues.CPU)
                        .setWorkflowExecutionTimeout(TIMEOUT)
                        .build()).revise(input);
            } catch (WorkflowExecutionAlreadyStarted e) {
                throw conflict(a, "a correction of analysis version " + revision.fromVersion() + " is already being made");
            } catch (WorkflowFailedException e) {
                throw failure(a, e);
            } catch (WorkflowServiceException e) {
                if (e.getCause() instanceof WorkflowExecutionAlreadyStarted) {
                    throw conflict(a, "a correction of analysis version " + revision.fromVersion() + " was already made");
                }
                throw e;
            }
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private static RuntimeException failure(AssetView a, WorkflowFailedException e) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof ApplicationFailure)) {
            cause = cause.getCause();
        }
        if (cause instanceof ApplicationFailure f && FailureCodes.VERSION_CONFLICT.equals(f.getType())) {
            return conflict(a, f.getOriginalMessage());
        }
        if (cause instanceof ApplicationFailure f && FailureCodes.INVALID_INPUT.equals(f.getType())) {
            return ApiException.unprocessable(f.getOriginalMessage());
        }
        return e;
    }

    private static ApiException conflict(AssetView a, String message) {
        return ApiException.wrongState(message, "GET /v1/assets/" + a.assetId() + "/transcript again and correct the "
                + "current version");
    }

    /** Live runs take the new version for their next captions; a run that has just finished needs nothing. */
    private Mono<Void> announce(String assetId, int version) {
        return clips.live(assetId).flatMap(row -> Mono.fromRunnable(() -> {
            try {
                temporal.newWorkflowStub(ClipRunWorkflow.class, row.id()).transcriptRevised(version);
            } catch (RuntimeException e) {
                log.debug("clip run {} did not take transcript version {}: {}", row.id(), version, e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic())).then();
    }
}
