package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.QaIssue;
import dev.clipforge.workflows.stages.Suggestion;

import java.time.Instant;
import java.util.List;

/**
 * The run as published at a transition: the contract's fields, with object keys where the API serves
 * presigned URLs. Written to Postgres with a monotonically increasing {@code stateVersion}; reads never
 * ask a worker.
 */
public record ClipSnapshot(
        String clipId,
        String projectId,
        RunStatus status,
        NextAction nextAction,
        BlockingReason blockingReason,
        Progress progress,
        RunError error,
        Source source,
        Selection selection,
        ClipWindow clipWindow,
        ClipRunSpec.Target target,
        Layout layout,
        Captions captions,
        Qa qa,
        Repair repair,
        Export export,
        Instant createdAt,
        Instant updatedAt,
        long stateVersion) {

    public record Progress(Stage stage, int percent) {
    }

    /** @param canonicalDurationSeconds the max of asset metadata, transcript end and suggestion ends */
    public record Source(SourceType sourceType, String assetId, StageStatus analysisStatus, int analysisVersion,
                         StageStatus transcriptStatus, StageStatus suggestionsStatus, Double canonicalDurationSeconds,
                         Integer width, Integer height, Double fps, Boolean hasAudio) {
    }

    /** @param invalidReason why the selection does not fit the source, while {@code blocking_reason} is invalid_selection */
    public record Selection(SelectionMode selectionMode, String suggestionId, Double startSeconds, Double endSeconds,
                            List<Suggestion> alternatives, String invalidReason) {
    }

    public record Layout(LayoutMode layoutMode, AppliedLayout appliedMode, AppliedLayout primaryLayout,
                         boolean fallbackUsed, List<String> warnings, String planKey) {
    }

    public record Captions(boolean enabled, String styleId, StageStatus status, boolean clipWindowAware,
                           List<String> warnings, String srtKey, String vttKey) {
    }

    public record Qa(QaMode qaMode, QaStatus status, boolean blocking, List<QaIssue> issues, String previewVideoKey,
                     String posterKey, String visualDebugKey) {
    }

    public record Repair(int passesUsed, int maxPasses, RepairMode lastMode) {
    }

    public record Export(boolean autoExport, ExportStatus status, Quality quality, String exportId, String objectKey,
                         Long sizeBytes) {
    }
}
