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

    public static String preview(String projectId, String assetId, String name) {
        return asset(projectId, assetId) + "previews/" + name;
    }

    public static String clip(String projectId, String clipId) {
        return project(projectId) + "clips/" + clipId + "/";
    }

    public static String export(String projectId, String clipId, String exportId) {
        return clip(projectId, clipId) + "exports/" + exportId + ".mp4";
    }
}
