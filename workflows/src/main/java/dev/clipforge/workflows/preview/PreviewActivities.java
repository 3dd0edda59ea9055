package dev.clipforge.workflows.preview;

import io.temporal.activity.ActivityInterface;

import java.util.List;

/** Still frames of a source for people choosing a moment (on {@code clipforge-cpu}). */
@ActivityInterface
public interface PreviewActivities {

    enum Format { JPG, PNG }

    record Request(String assetId, List<Double> timestamps, Format format) {
    }

    /**
     * @param requested the time asked for
     * @param timestamp when the frame returned starts being displayed
     */
    record Frame(double requested, double timestamp, String objectKey) {
    }

    List<Frame> extractFrames(Request request);
}
