package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.samples.PackageMedia;
import dev.clipforge.activities.samples.Podcasts;
import dev.clipforge.common.captions.CaptionDoc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person corrects what speech recognition got wrong: PATCH /v1/assets/{id}/transcript on the two-person
 * podcast, with the LibriVox reference text of the first sentence as the correction.
 */
class TranscriptRevisionTest {
    static Stack stack;
    static Api api;
    static String asset;
    static String clip;
    static Podcasts.Made podcast;

    @BeforeAll
    static void start() {
        stack = SharedStack.get();
        api = new Api(stack);
        podcast = TestVideos.podcast();
        asset = api.upload(api.createProject("corrections"), podcast.file()).path("asset_id").asText();
        clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 12.0),
                "target", Map.of("min_duration_seconds", 8, "max_duration_seconds", 20),
                "captions", Map.of("style_id", "full-sentence")), 201).path("clip_id").asText();
        api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
    }

    @Test
    void aCorrectedSegmentIsRealignedIntoTheNextVersionAndReachesCaptionsOnReselect() {
        JsonNode ready = api.get("/v1/clips/" + clip, 200);
        assertThat(ready.path("source").path("analysis_version").asInt()).isEqualTo(1);

        JsonNode before = api.get("/v1/assets/" + asset + "/transcript", 200);
        JsonNode first = before.path("segments").get(0);
        PackageMedia.Placed said = podcast.speech().placed().get(0);
        assertThat(first.path("start").asDouble()).as("segment 0 is the first sentence").isLessThan(said.end());
        String truth = said.utterance().text();

        JsonNode after = patch(Map.of("segments", List.of(Map.of("index", 0, "text", truth)), "expected_analysis_version", 1), 200);
        assertThat(after.path("analysis_version").asInt()).isEqualTo(2);
        JsonNode segment = after.path("segments").get(0);
        assertThat(segment.path("text").asText()).isEqualTo(truth);
        List<String> words = new ArrayList<>();
        for (int i = segment.path("first_word").asInt(); i <= segment.path("last_word").asInt(); i++) {
            JsonNode w = after.path("words").get(i);
            words.add(w.path("text").asText());
            assertThat(w.path("start").asDouble()).as("'%s' inside its sentence", w.path("text").asText())
                    .isBetween(said.start() - 0.3, said.end() + 0.3);
        }
        assertThat(String.join(" ", words)).isEqualTo(truth);
        assertThat(after.path("segments").size()).isEqualTo(before.path("segments").size());
        for (String field : List.of("start", "end", "text")) {
            assertThat(after.path("segments").get(1).path(field)).as("segment 1 %s untouched", field)
                    .isEqualTo(before.path("segments").get(1).path(field));
        }

        assertThat(api.get("/v1/assets/" + asset, 200).path("analysis_version").asInt()).isEqualTo(2);
        assertThat(api.get("/v1/assets/" + asset + "/suggestions", 200).path("items")).as("made again from version 2")
                .isNotEmpty();
        JsonNode shown = api.awaitClip(clip, c -> c.path("source").path("analysis_version").asInt() == 2, Duration.ofSeconds(30));
        assertThat(shown.path("status").asText()).isEqualTo("ready");

        api.postJson("/v1/clips/" + clip + "/reselect", Map.of("selection_mode", "time_range", "start_seconds", 0.5,
                "end_seconds", 11.0), 200);
        JsonNode again = api.awaitNextAction(clip, "export", "stop", "reselect", "repair");
        CaptionDoc captions = MediaChecks.captions(stack, again);
        List<String> shownWords = captions.cues().stream().flatMap(c -> c.words().stream())
                .filter(w -> w.start() + 0.5 < said.end()).map(CaptionDoc.Word::text).toList();
        assertThat(String.join(" ", shownWords)).as("captions of the first sentence come from the correction")
                .isEqualTo(String.join(" ", words.subList(0, shownWords.size())));

        // a correction of a version that has moved on is refused
        JsonNode stale = patch(Map.of("segments", List.of(Map.of("index", 0, "text", "late")), "expected_analysis_version", 1), 409);
        assertThat(stale.path("error").asText()).contains("analysis version 2");
    }

    @Test
    void badCorrectionsAreRefusedAndChangeNothing() {
        String project = api.createProject("bad corrections");
        String silent = api.upload(project, podcast.file()).path("asset_id").asText();
        api.awaitAssetSettled(silent);
        // no transcript yet: nothing to correct
        assertThat(patch(silent, Map.of("segments", List.of(Map.of("index", 0, "text", "x"))), 409).path("how_to_fix").asText())
                .contains("POST /v1/clips");
        patch("ast_missing", Map.of("segments", List.of(Map.of("index", 0, "text", "x"))), 404);

        int version = api.get("/v1/assets/" + asset, 200).path("analysis_version").asInt();
        assertThat(patch(Map.of("segments", List.of()), 422).path("error").asText()).contains("segments is required");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", 9999, "text", "x"))), 422).path("reason").asText())
                .isEqualTo("segment_not_found");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", 0, "text", "  "))), 422).path("error").asText())
                .contains("must not be empty");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", 0, "text", "a"), Map.of("index", 0, "text", "b"))), 422)
                .path("error").asText()).contains("twice");
        assertThat(patch(Map.of("segments", List.of(Map.of("text", "a"))), 422).path("error").asText()).contains("index");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", 0, "text", "x".repeat(2_001)))), 422).path("error")
                .asText()).contains("2000");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", "first", "text", "a"))), 400).path("code").asText())
                .isEqualTo("bad_request");
        assertThat(patch(Map.of("segments", List.of(Map.of("index", 0, "text", "a")), "colour", "red"), 400).path("code").asText())
                .isEqualTo("bad_request");
        byte[] broken = "{\"segments\": [".getBytes();
        api.http().patch().uri("/v1/assets/" + asset + "/transcript").contentType(MediaType.APPLICATION_JSON).bodyValue(broken)
                .exchange().expectStatus().isBadRequest();
        assertThat(api.get("/v1/assets/" + asset, 200).path("analysis_version").asInt()).as("nothing changed").isEqualTo(version);
    }

    private static JsonNode patch(Object body, int status) {
        return patch(asset, body, status);
    }

    private static JsonNode patch(String assetId, Object body, int status) {
        return api.http().patch().uri("/v1/assets/" + assetId + "/transcript").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult()
                .getResponseBody();
    }
}
