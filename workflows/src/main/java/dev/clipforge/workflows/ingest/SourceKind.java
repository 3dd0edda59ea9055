package dev.clipforge.workflows.ingest;

/** How an asset's bytes arrive. */
public enum SourceKind {
    /** The client PUTs to a presigned URL; ingest waits for the object. */
    PRESIGNED,
    /** The API streamed a multipart upload into the store before starting ingest. */
    MULTIPART,
    /** The worker fetches an http(s) URL through the SSRF guard. */
    URL,
    /** The worker runs the configured downloader on a YouTube URL. */
    YOUTUBE
}
