package dev.clipforge.workflows.stages;

import java.util.Map;

/** One ranked moment: a window of the source worth posting, and why. */
public record Suggestion(String suggestionId, int rank, String title, String hook, String reason,
                         double startSeconds, double endSeconds, double score, Map<String, Double> scoreBreakdown,
                         boolean snappedToPause) {
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }
}
