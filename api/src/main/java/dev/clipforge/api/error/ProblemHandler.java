package dev.clipforge.api.error;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import java.util.stream.Collectors;

/**
 * Every error as RFC 9457 problem+json with a machine {@code code} and, for older clients, {@code error}
 * (the human message). Input the API cannot read is a 400 that says what was wrong, never a 500.
 */
@RestControllerAdvice
public class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    /** Exchange attribute holding the machine code of the error answered, for the audit log. */
    public static final String ERROR_CODE = ProblemHandler.class.getName() + ".code";

    @ExceptionHandler(ApiException.class)
    public ResponseEntity<ProblemDetail> api(ApiException e, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> response = problem(e.status(), e.code(), e.getMessage(), e.howToFix(), exchange);
        if (e.reason() != null) {
            response.getBody().setProperty("reason", e.reason());
        }
        if (e.retryAfterSeconds() != null) {
            return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                    .body(response.getBody());
        }
        return response;
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ProblemDetail> validation(WebExchangeBindException e, ServerWebExchange exchange) {
        String message = e.getFieldErrors().stream()
                .map(f -> Names.snake(f.getField()) + ": " + f.getDefaultMessage())
                .collect(Collectors.joining("; "));
        if (message.isEmpty()) {
            message = e.getReason();
        }
        return problem(HttpStatus.BAD_REQUEST, "bad_request", message, null, exchange);
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> input(ServerWebInputException e, ServerWebExchange exchange) {
        if (causedBy(e, DataBufferLimitException.class)) {
            return tooLarge(exchange);
        }
        return problem(HttpStatus.BAD_REQUEST, "bad_request", describeInput(e), null, exchange);
    }

    @ExceptionHandler(DataBufferLimitException.class)
    public ResponseEntity<ProblemDetail> limit(DataBufferLimitException e, ServerWebExchange exchange) {
        return tooLarge(exchange);
    }

    @ExceptionHandler(UnsupportedMediaTypeStatusException.class)
    public ResponseEntity<ProblemDetail> mediaType(UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "bad_request",
                "content type " + e.getContentType() + " is not accepted here; send " + e.getSupportedMediaTypes(), null, exchange);
    }

    @ExceptionHandler(MethodNotAllowedException.class)
    public ResponseEntity<ProblemDetail> method(MethodNotAllowedException e, ServerWebExchange exchange) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "bad_request",
                e.getHttpMethod() + " is not allowed here; allowed: " + e.getSupportedMethods(), null, exchange);
    }

    @ExceptionHandler(org.springframework.web.reactive.resource.NoResourceFoundException.class)
    public ResponseEntity<ProblemDetail> noEndpoint(Exception e, ServerWebExchange exchange) {
        return problem(HttpStatus.NOT_FOUND, "not_found", "no such endpoint: " + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath(), "see README.md for the API", exchange);
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e, ServerWebExchange exchange) {
        HttpStatusCode status = e.getStatusCode();
        String code = switch (status.value()) {
            case 404 -> "not_found";
            case 409 -> "wrong_state";
            case 413 -> "too_large";
            case 422 -> "unprocessable";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 429 -> "rate_limited";
            default -> status.is4xxClientError() ? "bad_request" : "internal";
        };
        String message = e.getReason() != null ? e.getReason()
                : status.value() == 404 ? "no such resource: " + exchange.getRequest().getPath() : status.toString();
        return problem(status, code, message, null, exchange);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error("unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "internal error; it has been logged", null, exchange);
    }

    private ResponseEntity<ProblemDetail> tooLarge(ServerWebExchange exchange) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "too_large", "the request body is larger than this endpoint accepts",
                "send a smaller body; upload media with POST /v1/assets (multipart or presigned upload)", exchange);
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String code, String message, String howToFix,
                                                        ServerWebExchange exchange) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, message);
        p.setTitle(HttpStatus.resolve(status.value()) != null ? HttpStatus.resolve(status.value()).getReasonPhrase() : "Error");
        p.setProperty("code", code);
        p.setProperty("error", message);
        if (howToFix != null) {
            p.setProperty("how_to_fix", howToFix);
        }
        if (exchange != null) {
            p.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
            exchange.getAttributes().put(ERROR_CODE, code);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static String describeInput(ServerWebInputException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DecodingException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'" + location(u);
        }
        if (cause instanceof InvalidFormatException f) {
            return "field '" + path(f) + "' has the wrong type or value: " + abbreviate(String.valueOf(f.getValue()))
                    + " is not a valid " + f.getTargetType().getSimpleName();
        }
        if (cause instanceof MismatchedInputException m) {
            String p = path(m);
            return p.isEmpty() ? "the body is not the JSON object this endpoint expects"
                    : "field '" + p + "' has the wrong type";
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
            return "the body is not valid JSON: " + j.getOriginalMessage();
        }
        if (cause instanceof DecodingException d) {
            return "the body could not be read: " + d.getMessage();
        }
        return e.getReason() != null ? e.getReason() : "the request could not be read";
    }

    private static String path(MismatchedInputException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String location(MismatchedInputException m) {
        String p = path(m);
        int dot = p.lastIndexOf('.');
        return dot > 0 ? " in '" + p.substring(0, dot) + "'" : "";
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
