package dev.clipforge.activities.suggest;

import dev.clipforge.common.json.Json;
import dev.clipforge.workflows.stages.Suggestion;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** The {@code suggestions} table: the latest suggestions of an asset, for listing without a clip run. */
public class SuggestionRows {
    private final JdbcTemplate jdbc;

    public SuggestionRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replace(String assetId, int analysisVersion, List<Suggestion> suggestions) {
        for (Suggestion s : suggestions) {
            jdbc.update("""
                            insert into suggestions (id, asset_id, analysis_version, rank, start_seconds, end_seconds, score, payload)
                            values (?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                            on conflict (id) do update set rank = excluded.rank, score = excluded.score, payload = excluded.payload""",
                    s.suggestionId(), assetId, analysisVersion, s.rank(), s.startSeconds(), s.endSeconds(), s.score(), Json.write(s));
        }
    }
}
