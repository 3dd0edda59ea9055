package dev.clipforge.mcp;

import dev.clipforge.api.clips.ClipView;
import dev.clipforge.workflows.stages.QaIssue;

import java.util.List;

/**
 * The run in the words of the clip skill's output contract: what an agent reports back to its user.
 *
 * @param finalStatus completed (exported), blocked, failed (failed or cancelled), or in_progress
 */
public record ClipOutcome(String finalStatus, String clipId, String projectId, String nextAction, String blockingReason,
                          ClipView.ClipWindowView clipWindow, String layoutMode, boolean layoutFallbackUsed,
                          String captionsStatus, boolean captionsClipWindowAware, String qaStatus, List<QaIssue> qaIssues,
                          String exportStatus, String shortDownloadUrl) {

    static ClipOutcome of(ClipView v) {
        String finalStatus = switch (v.status()) {
            case "exported" -> "completed";
            case "blocked" -> "blocked";
            case "failed", "cancelled" -> "failed";
            default -> "in_progress";
        };
        return new ClipOutcome(finalStatus, v.clipId(), v.projectId(), v.nextAction(), v.blockingReason(), v.clipWindow(),
                v.layout() == null ? null : v.layout().appliedMode(),
                v.layout() != null && v.layout().fallbackUsed(),
                v.captions() == null ? null : v.captions().status(),
                v.captions() != null && v.captions().clipWindowAware(),
                v.qa() == null ? null : v.qa().status(),
                v.qa() == null ? List.of() : v.qa().issues(),
                v.export() == null ? null : v.export().status(),
                v.export() == null ? null : v.export().shortDownloadUrl());
    }
}
