package dev.clipforge.api.error;

import org.springframework.http.HttpStatus;

/**
 * An error the API answers on purpose: an HTTP status, a machine {@code code} from DESIGN.md section 5,
 * a message for people, and, where there is one, how to fix it.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final String howToFix;
    private final String reason;
    private final Long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String message, String howToFix) {
        this(status, code, null, message, howToFix);
    }

    /** @param reason a finer machine code than {@code code} ({@code empty_file}, {@code url_blocked}), or null */
    public ApiException(HttpStatus status, String code, String reason, String message, String howToFix) {
        this(status, code, reason, message, howToFix, null);
    }

    private ApiException(HttpStatus status, String code, String reason, String message, String howToFix, Long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.reason = reason;
        this.howToFix = howToFix;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds a 429's caller should wait ({@code Retry-After}), or null. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String reason() {
        return reason;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String howToFix() {
        return howToFix;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", message, null);
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", what + " " + id + " does not exist", null);
    }

    public static ApiException wrongState(String message, String howToFix) {
        return new ApiException(HttpStatus.CONFLICT, "wrong_state", message, howToFix);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", message, null);
    }

    public static ApiException unprocessable(String reason, String message, String howToFix) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "unprocessable", reason, message, howToFix);
    }

    /** A limit of the caller's organisation is reached for now: 429 with {@code Retry-After}. */
    public static ApiException rateLimited(String reason, String message, String howToFix, long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited", reason, message, howToFix, retryAfterSeconds);
    }

    public static ApiException tooLarge(String message, String howToFix) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "too_large", message, howToFix);
    }
}
