package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** /v1/caption-themes on the embedded stack: the built-in styles, custom themes, and every refusal. */
class CaptionThemeApiTest {
    static Api api;

    @BeforeAll
    static void start() {
        api = new Api(SharedStack.get());
    }

    @Test
    void customThemesAreCreatedReadPatchedListedAndDeleted() {
        JsonNode created = api.postJson("/v1/caption-themes", Map.of("name", "Brand yellow", "based_on", "full-sentence",
                "highlight_color", "#ffcc00", "font_size", 72, "position", "upper"), 201);
        String id = created.path("id").asText();
        assertThat(id).startsWith("thm_");
        assertThat(created.path("highlight_color").asText()).isEqualTo("#FFCC00");
        assertThat(created.path("font_size").asInt()).isEqualTo(72);
        assertThat(created.path("animation").asText()).as("inherited from full-sentence").isEqualTo("karaoke");

        assertThat(api.get("/v1/caption-themes/" + id, 200)).isEqualTo(created);
        JsonNode patched = patch(id, Map.of("font_size", 80, "box_color", "#000000CC"), 200);
        assertThat(patched.path("font_size").asInt()).isEqualTo(80);
        assertThat(patched.path("box_color").asText()).isEqualTo("#000000CC");
        assertThat(patched.path("highlight_color").asText()).as("untouched fields stay").isEqualTo("#FFCC00");

        JsonNode list = api.get("/v1/caption-themes", 200);
        assertThat(list.path("items").findValuesAsText("id")).contains("documentary", "full-sentence",
                "single-word-instant", id);

        api.http().delete().uri("/v1/caption-themes/" + id).exchange().expectStatus().isNoContent();
        assertThat(api.get("/v1/caption-themes/" + id, 404).path("code").asText()).isEqualTo("not_found");
    }

    @Test
    void aClipMayNameACustomThemeButNotAMissingOne() {
        String theme = api.postJson("/v1/caption-themes", Map.of("name", "For a clip"), 201).path("id").asText();
        String project = api.createProject("themes");
        JsonNode missing = api.postJson("/v1/clips", Map.of("project_id", project,
                "source", Map.of("source_type", "asset", "asset_id", "ast_missing"),
                "captions", Map.of("style_id", "thm_doesnotexist")), 404);
        assertThat(missing.path("reason").asText()).isEqualTo("caption_style_not_found");
        assertThat(missing.path("how_to_fix").asText()).contains("/v1/caption-themes");
        // a known theme gets past the style check to the next one: the asset
        JsonNode known = api.postJson("/v1/clips", Map.of("project_id", project,
                "source", Map.of("source_type", "asset", "asset_id", "ast_missing"),
                "captions", Map.of("style_id", theme)), 404);
        assertThat(known.path("reason").asText()).isEqualTo("asset_not_found");
    }

    @Test
    void pagesCountTheBuiltInStylesAndNeverHoldMoreThanTheLimit() {
        for (int i = 0; i < 3; i++) {
            api.postJson("/v1/caption-themes", Map.of("name", "Paged " + i), 201);
        }
        long total = api.get("/v1/caption-themes?limit=1", 200).path("pagination").path("total").asLong();
        assertThat(total).as("three built-in styles and at least the three just made").isGreaterThanOrEqualTo(6);
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < total; offset += 2) {
            JsonNode page = api.get("/v1/caption-themes?limit=2&offset=" + offset, 200);
            assertThat(page.path("items").size()).as("page at %d", offset).isEqualTo((int) Math.min(2, total - offset));
            assertThat(page.path("count").asInt()).isEqualTo(page.path("items").size());
            seen.addAll(page.path("items").findValuesAsText("id"));
        }
        assertThat(seen).as("every theme once, built-in styles first").doesNotHaveDuplicates().hasSize((int) total)
                .startsWith("documentary", "full-sentence", "single-word-instant");
        assertThat(api.get("/v1/caption-themes?limit=2&offset=" + total, 200).path("items")).isEmpty();
    }

    @Test
    void aThemeALiveRunUsesIsNotDeletedUntilTheRunEnds() {
        String theme = api.postJson("/v1/caption-themes", Map.of("name", "In use"), 201).path("id").asText();
        String project = api.createProject("theme in use");
        // an asset waiting for its upload: the run waits for it, alive, without any media work
        String asset = api.postJson("/v1/assets", Map.of("project_id", project, "filename", "later.mp4",
                "content_type", "video/mp4", "size_bytes", 1000), 201).path("asset_id").asText();
        String clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "captions", Map.of("style_id", theme)), 201).path("clip_id").asText();

        JsonNode refused = api.http().delete().uri("/v1/caption-themes/" + theme).exchange().expectStatus().isEqualTo(409)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.path("code").asText()).isEqualTo("wrong_state");
        assertThat(refused.path("error").asText()).contains(clip);
        assertThat(refused.path("how_to_fix").asText()).contains("cancel");
        assertThat(api.get("/v1/caption-themes/" + theme, 200).path("id").asText()).as("nothing lost").isEqualTo(theme);

        api.postJson("/v1/clips/" + clip + "/cancel", Map.of(), 200);
        api.awaitClip(clip, c -> c.path("status").asText().equals("cancelled"), java.time.Duration.ofSeconds(30));
        api.http().delete().uri("/v1/caption-themes/" + theme).exchange().expectStatus().isNoContent();
    }

    @Test
    void badThemesAreRefusedWithTheFieldNamed() {
        Map<String, Map<String, Object>> bad = Map.of(
                "name", Map.of("font_size", 40),
                "font_family", Map.of("name", "x", "font_family", "Comic Sans"),
                "font_size", Map.of("name", "x", "font_size", 500),
                "text_color", Map.of("name", "x", "text_color", "yellow"),
                "position", Map.of("name", "x", "position", "sideways"),
                "based_on", Map.of("name", "x", "based_on", "thm_other"),
                "max_lines", Map.of("name", "x", "max_lines", 0));
        bad.forEach((field, body) -> assertThat(api.postJson("/v1/caption-themes", body, 422).path("error").asText())
                .as(field).contains(field));
        assertThat(api.postJson("/v1/caption-themes", Map.of("name", "x", "colour", "#fff"), 400).path("code").asText())
                .isEqualTo("bad_request");
        assertThat(api.postJson("/v1/caption-themes", Map.of("name", "x", "font_size", "big"), 400).path("code").asText())
                .isEqualTo("bad_request");
        assertThat(patch("documentary", Map.of("font_size", 40), 409).path("how_to_fix").asText()).contains("based_on");
        api.http().delete().uri("/v1/caption-themes/documentary").exchange().expectStatus().isEqualTo(409);
        api.http().delete().uri("/v1/caption-themes/thm_nope").exchange().expectStatus().isNotFound();
        patch("thm_nope", Map.of("font_size", 40), 404);
    }

    private static JsonNode patch(String id, Map<String, Object> body, int status) {
        return api.http().patch().uri("/v1/caption-themes/" + id).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
