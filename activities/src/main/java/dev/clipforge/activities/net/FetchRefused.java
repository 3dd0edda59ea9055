package dev.clipforge.activities.net;

/** A URL source that cannot be fetched as asked: blocked, not media, too large, or answered with an error. */
public final class FetchRefused extends Exception {
    private final String code;
    private final boolean retryable;

    public FetchRefused(String code, String message, boolean retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }
}
