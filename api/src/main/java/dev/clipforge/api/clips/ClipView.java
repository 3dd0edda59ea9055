package dev.clipforge.api.clips;

import dev.clipforge.workflows.run.ClipRunSpec;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.run.ClipWindow;
import dev.clipforge.workflows.run.RunError;
import dev.clipforge.workflows.stages.QaIssue;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/clips/{id}}: the published snapshot, with presigned URLs where the snapshot has object keys. */
public record ClipView(
        String clipId,
        String projectId,
        String status,
        String nextAction,
        String blockingReason,
        ClipSnapshot.Progress progress,
        RunError error,
        ClipSnapshot.Source source,
        ClipSnapshot.Selection selection,
        ClipWindowView clipWindow,
        ClipRunSpec.Target target,
        Layout layout,
        Captions captions,
        Qa qa,
        ClipSnapshot.Repair repair,
        Export export,
        Instant createdAt,
        Instant updatedAt,
        long stateVersion) {

    public record ClipWindowView(double startSeconds, double endSeconds, double durationSeconds) {
        static ClipWindowView of(ClipWindow w) {
            return w == null ? null : new ClipWindowView(w.startSeconds(), w.endSeconds(),
                    Math.round(w.durationSeconds() * 1000) / 1000.0);
        }
    }

    public record Layout(String layoutMode, String appliedMode, String primaryLayout, boolean fallbackUsed,
                         List<String> warnings) {
    }

    /** @param srtUrl and {@code vtt_url}: the captions as sidecar files in clip time */
    public record Captions(boolean enabled, String styleId, String status, boolean clipWindowAware, List<String> warnings,
                           String srtUrl, String vttUrl) {
    }

    /** @param previewUrls the preview MP4, then its poster frame */
    public record Qa(String qaMode, String status, boolean blocking, List<QaIssue> issues, List<String> previewUrls,
                     String visualDebugUrl) {
    }

    public record Export(boolean autoExport, String status, String quality, String exportId, String downloadUrl,
                         String shortDownloadUrl, Instant expiresAt, Long sizeBytes) {
    }
}
