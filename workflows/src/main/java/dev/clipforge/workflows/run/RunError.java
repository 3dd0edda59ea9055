package dev.clipforge.workflows.run;

/**
 * Why a run failed, in the terms an agent can act on.
 *
 * @param step      the stage that failed
 * @param code      machine code ({@code unsupported_media}, {@code source_wait_timeout}, ...)
 * @param retryable whether creating the run again (or retrying the command) could succeed
 */
public record RunError(Stage step, String code, String message, String whyFailed, String howToFix, boolean retryable) {
}
