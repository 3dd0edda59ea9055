package dev.clipforge.activities.ingest;

import dev.clipforge.common.assets.AssetStatus;
import dev.clipforge.common.assets.DerivedMedia;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.ingest.AssetError;
import dev.clipforge.activities.webhooks.WebhookOutbox;
import dev.clipforge.common.tenancy.Limits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.List;
import java.util.Optional;

/** The asset rows as the ingest worker reads and updates them. */
public class AssetRows {
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WebhookOutbox outbox;

    public AssetRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        this.outbox = new WebhookOutbox(jdbc);
    }

    /** @param limits the overrides of the asset's organisation (upload size and source duration apply to ingest) */
    public record Row(String id, String projectId, AssetStatus status, String sourceKind, String sourceUrl,
                      String objectKey, String contentType, long maxDeclaredBytes, ProbeResult probe,
                      DerivedMedia derived, String contentSha256, Limits.Overrides limits) {
    }

    public Optional<Row> find(String assetId) {
        List<Row> rows = jdbc.query("""
                        select a.id, a.project_id, a.status, a.source_kind, a.source_url, a.object_key, a.content_type,
                               coalesce(a.declared_size_bytes, 0) as declared, a.probe::text as probe, a.derived::text as derived,
                               a.content_sha256, o.limits::text as limits
                        from assets a join organisations o on o.id = a.organisation_id where a.id = ?""",
                (rs, i) -> new Row(rs.getString("id"), rs.getString("project_id"),
                        AssetStatus.fromWire(rs.getString("status")), rs.getString("source_kind"),
                        rs.getString("source_url"), rs.getString("object_key"), rs.getString("content_type"),
                        rs.getLong("declared"),
                        rs.getString("probe") == null ? null : Json.read(rs.getString("probe"), ProbeResult.class),
                        rs.getString("derived") == null ? null : Json.read(rs.getString("derived"), DerivedMedia.class),
                        rs.getString("content_sha256"), Json.read(rs.getString("limits"), Limits.Overrides.class)),
                assetId);
        return rows.stream().findFirst();
    }

    public void markIngesting(String assetId, long sizeBytes) {
        jdbc.update("update assets set status = 'ingesting', size_bytes = ?, updated_at = now() where id = ? and status <> 'ready'",
                sizeBytes, assetId);
    }

    /** Marks the asset ready and, with it, writes the {@code asset.ready} webhook event. */
    public void markReady(String assetId, ProbeResult probe, DerivedMedia derived, String sha256) {
        transactions.executeWithoutResult(tx -> {
            List<String[]> owner = jdbc.query("""
                            update assets set status = 'ready', probe = ?::jsonb, derived = ?::jsonb, content_sha256 = ?,
                                   size_bytes = ?, error = null, updated_at = now()
                            where id = ? returning organisation_id, project_id""",
                    (rs, i) -> new String[]{rs.getString("organisation_id"), rs.getString("project_id")},
                    Json.write(probe), Json.write(derived), sha256, probe.sizeBytes(), assetId);
            if (owner.isEmpty()) {
                return;
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("asset_id", assetId);
            data.put("project_id", owner.get(0)[1]);
            data.put("status", AssetStatus.READY.wire());
            data.put("duration_seconds", probe.durationSeconds());
            data.put("width", probe.width());
            data.put("height", probe.height());
            data.put("has_audio", probe.hasAudio());
            outbox.emit(owner.get(0)[0], "asset.ready", assetId + ":asset.ready", data);
        });
    }

    public void markFailed(String assetId, AssetError error) {
        jdbc.update("update assets set status = 'failed', error = ?::jsonb, updated_at = now() where id = ?",
                Json.write(error), assetId);
    }

    /** Another ready asset of the project with the same bytes, whose derived media can be shared. */
    public Optional<Row> findIdentical(String projectId, String sha256, String exceptAssetId) {
        List<String> ids = jdbc.queryForList("""
                        select id from assets
                        where project_id = ? and content_sha256 = ? and id <> ? and status = 'ready'
                        order by created_at limit 1""",
                String.class, projectId, sha256, exceptAssetId);
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }
}
