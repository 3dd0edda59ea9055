package dev.clipforge.workflows.stages;

/** A rendered MP4 and its poster frame. */
public record Rendition(String videoKey, String posterKey, double durationSeconds, int width, int height) {
}
