package dev.clipforge.activities.suggest.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One question to the language model, sent through the process's {@link RequestSpacing}, with transient
 * failures (408, 429, 5xx, timeouts, dropped connections) tried again after a doubling backoff and every other
 * failure (400, 401, 403, 404, a content filter) given up on at once: asking again would get the same refusal.
 * The model's own client does not retry (its retries are set to 0), so every try waits its turn in the queue.
 */
final class RetryingChat {
    private static final Logger log = LoggerFactory.getLogger(RetryingChat.class);

    private final ChatModel model;
    private final RequestSpacing spacing;
    private final int maxAttempts;
    private final Duration backoff;

    RetryingChat(ChatModel model, RequestSpacing spacing, int maxAttempts, Duration backoff) {
        this.model = model;
        this.spacing = spacing;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /** The text of the answer; {@code stillAlive} runs before each try and during every wait. */
    String ask(ChatRequest request, Runnable stillAlive) throws LlmUnavailable, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            spacing.acquire(stillAlive);
            stillAlive.run();
            ChatResponse response;
            try {
                response = model.chat(request);
            } catch (RuntimeException e) {
                boolean transientFailure = isTransient(e);
                String why = describe(e);
                if (!transientFailure) {
                    throw new LlmUnavailable("the language model refused the request: " + why, false, e);
                }
                if (attempt >= maxAttempts) {
                    throw new LlmUnavailable("the language model failed " + attempt + " times, last: " + why, true, e);
                }
                Duration wait = backoff.multipliedBy(1L << (attempt - 1));
                log.info("language model try {} of {} failed ({}); trying again in {} ms", attempt, maxAttempts, why,
                        wait.toMillis());
                sleep(wait, stillAlive);
                continue;
            }
            if (response.finishReason() == FinishReason.CONTENT_FILTER) {
                throw new LlmUnavailable("the language model refused the request (content filter)", false, null);
            }
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            if (text == null || text.isBlank()) {
                throw new LlmUnavailable("the language model gave an empty answer (finish reason "
                        + response.finishReason() + ")", false, null);
            }
            return text;
        }
    }

    /** Whether asking again later might succeed: langchain4j's own classes, else the HTTP status or an I/O cause. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException) {
                return true;
            }
            if (t instanceof NonRetriableException) {
                return false;
            }
            if (t instanceof HttpException h) {
                return h.statusCode() == 408 || h.statusCode() == 429 || h.statusCode() >= 500;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h) {
                return "HTTP " + h.statusCode() + ": " + abbreviate(h.getMessage());
            }
        }
        return e.getClass().getSimpleName() + ": " + abbreviate(e.getMessage());
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 200) + "…";
    }

    private static void sleep(Duration d, Runnable stillAlive) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = until - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, RequestSpacing.STILL_WAITING.toNanos()));
            stillAlive.run();
        }
    }
}
