package dev.clipforge.common.assets;

/**
 * Deterministic object keys. Everything of a project lives under its prefix, so deleting a project is
 * one prefix delete; a retried activity writes the same key again.
 */
public final class ObjectKeys {
    private ObjectKeys() {
    }

    public static String project(String projectId) {
        return "projects/" + projectId + "/";
    }

    public static String asset(String projectId, String assetId) {
        return project(projectId) + "assets/" + assetId + "/";
    }

    public static String source(String projectId, String assetId) {
        return asset(projectId, assetId) + "source";
    }

    public static String speechAudio(String projectId, String assetId) {
        return asset(projectId, assetId) + "speech-16k.wav";
    }

    public static String poster(String projectId, String assetId) {
        return asset(projectId, assetId) + "poster.jpg";
    }

    /** A sidecar transcript uploaded with the asset ({@code srt}, {@code vtt} or {@code json}). */
    public static String sidecar(String projectId, String assetId, String extension) {
        return asset(projectId, assetId) + "sidecar." + extension;
    }

    public static String transcript(String projectId, String assetId, int analysisVersion) {
        return asset(projectId, assetId) + "transcript/v" + analysisVersion + ".json";
    }

    /** Per-chunk results of a transcription in progress, so a retried attempt skips finished chunks. */
    public static String transcriptChunk(String projectId, String assetId, int analysisVersion, int chunk) {
        return asset(projectId, assetId) + "transcript/v" + analysisVersion + "/chunks/" + chunk + ".json";
    }

    /**
     * Raw visual scan of a fixed stretch of the source, shared by every window that covers it.
     *
     * @param settings what the scan depends on (detector, its thresholds, sampling rate, tile length): a scan made
     *                 under other settings is not this one
     */
    public static String visualTile(String projectId, String assetId, String settings, long tileStartMillis) {
        return asset(projectId, assetId) + "visual/tiles/" + segment(settings) + "/" + tileStartMillis + ".json";
    }

    /** The visual timeline of one analysed range, under the settings (scan and speaker scorer) it was built with. */
    public static String visualTimeline(String projectId, String assetId, int analysisVersion, String settings, long startMillis,
                                        long endMillis) {
        return asset(projectId, assetId) + "visual/v" + analysisVersion + "/" + segment(settings) + "/" + startMillis + "-"
                + endMillis + ".json";
    }

    /** A key segment from free text: letters, digits, dot, dash and underscore; anything else becomes an underscore. */
    static String segment(String text) {
        return text.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    public static String preview(String projectId, String assetId, String name) {
        return asset(projectId, assetId) + "previews/" + name;
    }

    public static String clip(String projectId, String clipId) {
        return project(projectId) + "clips/" + clipId + "/";
    }

    /** A clip artifact ({@code layout}, {@code captions}, {@code preview}, {@code qa}) under a content-derived name. */
    public static String clipArtifact(String projectId, String clipId, String kind, String name) {
        return clip(projectId, clipId) + kind + "/" + name;
    }

    public static String suggestions(String projectId, String assetId, int analysisVersion, String parameters) {
        return asset(projectId, assetId) + "suggestions/v" + analysisVersion + "/" + parameters + ".json";
    }

    public static String export(String projectId, String clipId, String exportId) {
        return clip(projectId, clipId) + "exports/" + exportId + ".mp4";
    }
}
