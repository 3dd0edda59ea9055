package dev.clipforge.activities.suggest.llm;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue every request to the language model waits in: at most {@code perMinute} requests a minute leave
 * this process, evenly spaced, in the order they asked (a fair lock). A worker process makes one and shares it
 * between all its runs, so the limit holds however many suggestion activities run at once.
 */
public final class RequestSpacing {
    /** How often a caller still waiting says so (an activity heartbeats, so Temporal knows it is alive). */
    static final Duration STILL_WAITING = Duration.ofSeconds(5);

    private final long intervalNanos;
    private final ReentrantLock queue = new ReentrantLock(true);
    private long nextNanos;
    private boolean used;

    public RequestSpacing(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("requests per minute must be at least 1, not " + perMinute);
        }
        this.intervalNanos = TimeUnit.MINUTES.toNanos(1) / perMinute;
    }

    /** Waits for this caller's turn; {@code stillWaiting} runs every few seconds of the wait. */
    public void acquire(Runnable stillWaiting) throws InterruptedException {
        while (!queue.tryLock(STILL_WAITING.toNanos(), TimeUnit.NANOSECONDS)) {
            stillWaiting.run();
        }
        try {
            long now = System.nanoTime();
            while (used && nextNanos - now > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(nextNanos - now, STILL_WAITING.toNanos()));
                now = System.nanoTime();
                if (nextNanos - now > 0) {
                    stillWaiting.run();
                }
            }
            nextNanos = now + intervalNanos;
            used = true;
        } finally {
            queue.unlock();
        }
    }
}
