package dev.clipforge.activities.runs;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.tenancy.Limits;
import dev.clipforge.workflows.stages.RunSlotActivities;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Concurrent-run slots per organisation, counted in {@code clip_runs}: a run holds a slot while it works. A run
 * that finds none free records when it started waiting, and runs queued earlier go first. One transaction per
 * organisation at a time (an advisory lock), so two runs never take the last slot together.
 */
public class RunSlots implements RunSlotActivities {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ClipforgeProperties properties;

    public RunSlots(JdbcTemplate jdbc, ClipforgeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.properties = properties;
    }

    private record Run(boolean holdsSlot, boolean queued) {
    }

    @Override
    public boolean tryAcquireSlot(String organisationId, String clipId) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> {
            }, "clipforge-run-slots:" + organisationId);
            List<Run> runs = jdbc.query("select holds_slot, queued_at is not null as queued from clip_runs where id = ?",
                    (rs, i) -> new Run(rs.getBoolean("holds_slot"), rs.getBoolean("queued")), clipId);
            if (runs.isEmpty() || runs.get(0).holdsSlot()) {
                // a run whose row is gone (its project was deleted) is stopping anyway
                return true;
            }
            int limit = Limits.of(properties, overrides(organisationId)).concurrentRuns();
            Integer busy = jdbc.queryForObject("""
                            select count(*) filter (where holds_slot)
                                 + count(*) filter (where not holds_slot and queued_at is not null
                                                      and queued_at < coalesce((select queued_at from clip_runs where id = ?), now()))
                            from clip_runs
                            where organisation_id = ? and id <> ? and status not in ('failed', 'cancelled')
                              and (holds_slot or queued_at is not null)""",
                    Integer.class, clipId, organisationId, clipId);
            if (busy != null && busy < limit) {
                jdbc.update("update clip_runs set holds_slot = true, queued_at = null where id = ?", clipId);
                return true;
            }
            jdbc.update("update clip_runs set queued_at = coalesce(queued_at, now()) where id = ?", clipId);
            return false;
        }));
    }

    @Override
    public void releaseSlot(String clipId) {
        jdbc.update("update clip_runs set holds_slot = false, queued_at = null where id = ?", clipId);
    }

    private Limits.Overrides overrides(String organisationId) {
        List<String> json = jdbc.queryForList("select limits::text from organisations where id = ?", String.class, organisationId);
        return json.isEmpty() ? Limits.Overrides.NONE : Json.read(json.get(0), Limits.Overrides.class);
    }
}
