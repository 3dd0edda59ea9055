package dev.clipforge.activities.ingest;

import dev.clipforge.common.assets.AssetStatus;
import dev.clipforge.common.assets.DerivedMedia;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.ingest.AssetError;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/** The asset rows as the ingest worker reads and updates them. */
public class AssetRows {
    private final JdbcTemplate jdbc;

    public AssetRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String id, String projectId, AssetStatus status, String sourceKind, String sourceUrl,
                      String objectKey, String contentType, long maxDeclaredBytes, ProbeResult probe,
                      DerivedMedia derived, String contentSha256) {
    }

    public Optional<Row> find(String assetId) {
        List<Row> rows = jdbc.query("""
                        select id, project_id, status, source_kind, source_url, object_key, content_type,
                               coalesce(declared_size_bytes, 0) as declared, probe::text as probe, derived::text as derived,
                               content_sha256
                        from assets where id = ?""",
                (rs, i) -> new Row(rs.getString("id"), rs.getString("project_id"),
                        AssetStatus.fromWire(rs.getString("status")), rs.getString("source_kind"),
                        rs.getString("source_url"), rs.getString("object_key"), rs.getString("content_type"),
                        rs.getLong("declared"),
                        rs.getString("probe") == null ? null : Json.read(rs.getString("probe"), ProbeResult.class),
                        rs.getString("derived") == null ? null : Json.read(rs.getString("derived"), DerivedMedia.class),
                        rs.getString("content_sha256")),
                assetId);
        return rows.stream().findFirst();
    }

    public void markIngesting(String assetId, long sizeBytes) {
        jdbc.update("update assets set status = 'ingesting', size_bytes = ?, updated_at = now() where id = ? and status <> 'ready'",
                sizeBytes, assetId);
    }

    public void markReady(String assetId, ProbeResult probe, DerivedMedia derived, String sha256) {
        jdbc.update("""
                        update assets set status = 'ready', probe = ?::jsonb, derived = ?::jsonb, content_sha256 = ?,
                               size_bytes = ?, error = null, updated_at = now()
                        where id = ?""",
                Json.write(probe), Json.write(derived), sha256, probe.sizeBytes(), assetId);
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
