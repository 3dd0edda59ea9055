package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The clip-run REST resource over the real embedded stack and the real stages. */
class ClipRunApiTest {
    static Api api;
    static String project;
    static String asset;

    @BeforeAll
    static void start() {
        api = new Api(SharedStack.get());
        project = api.createProject("clip runs");
        asset = api.upload(project, TestVideos.podcast().file()).path("asset_id").asText();
    }

    static Map<String, Object> run(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "source", Map.of("source_type", "asset", "asset_id", asset),
                "target", Map.of("max_duration_seconds", 20, "min_duration_seconds", 8)));
        body.putAll(extra);
        return body;
    }

    @Test
    void runsToReadyThenReselectsAndReturnsToReady() {
        JsonNode created = api.postJson("/v1/clips", run(Map.of()), 201);
        String id = created.path("clip_id").asText();
        assertThat(id).startsWith("clp_");
        assertThat(created.path("project_id").asText()).isEqualTo(project);
        assertThat(created.path("next_action").asText()).isEqualTo("poll");

        JsonNode ready = api.awaitNextAction(id, "export", "stop", "reselect", "repair");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("source").path("transcript_status").asText()).isEqualTo("ready");
        assertThat(ready.path("source").path("suggestions_status").asText()).isEqualTo("ready");
        assertThat(ready.path("source").path("canonical_duration_seconds").asDouble()).isGreaterThan(29);
        assertThat(ready.path("selection").path("alternatives").size()).isGreaterThanOrEqualTo(1);
        JsonNode window = ready.path("clip_window");
        assertThat(window.path("duration_seconds").asDouble()).isBetween(8.0, 20.0);
        assertThat(ready.path("qa").path("preview_urls")).hasSize(2);
        assertThat(ready.path("captions").path("srt_url").asText()).contains(".srt");

        // a long poll on the current version waits, and returns the same state when nothing changes
        long version = ready.path("state_version").asLong();
        long t0 = System.nanoTime();
        JsonNode unchanged = api.get("/v1/clips/" + id + "?wait_seconds=1&since_version=" + version, 200);
        assertThat(System.nanoTime() - t0).isGreaterThan(Duration.ofMillis(900).toNanos());
        assertThat(unchanged.path("state_version").asLong()).isEqualTo(version);

        JsonNode reselected = api.postJson("/v1/clips/" + id + "/reselect",
                Map.of("selection_mode", "time_range", "start_seconds", 1.0, "end_seconds", 12.0), 200);
        assertThat(reselected.path("clip_window").path("start_seconds").asDouble()).isEqualTo(1.0);
        assertThat(reselected.path("state_version").asLong()).isGreaterThan(version);
        JsonNode again = api.awaitNextAction(id, "export", "stop", "reselect", "repair");
        assertThat(again.path("status").asText()).isEqualTo("ready");
        assertThat(again.path("clip_window").path("end_seconds").asDouble()).isEqualTo(12.0);
        assertThat(again.path("qa").path("preview_urls").get(0).asText())
                .isNotEqualTo(ready.path("qa").path("preview_urls").get(0).asText());
    }

    @Test
    void commandsThatDoNotFitTheStateOrTheSourceAreRefused() {
        String id = api.postJson("/v1/clips", run(Map.of()), 201).path("clip_id").asText();
        JsonNode early = api.postJson("/v1/clips/" + id + "/export", Map.of("quality", "1080p"), 409);
        assertThat(early.path("code").asText()).isEqualTo("wrong_state");
        assertThat(early.path("error").asText()).contains("next_action");

        api.awaitNextAction(id, "export");
        JsonNode backwards = api.postJson("/v1/clips/" + id + "/reselect",
                Map.of("selection_mode", "time_range", "start_seconds", 10.0, "end_seconds", 5.0), 422);
        assertThat(backwards.path("code").asText()).isEqualTo("unprocessable");
        JsonNode outside = api.postJson("/v1/clips/" + id + "/reselect",
                Map.of("selection_mode", "time_range", "start_seconds", 20.0, "end_seconds", 39.0), 422);
        assertThat(outside.path("error").asText()).contains("beyond the end of the source");
        JsonNode unknown = api.postJson("/v1/clips/" + id + "/reselect",
                Map.of("selection_mode", "suggestion", "suggestion_id", "sug_doesnotexist0000"), 422);
        assertThat(unknown.path("error").asText()).contains("not one of this source's suggestions");
        assertThat(api.postJson("/v1/clips/" + id + "/repair", Map.of("mode", "auto"), 409).path("code").asText())
                .isEqualTo("wrong_state");
        assertThat(api.postJson("/v1/clips/" + id + "/repair", Map.of("mode", "sideways"), 422).path("error").asText())
                .contains("mode must be one of");
        assertThat(api.get("/v1/clips/" + id, 200).path("status").asText()).isEqualTo("ready");

        JsonNode cancelled = api.postJson("/v1/clips/" + id + "/cancel", Map.of(), 200);
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("next_action").asText()).isEqualTo("stop");
        assertThat(api.postJson("/v1/clips/" + id + "/cancel", Map.of(), 409).path("code").asText()).isEqualTo("wrong_state");
    }

    @Test
    void createIsIdempotentPerKeyAndBody() {
        Map<String, Object> body = run(Map.of("captions", Map.of("enabled", false)));
        JsonNode first = api.http().post().uri("/v1/clips").header("Idempotency-Key", "retry-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        JsonNode second = api.http().post().uri("/v1/clips").header("Idempotency-Key", "retry-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(second.path("clip_id").asText()).isEqualTo(first.path("clip_id").asText());
        JsonNode other = api.http().post().uri("/v1/clips").header("Idempotency-Key", "retry-42")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(run(Map.of())).exchange()
                .expectStatus().isEqualTo(422).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(other.path("error").asText()).contains("different request body");
        api.postJson("/v1/clips/" + first.path("clip_id").asText() + "/cancel", Map.of(), 200);
    }

    @Test
    void badRequestsGetProblemJsonAndUnknownIdsGet404() {
        JsonNode missing = api.get("/v1/clips/clp_nope0000000000000", 404);
        assertThat(missing.path("code").asText()).isEqualTo("not_found");
        assertThat(api.postJson("/v1/clips/clp_nope0000000000000/cancel", Map.of(), 404).path("code").asText())
                .isEqualTo("not_found");
        assertThat(api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset",
                "asset_id", "ast_nope000000000000")), 404).path("reason").asText()).isEqualTo("asset_not_found");
        assertThat(api.postJson("/v1/clips", run(Map.of("selection", Map.of("selection_mode", "time_range",
                "start_seconds", 5, "end_seconds", 6))), 422).path("error").asText()).contains("shorter than min_duration_seconds");
        assertThat(api.postJson("/v1/clips", run(Map.of("target", Map.of("aspect_ratio", "16:9"))), 422).path("error").asText())
                .contains("9:16");
        assertThat(api.postJson("/v1/clips", run(Map.of("layout", Map.of("layout_mode", "diagonal"))), 422).path("error").asText())
                .contains("layout_mode must be one of");
        assertThat(api.postJson("/v1/clips", Map.of("selection", Map.of()), 400).path("code").asText()).isEqualTo("bad_request");
        assertThat(api.get("/v1/clips/clp_x?wait_seconds=abc", 400).path("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void aSelectionThatTheSourceCannotHoldBlocksUntilReselected() {
        JsonNode created = api.postJson("/v1/clips", run(Map.of("selection", Map.of("selection_mode", "time_range",
                "start_seconds", 25.0, "end_seconds", 40.0))), 201);
        String id = created.path("clip_id").asText();
        JsonNode blocked = api.awaitNextAction(id, "reselect", "export", "stop");
        assertThat(blocked.path("status").asText()).isEqualTo("blocked");
        assertThat(blocked.path("blocking_reason").asText()).isEqualTo("invalid_selection");
        assertThat(blocked.path("selection").path("invalid_reason").asText()).contains("beyond the end of the source");
        String suggestion = blocked.path("selection").path("alternatives").get(0).path("suggestion_id").asText();
        api.postJson("/v1/clips/" + id + "/reselect", Map.of("selection_mode", "suggestion", "suggestion_id", suggestion), 200);
        JsonNode ready = api.awaitNextAction(id, "export", "reselect", "repair", "stop");
        assertThat(ready.path("selection").path("suggestion_id").asText()).isEqualTo(suggestion);
        api.postJson("/v1/clips/" + id + "/cancel", Map.of(), 200);
    }

    @Test
    void listsArePaginatedAndFilterable() {
        JsonNode page = api.get("/v1/clips?project_id=" + project + "&limit=2&offset=0", 200);
        assertThat(page.path("items").size()).isLessThanOrEqualTo(2);
        assertThat(page.path("pagination").path("limit").asInt()).isEqualTo(2);
        assertThat(page.path("pagination").path("total").asLong()).isGreaterThanOrEqualTo(page.path("count").asLong());
        JsonNode cancelled = api.get("/v1/clips?project_id=" + project + "&status=cancelled", 200);
        for (JsonNode c : cancelled.path("items")) {
            assertThat(c.path("status").asText()).isEqualTo("cancelled");
        }
        api.get("/v1/clips?project_id=prj_nope000000000000", 404);
        assertThat(api.get("/v1/clips?limit=1000", 400).path("code").asText()).isEqualTo("bad_request");
    }

    @Test
    void eventsStreamSnapshotsAsTheyArePublished() {
        String id = api.postJson("/v1/clips", run(Map.of("captions", Map.of("enabled", false))), 201).path("clip_id").asText();
        List<String> events = api.http().get().uri("/v1/clips/" + id + "/events").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody()
                .filter(e -> e.contains("state_version")).take(3).collectList().block(Duration.ofMinutes(5));
        assertThat(events).hasSize(3);
        assertThat(events.get(0)).contains("\"clip_id\":\"" + id + "\"");
        api.postJson("/v1/clips/" + id + "/cancel", Map.of(), 200);
    }
}
