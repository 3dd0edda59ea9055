package dev.clipforge.gpu.models;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a native model open while a caller is inside it. A worker can stop while an activity that has not
 * yet heard of the stop is still running inference; freeing the model under it crashes the whole JVM, so
 * closing waits for the last user, and refuses new ones.
 */
public final class InUse {
    private static final Logger log = LoggerFactory.getLogger(InUse.class);
    /** How long closing waits for the last user before leaving the model to the process's exit. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final String what;
    private int users;
    private boolean closed;

    public InUse(String what) {
        this.what = what;
    }

    /** @throws IllegalStateException once closing has begun */
    public synchronized void enter() {
        if (closed) {
            throw new IllegalStateException("the " + what + " model is closed: the worker is stopping");
        }
        users++;
    }

    public synchronized void exit() {
        users--;
        notifyAll();
    }

    /** Refuses new users, then runs {@code free} once the last has left (or not at all, if they outlast the wait). */
    public void close(Runnable free) {
        if (awaitIdle()) {
            free.run();
        } else {
            log.warn("the {} model is still in use after {} s; leaving it to the process's exit", what, CLOSE_WAIT.toSeconds());
        }
    }

    private synchronized boolean awaitIdle() {
        closed = true;
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        while (users > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
