package dev.clipforge.workflows.run;

import java.util.List;

/** Machine codes of run errors. Activities fail with these as the failure type. */
public final class FailureCodes {
    public static final String SOURCE_WAIT_TIMEOUT = "source_wait_timeout";
    public static final String SOURCE_FAILED = "source_failed";
    public static final String SOURCE_MISSING = "source_missing";
    public static final String UNSUPPORTED_MEDIA = "unsupported_media";
    public static final String NO_VIDEO_STREAM = "no_video_stream";
    public static final String MODEL_MISSING = "model_missing";
    public static final String PROVIDER_REJECTED = "provider_rejected";
    public static final String INVALID_INPUT = "invalid_input";
    public static final String TIMEOUT = "timeout";
    public static final String INTERNAL = "internal";
    public static final String VERSION_CONFLICT = "version_conflict";

    /** Types activities raise for inputs that can never succeed; retrying them only wastes a worker. */
    public static final List<String> NON_RETRYABLE = List.of(UNSUPPORTED_MEDIA, NO_VIDEO_STREAM, MODEL_MISSING,
            PROVIDER_REJECTED, INVALID_INPUT, SOURCE_MISSING);

    private FailureCodes() {
    }
}
