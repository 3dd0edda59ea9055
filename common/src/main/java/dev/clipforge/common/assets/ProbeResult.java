package dev.clipforge.common.assets;

/**
 * What probing a source found. Stored on the asset row and shown by {@code GET /v1/assets/{id}}.
 *
 * @param rotation degrees the player rotates the picture (display matrix), 0, 90, 180 or 270
 * @param width    coded width before rotation
 * @param height   coded height before rotation
 */
public record ProbeResult(
        String container,
        double durationSeconds,
        boolean hasVideo,
        boolean hasAudio,
        String videoCodec,
        int width,
        int height,
        double fps,
        int rotation,
        String audioCodec,
        int audioSampleRate,
        int audioChannels,
        long bitRate,
        long sizeBytes) {

    /** Width as displayed (after rotation). */
    public int displayWidth() {
        return rotation % 180 == 0 ? width : height;
    }

    /** Height as displayed (after rotation). */
    public int displayHeight() {
        return rotation % 180 == 0 ? height : width;
    }
}
