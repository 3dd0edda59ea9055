package dev.clipforge.activities.media;

/**
 * A file that can never be processed as it is (not media, no video, too long...). Activities turn it into a
 * non-retryable failure whose type is {@link #code()}.
 */
public final class MediaRejected extends Exception {
    private final String code;
    private final String whyFailed;
    private final String howToFix;

    public MediaRejected(String code, String message, String whyFailed, String howToFix) {
        super(message);
        this.code = code;
        this.whyFailed = whyFailed;
        this.howToFix = howToFix;
    }

    public String code() {
        return code;
    }

    public String whyFailed() {
        return whyFailed;
    }

    public String howToFix() {
        return howToFix;
    }
}
