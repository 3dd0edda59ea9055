package dev.clipforge.activities.support;

import io.temporal.activity.ActivityExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Computes a per-asset artifact once across every worker: whoever claims its key computes it, the
 * others heartbeat and wait until the artifact exists. A claim lapses when its owner stops renewing it
 * (a worker that died), and the next waiter takes over.
 */
public class ArtifactLeases {
    private static final Duration WAIT_STEP = Duration.ofMillis(500);

    private final JdbcTemplate jdbc;
    private final String owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public ArtifactLeases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param existing reads the finished artifact, empty while it does not exist yet
     * @param compute  computes and stores it; runs while this worker holds the claim
     */
    public <T> T once(String key, Duration ttl, ActivityExecutionContext activity, Supplier<Optional<T>> existing,
                      Supplier<T> compute) {
        while (true) {
            Optional<T> done = existing.get();
            if (done.isPresent()) {
                return done.get();
            }
            if (claim(key, ttl)) {
                try (Renewal renewal = new Renewal(key, ttl)) {
                    // the previous holder may have stored the artifact and let go between our look and our claim
                    Optional<T> meanwhile = existing.get();
                    return meanwhile.isPresent() ? meanwhile.get() : compute.get();
                } finally {
                    release(key);
                }
            }
            if (activity != null) {
                activity.heartbeat("waiting for " + key);
            }
            sleep(WAIT_STEP);
        }
    }

    boolean claim(String key, Duration ttl) {
        return jdbc.update("""
                        insert into artifact_leases (key, owner, expires_at)
                        values (?, ?, now() + make_interval(secs => ?))
                        on conflict (key) do update set owner = excluded.owner, expires_at = excluded.expires_at
                        where artifact_leases.expires_at < now() or artifact_leases.owner = excluded.owner""",
                key, owner, (double) ttl.toSeconds()) == 1;
    }

    void release(String key) {
        jdbc.update("delete from artifact_leases where key = ? and owner = ?", key, owner);
    }

    /** Renews the claim at a third of its lifetime while the computation runs. */
    private final class Renewal implements AutoCloseable {
        private final Thread thread;

        Renewal(String key, Duration ttl) {
            thread = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Thread.sleep(ttl.toMillis() / 3);
                        claim(key, ttl);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        // a database blip: the next renewal tries again before the claim lapses
                    }
                }
            }, "lease-renewal");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another worker", e);
        }
    }
}
