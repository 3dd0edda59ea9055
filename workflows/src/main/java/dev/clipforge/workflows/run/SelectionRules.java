package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.Suggestion;

import java.util.List;
import java.util.Locale;

/**
 * Turns a selection into a window of the source, or says why it cannot. Used when the run first
 * selects and by the reselect validator, so both judge a selection the same way.
 */
public final class SelectionRules {
    /** Float noise allowed when comparing a window with the source and target bounds. */
    static final double EPSILON = 1e-3;

    private SelectionRules() {
    }

    public sealed interface Outcome permits Resolved, Invalid {
    }

    public record Resolved(ClipWindow window, String suggestionId) implements Outcome {
    }

    public record Invalid(String reason) implements Outcome {
    }

    public static Outcome resolve(ClipRunSpec.Selection selection, List<Suggestion> suggestions,
                                  double canonicalDuration, ClipRunSpec.Target target) {
        return switch (selection.selectionMode()) {
            case AUTO_BEST -> suggestions.isEmpty()
                    ? fallbackWindow(canonicalDuration, target)
                    : new Resolved(window(suggestions.get(0)), suggestions.get(0).suggestionId());
            case SUGGESTION -> suggestions.stream()
                    .filter(s -> s.suggestionId().equals(selection.suggestionId()))
                    .findFirst()
                    .<Outcome>map(s -> new Resolved(window(s), s.suggestionId()))
                    .orElseGet(() -> new Invalid("suggestion " + selection.suggestionId()
                            + " is not one of this source's suggestions; pick a suggestion_id from selection.alternatives"));
            case TIME_RANGE -> checkRange(selection.startSeconds(), selection.endSeconds(), canonicalDuration, target);
        };
    }

    /** Checks a time range alone (shape and target length), before the source's length is known. */
    public static Invalid checkShape(Double start, Double end, ClipRunSpec.Target target) {
        if (start == null || end == null) {
            return new Invalid("time_range needs start_seconds and end_seconds");
        }
        if (start.isNaN() || end.isNaN() || start.isInfinite() || end.isInfinite()) {
            return new Invalid("start_seconds and end_seconds must be finite numbers");
        }
        if (start < 0) {
            return new Invalid("start_seconds must be >= 0, got " + fmt(start));
        }
        if (end <= start) {
            return new Invalid("end_seconds (" + fmt(end) + ") must be after start_seconds (" + fmt(start) + ")");
        }
        double duration = end - start;
        if (duration < target.minDurationSeconds() - EPSILON) {
            return new Invalid("the range lasts " + fmt(duration) + " s, shorter than min_duration_seconds ("
                    + fmt(target.minDurationSeconds()) + ")");
        }
        if (duration > target.maxDurationSeconds() + EPSILON) {
            return new Invalid("the range lasts " + fmt(duration) + " s, longer than max_duration_seconds ("
                    + fmt(target.maxDurationSeconds()) + ")");
        }
        return null;
    }

    static Outcome checkRange(Double start, Double end, double canonicalDuration, ClipRunSpec.Target target) {
        Invalid shape = checkShape(start, end, target);
        if (shape != null) {
            return shape;
        }
        if (end > canonicalDuration + EPSILON) {
            return new Invalid("end_seconds (" + fmt(end) + ") is beyond the end of the source ("
                    + fmt(canonicalDuration) + " s)");
        }
        return new Resolved(new ClipWindow(start, end), null);
    }

    private static Outcome fallbackWindow(double canonicalDuration, ClipRunSpec.Target target) {
        if (canonicalDuration + EPSILON < target.minDurationSeconds()) {
            return new Invalid("the source lasts " + fmt(canonicalDuration) + " s, shorter than min_duration_seconds ("
                    + fmt(target.minDurationSeconds()) + "); create the run with a smaller min_duration_seconds");
        }
        return new Resolved(new ClipWindow(0, Math.min(canonicalDuration, target.maxDurationSeconds())), null);
    }

    private static ClipWindow window(Suggestion s) {
        return new ClipWindow(s.startSeconds(), s.endSeconds());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
