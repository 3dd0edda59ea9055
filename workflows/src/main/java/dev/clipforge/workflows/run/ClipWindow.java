package dev.clipforge.workflows.run;

/** An absolute time range of the source, in seconds. */
public record ClipWindow(double startSeconds, double endSeconds) {
    public double durationSeconds() {
        return endSeconds - startSeconds;
    }

    public ClipWindow widen(double marginSeconds, double sourceDuration) {
        return new ClipWindow(Math.max(0, startSeconds - marginSeconds), Math.min(sourceDuration, endSeconds + marginSeconds));
    }
}
