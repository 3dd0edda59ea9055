package dev.clipforge.workflows.ingest;

import io.temporal.activity.ActivityInterface;

/** Getting a source into the store and making it usable: fetch, probe, derive (on {@code clipforge-cpu}). */
@ActivityInterface
public interface IngestActivities {

    /** Whether the presigned upload has arrived, and how big it is. */
    record UploadState(boolean present, long sizeBytes) {
    }

    UploadState checkUpload(String assetId);

    /** Downloads a URL or YouTube source into the store (heartbeats progress). */
    void fetchSource(String assetId);

    /** Probes the stored source, derives speech audio and a poster, and marks the asset ready. */
    void ingestSource(String assetId);

    /** Records why the asset cannot be used and removes what ingest had written for it. */
    void markFailed(String assetId, AssetError error);
}
