package dev.clipforge.workflows.stages;

import io.temporal.activity.ActivityInterface;

import java.util.List;

/** Ranked moment suggestions, cached per asset, analysis version and target durations. */
@ActivityInterface
public interface SuggestActivities {

    record Request(String assetId, int analysisVersion, TranscriptRef transcript, SourceInfo source,
                   double minDurationSeconds, double maxDurationSeconds, int count) {
    }

    /** @param endSeconds the latest suggestion end; one of the three inputs of the canonical duration */
    record SuggestionSet(List<Suggestion> suggestions, double endSeconds) {
    }

    SuggestionSet suggestMoments(Request request);
}
