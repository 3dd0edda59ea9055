package dev.clipforge.api.captions;

import dev.clipforge.api.error.ApiException;
import dev.clipforge.api.page.Page;
import dev.clipforge.api.page.PageRequest;
import dev.clipforge.api.tenancy.Tenancy;
import dev.clipforge.common.Ids;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Caption themes: the three built-in styles, read-only, and the ones people define. A clip's
 * {@code captions.style_id} names either.
 */
@Service
public class CaptionThemeService {
    static final String PREFIX = "thm";
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?");
    private static final List<CaptionTheme> BUILT_IN = List.of(CaptionTheme.documentary(), CaptionTheme.fullSentence(),
            CaptionTheme.singleWordInstant());

    /** Runs a refused delete names; the rest are counted. */
    private static final int NAMED_RUNS = 10;

    private final DatabaseClient db;
    /** After this long without a command a run closes: it no longer needs its theme. */
    private final Duration idleTimeout;

    public CaptionThemeService(DatabaseClient db, ClipforgeProperties properties) {
        this.db = db;
        this.idleTimeout = properties.runs().idleTimeout();
    }

    public Mono<CaptionTheme> create(CaptionThemeRequest r) {
        if (r.name() == null || r.name().isBlank()) {
            return Mono.error(ApiException.unprocessable("name is required"));
        }
        CaptionTheme base = CaptionTheme.builtIn(r.basedOn() == null ? CaptionTheme.DOCUMENTARY : r.basedOn());
        if (base == null) {
            return Mono.error(ApiException.unprocessable("based_on must be a built-in style: " + builtInIds()));
        }
        CaptionTheme theme;
        try {
            theme = merge(Ids.next(PREFIX), base, r);
        } catch (ApiException e) {
            return Mono.error(e);
        }
        return Tenancy.organisation().flatMap(org -> db.sql("insert into caption_themes (id, name, theme, organisation_id)"
                        + " values (:id, :name, cast(:theme as jsonb), :org)")
                .bind("id", theme.id()).bind("name", theme.name()).bind("theme", Json.write(theme)).bind("org", org)
                .fetch().rowsUpdated().thenReturn(theme));
    }

    public Mono<CaptionTheme> get(String id) {
        CaptionTheme builtIn = CaptionTheme.builtIn(id);
        if (builtIn != null && builtIn.id().equals(id)) {
            return Mono.just(builtIn);
        }
        return Tenancy.organisation().flatMap(org -> db.sql("select theme::text as theme from caption_themes"
                        + " where id = :id and organisation_id = :org").bind("id", id).bind("org", org)
                .map((row, meta) -> Json.read(row.get("theme", String.class), CaptionTheme.class)).one())
                .switchIfEmpty(Mono.error(() -> ApiException.notFound("caption theme", id)));
    }

    /**
     * Built-in styles first, then custom themes, newest first: one sequence, paged as a whole, so a page holds
     * at most {@code limit} themes wherever it starts.
     */
    public Mono<Page<CaptionTheme>> list(PageRequest page) {
        int builtIns = BUILT_IN.size();
        List<CaptionTheme> firstItems = BUILT_IN.subList((int) Math.min(page.offset(), builtIns),
                (int) Math.min(page.offset() + page.limit(), builtIns));
        int customLimit = page.limit() - firstItems.size();
        long customOffset = Math.max(0, page.offset() - builtIns);
        return Tenancy.organisation().flatMap(org -> Mono.zip(customLimit == 0 ? Mono.just(List.<CaptionTheme>of())
                        : db.sql("select theme::text as theme from caption_themes where organisation_id = :org"
                                        + " order by created_at desc, id limit :limit offset :offset")
                        .bind("org", org).bind("limit", customLimit).bind("offset", customOffset)
                        .map((row, meta) -> Json.read(row.get("theme", String.class), CaptionTheme.class)).all().collectList(),
                db.sql("select count(*) as n from caption_themes where organisation_id = :org").bind("org", org)
                        .map((row, meta) -> row.get("n", Long.class)).one()))
                .map(t -> {
                    List<CaptionTheme> items = new ArrayList<>(firstItems);
                    items.addAll(t.getT1());
                    return Page.of(items, page, t.getT2() + builtIns);
                });
    }

    public Mono<CaptionTheme> update(String id, CaptionThemeRequest r) {
        if (CaptionTheme.builtIn(id) != null) {
            return Mono.error(builtInIsReadOnly(id));
        }
        if (r.basedOn() != null) {
            return Mono.error(ApiException.unprocessable("based_on only applies when creating a theme"));
        }
        return get(id).flatMap(current -> {
            CaptionTheme theme = merge(id, current, r);
            return db.sql("update caption_themes set name = :name, theme = cast(:theme as jsonb), updated_at = now()"
                            + " where id = :id")
                    .bind("id", id).bind("name", theme.name()).bind("theme", Json.write(theme))
                    .fetch().rowsUpdated().thenReturn(theme);
        });
    }

