package dev.clipforge.workflows.ingest;

/** Why an asset could not be ingested, stored on its row and copied into the runs that wait on it. */
public record AssetError(String code, String message, String whyFailed, String howToFix, boolean retryable) {
}
