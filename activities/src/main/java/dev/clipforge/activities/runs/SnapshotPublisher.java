package dev.clipforge.activities.runs;

import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.stages.SnapshotActivities;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a run's snapshot to its row, unless the row already holds a newer {@code state_version}
 * (publishes from an update handler and the main loop may arrive out of order), and notifies
 * {@code clip_snapshots} listeners so long polls and event streams answer at once.
 */
public class SnapshotPublisher implements SnapshotActivities {
    public static final String CHANNEL = "clip_snapshots";

    private final JdbcTemplate jdbc;

    public SnapshotPublisher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void publishSnapshot(ClipSnapshot snapshot) {
        jdbc.query("""
                        with updated as (
                            update clip_runs
                               set status = ?, next_action = ?, state_version = ?, snapshot = ?::jsonb, updated_at = now()
                             where id = ? and state_version < ?
                            returning id)
                        select pg_notify('%s', id || ':' || ?) from updated""".formatted(CHANNEL),
                rs -> {
                },
                snapshot.status().wire(), snapshot.nextAction().wire(), snapshot.stateVersion(), Json.write(snapshot),
                snapshot.clipId(), snapshot.stateVersion(), String.valueOf(snapshot.stateVersion()));
    }
}