    /**
     * Deletes a theme no live run uses. A run captions again on every reselect and repair, reading its theme by id,
     * so deleting the theme of a run that still takes commands would fail its next captions: that is refused
     * (409, naming the runs) until they are cancelled, fail, or close after the idle timeout.
     */
    public Mono<Void> delete(String id) {
        if (CaptionTheme.builtIn(id) != null) {
            return Mono.error(builtInIsReadOnly(id));
        }
        OffsetDateTime closedBefore = OffsetDateTime.now(ZoneOffset.UTC).minus(idleTimeout);
        // another organisation's theme is not found before anything about its runs is said
        return get(id).then(db.sql("select id from clip_runs where spec->'captions'->>'style_id' = :id"
                        + " and status not in ('failed', 'cancelled') and updated_at > :closed order by created_at, id")
                .bind("id", id).bind("closed", closedBefore)
                .map((row, meta) -> row.get("id", String.class)).all().collectList())
                .flatMap(runs -> runs.isEmpty()
                        ? db.sql("delete from caption_themes where id = :id").bind("id", id).fetch().rowsUpdated().then()
                        : Mono.error(inUse(id, runs)));
    }

    private static ApiException inUse(String id, List<String> runs) {
        List<String> named = runs.subList(0, Math.min(runs.size(), NAMED_RUNS));
        String more = runs.size() > named.size() ? " and " + (runs.size() - named.size()) + " more" : "";
        return ApiException.wrongState("caption theme " + id + " is in use by live clip runs: " + String.join(", ", named)
                        + more,
                "cancel those runs (POST /v1/clips/{id}/cancel) or wait until they close (clipforge.runs.idle-timeout"
                        + " after their last command), then delete again; PATCH the theme to change how they look instead");
    }

    /** Whether a clip may name {@code styleId}: a built-in style or an existing theme. */
    public Mono<Boolean> exists(String styleId) {
        if (CaptionTheme.builtIn(styleId) != null) {
            return Mono.just(true);
        }
        return Tenancy.organisation().flatMap(org -> db.sql("select 1 as one from caption_themes where id = :id and organisation_id = :org")
                .bind("id", styleId).bind("org", org).map((row, meta) -> true).one()).defaultIfEmpty(false);
    }

    private static ApiException builtInIsReadOnly(String id) {
        return new ApiException(HttpStatus.CONFLICT, "wrong_state", id + " is a built-in style and cannot be changed",
                "create a theme based on it: POST /v1/caption-themes with {\"based_on\": \"" + id + "\", ...}");
    }

    static String builtInIds() {
        return BUILT_IN.stream().map(CaptionTheme::id).toList().toString();
    }

    static CaptionTheme merge(String id, CaptionTheme b, CaptionThemeRequest r) {
        String name = r.name() == null ? b.name() : text("name", r.name(), 80);
        String font = r.fontFamily() == null ? b.fontFamily() : oneOf("font_family", r.fontFamily(), CaptionTheme.FONT_FAMILIES);
        int size = r.fontSize() == null ? b.fontSize() : range("font_size", r.fontSize(), 24, 160);
        String text = r.textColor() == null ? b.textColor() : color("text_color", r.textColor());
        String highlight = r.highlightColor() == null ? b.highlightColor() : color("highlight_color", r.highlightColor());
        String stroke = r.strokeColor() == null ? b.strokeColor() : color("stroke_color", r.strokeColor());
        int strokeWidth = r.strokeWidth() == null ? b.strokeWidth() : range("stroke_width", r.strokeWidth(), 0, 20);
        boolean shadow = r.shadow() == null ? b.shadow() : r.shadow();
        String box = r.boxColor() == null ? b.boxColor() : r.boxColor().equalsIgnoreCase("none") ? null
                : color("box_color", r.boxColor());
        boolean upper = r.uppercase() == null ? b.uppercase() : r.uppercase();
        int words = r.maxWordsPerLine() == null ? b.maxWordsPerLine() : range("max_words_per_line", r.maxWordsPerLine(), 1, 12);
        int chars = r.maxCharsPerLine() == null ? b.maxCharsPerLine() : range("max_chars_per_line", r.maxCharsPerLine(), 8, 60);
        int lines = r.maxLines() == null ? b.maxLines() : range("max_lines", r.maxLines(), 1, 4);
        String position = r.position() == null ? b.position() : oneOf("position", r.position(), CaptionTheme.POSITIONS);
        String animation = r.animation() == null ? b.animation() : oneOf("animation", r.animation(), CaptionTheme.ANIMATIONS);
        String mode = r.mode() == null ? b.mode() : oneOf("mode", r.mode(), CaptionTheme.MODES);
        return new CaptionTheme(id, name, font, size, text, highlight, stroke, strokeWidth, shadow, box, upper, words, chars,
                lines, position, animation, mode);
    }

    private static String text(String field, String value, int max) {
        if (value.isBlank() || value.length() > max) {
            throw ApiException.unprocessable(field + " must be 1 to " + max + " characters");
        }
        return value.strip();
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.unprocessable(field + " must be one of " + allowed + ", not '" + value + "'");
        }
        return value;
    }

    private static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.unprocessable(field + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static String color(String field, String value) {
        if (!COLOR.matcher(value).matches()) {
            throw ApiException.unprocessable(field + " must be a colour as #RRGGBB or #RRGGBBAA, not '" + value + "'");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }
}
