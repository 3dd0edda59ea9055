package dev.clipforge.activities.captions;

import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.json.Json;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Optional;

/** Custom caption themes as the worker reads them. */
public class CaptionThemeRows {
    private final JdbcTemplate jdbc;

    public CaptionThemeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CaptionTheme> find(String id) {
        return jdbc.query("select theme::text as theme from caption_themes where id = ?",
                (rs, i) -> Json.read(rs.getString("theme"), CaptionTheme.class), id).stream().findFirst();
    }
}
