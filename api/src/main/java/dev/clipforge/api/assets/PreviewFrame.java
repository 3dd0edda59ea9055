package dev.clipforge.api.assets;

/**
 * @param timestamp        when the frame shown starts being displayed (the exact frame at the requested time)
 * @param requestedSeconds the time asked for
 */
public record PreviewFrame(String frameUrl, double timestamp, double requestedSeconds) {
}
