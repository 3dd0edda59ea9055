package dev.clipforge.activities.runs;

import dev.clipforge.workflows.ingest.AssetError;
import dev.clipforge.common.assets.AssetStatus;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.run.RunError;
import dev.clipforge.workflows.run.Stage;
import dev.clipforge.workflows.stages.SourceActivities;
import dev.clipforge.workflows.stages.SourceInfo;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads where a run's source asset stands from its row. */
public class SourceStatusReader implements SourceActivities {
    private final JdbcTemplate jdbc;

    public SourceStatusReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public SourceStatus sourceStatus(String assetId) {
        List<SourceStatus> rows = jdbc.query(
                "select status, probe::text as probe, error::text as error, analysis_version from assets where id = ?",
                (rs, i) -> toStatus(assetId, AssetStatus.fromWire(rs.getString("status")), rs.getString("probe"),
                        rs.getString("error"), rs.getInt("analysis_version")),
                assetId);
        if (rows.isEmpty()) {
            return new SourceStatus(State.MISSING, null, new RunError(Stage.INGEST, FailureCodes.SOURCE_MISSING,
                    "asset " + assetId + " does not exist", "it was deleted, or never created",
                    "create the asset with POST /v1/assets, then a new clip run", false));
        }
        return rows.get(0);
    }

    @Override
    public boolean advanceAnalysisVersion(String assetId, int from, int to) {
        return jdbc.update("update assets set analysis_version = ?, updated_at = now() where id = ? and analysis_version = ?",
                to, assetId, from) == 1;
    }

    private static SourceStatus toStatus(String assetId, AssetStatus status, String probe, String error, int version) {
        return switch (status) {
            case AWAITING_UPLOAD -> new SourceStatus(State.AWAITING_UPLOAD, null, null);
            case INGESTING -> new SourceStatus(State.INGESTING, null, null);
            case READY -> {
                ProbeResult p = Json.read(probe, ProbeResult.class);
                yield new SourceStatus(State.READY, new SourceInfo(assetId, p.durationSeconds(), p.displayWidth(),
                        p.displayHeight(), p.fps(), p.hasVideo(), p.hasAudio(), version), null);
            }
            case FAILED -> {
                AssetError e = error == null ? null : Json.read(error, AssetError.class);
                yield new SourceStatus(State.FAILED, null, e == null
                        ? new RunError(Stage.INGEST, FailureCodes.SOURCE_FAILED, "the source could not be ingested", null,
                        "upload the file again", false)
                        : new RunError(Stage.INGEST, e.code(), e.message(), e.whyFailed(), e.howToFix(), e.retryable()));
            }
        };
    }
}
