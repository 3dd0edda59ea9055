package dev.clipforge.activities.suggest.llm;

/**
 * The language model gave no usable answer: the service refused (a 4xx other than 408 and 429, a content
 * filter), or kept failing with transient errors until the tries ran out.
 */
public final class LlmUnavailable extends Exception {
    private final boolean transientFailure;

    LlmUnavailable(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
    }

    /** Whether the last failure was one that retrying later might cure (429, 5xx, timeout). */
    public boolean transientFailure() {
        return transientFailure;
    }
}
