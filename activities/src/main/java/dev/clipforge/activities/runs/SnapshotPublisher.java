package dev.clipforge.activities.runs;

import dev.clipforge.activities.webhooks.WebhookOutbox;
import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.run.RunStatus;
import dev.clipforge.workflows.stages.SnapshotActivities;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's snapshot to its row, unless the row already holds a newer {@code state_version}
 * (publishes from an update handler and the main loop may arrive out of order), and notifies
 * {@code clip_snapshots} listeners so long polls and event streams answer at once. A change of status is also
 * written as webhook events, in the same transaction, so an event is never lost or sent for a write that failed.
 */
public class SnapshotPublisher implements SnapshotActivities {
    public static final String CHANNEL = "clip_snapshots";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookOutbox outbox;

    public SnapshotPublisher(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.outbox = new WebhookOutbox(jdbc);
    }

    private record Current(String status, long stateVersion, String organisationId, String assetId) {
    }

    @Override
    public void publishSnapshot(ClipSnapshot snapshot) {
        transactions.executeWithoutResult(tx -> {
            List<Current> rows = jdbc.query("select status, state_version, organisation_id, asset_id from clip_runs"
                            + " where id = ? for update",
                    (rs, i) -> new Current(rs.getString("status"), rs.getLong("state_version"), rs.getString("organisation_id"),
                            rs.getString("asset_id")),
                    snapshot.clipId());
            if (rows.isEmpty() || rows.get(0).stateVersion() >= snapshot.stateVersion()) {
                return;
            }
            Current before = rows.get(0);
            jdbc.update("""
                            update clip_runs
                               set status = ?, next_action = ?, state_version = ?, snapshot = ?::jsonb, updated_at = now()
                             where id = ?""",
                    snapshot.status().wire(), snapshot.nextAction().wire(), snapshot.stateVersion(), Json.write(snapshot),
                    snapshot.clipId());
            if (!snapshot.status().wire().equals(before.status())) {
                events(snapshot, before);
            }
            jdbc.query("select pg_notify(?, ?)", rs -> {
            }, CHANNEL, snapshot.clipId() + ":" + snapshot.stateVersion());
        });
    }

    /** {@code clip.status_changed} on every change, and the event of the status it reached where there is one. */
    private void events(ClipSnapshot s, Current before) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("clip_id", s.clipId());
        data.put("project_id", s.projectId());
        data.put("asset_id", before.assetId());
        data.put("status", s.status().wire());
        data.put("previous_status", before.status());
        data.put("next_action", s.nextAction().wire());
        data.put("blocking_reason", s.blockingReason() == null ? null : s.blockingReason().name().toLowerCase(java.util.Locale.ROOT));
        data.put("state_version", s.stateVersion());
        data.put("clip_window", s.clipWindow());
        data.put("error", s.error());
        String happening = s.clipId() + ":" + s.stateVersion() + ":";
        outbox.emit(before.organisationId(), "clip.status_changed", happening + "clip.status_changed", data);
        String reached = s.status() == RunStatus.READY ? "clip.ready"
                : s.status() == RunStatus.EXPORTED ? "clip.exported"
                : s.status() == RunStatus.FAILED ? "clip.failed" : null;
        if (reached == null) {
            return;
        }
        Map<String, Object> detail = new LinkedHashMap<>(data);
        if (s.status() == RunStatus.EXPORTED && s.export().exportId() != null) {
            Map<String, Object> export = new LinkedHashMap<>();
            export.put("export_id", s.export().exportId());
            export.put("quality", s.export().quality().wire());
            export.put("size_bytes", s.export().sizeBytes());
            export.put("download_path", "/v1/exports/" + s.export().exportId() + "/download");
            detail.put("export", export);
        }
        outbox.emit(before.organisationId(), reached, happening + reached, detail);
    }
}
