package dev.clipforge.activities.runs;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Locale;

/**
 * Finer progress of a running stage, between the workflow's snapshots: the API shows it in
 * {@code progress.percent} while the snapshot's stage matches. Writes at most every half second.
 */
public class RunProgress {
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final JdbcTemplate jdbc;

    public RunProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A reporter for one stage of one run. */
    public Reporter of(String clipId, String stage) {
        return new Reporter(clipId, stage);
    }

    public final class Reporter {
        private final String clipId;
        private final String stage;
        private long last;

        private Reporter(String clipId, String stage) {
            this.clipId = clipId;
            this.stage = stage;
        }

        /** @param fraction 0..1 of the stage done */
        public void report(double fraction) {
            long now = System.nanoTime();
            if (now - last < MIN_INTERVAL_NANOS && fraction < 1) {
                return;
            }
            last = now;
            try {
                jdbc.update("update clip_runs set progress = ?::jsonb where id = ?", String.format(Locale.ROOT,
                        "{\"stage\":\"%s\",\"fraction\":%.4f,\"at\":\"%s\"}", stage, Math.max(0, Math.min(1, fraction)),
                        java.time.Instant.now()), clipId);
            } catch (RuntimeException e) {
                // progress is a nicety: a missed update never fails the stage
            }
        }
    }
}
