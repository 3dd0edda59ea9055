package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.Fixtures;
import dev.clipforge.common.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint that reads a JSON body, sent what it cannot read: broken JSON, the wrong shape, wrong types,
 * unknown fields and a body far over the limit. Each answer is a 400 or 413 problem document, never a 500.
 */
class RequestValidationTest {
    static Api api;
    static String project, asset, clip, theme, organisation;
    @TempDir
    static Path media;

    @BeforeAll
    static void resources() throws Exception {
        Stack stack = SharedStack.get();
        api = new Api(stack);
        project = api.createProject("validation");
        asset = api.upload(project, Fixtures.countingVideo(media, 2, 25)).path("asset_id").asText();
        clip = api.postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.2, "end_seconds", 1.8),
                "target", Map.of("min_duration_seconds", 1, "max_duration_seconds", 5)), 201).path("clip_id").asText();
        theme = api.postJson("/v1/caption-themes", Map.of("name", "validation"), 201).path("id").asText();
        organisation = api.postJson("/v1/organisations", Map.of("name", "validation"), 201).path("organisation_id").asText();
    }

    /** An endpoint with a body, and one of its fields given a value of the wrong type. */
    record Endpoint(HttpMethod method, String path, String wrongType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.POST, "/v1/projects", "{\"name\": 42}"),
                new Endpoint(HttpMethod.POST, "/v1/assets", "{\"project_id\": 42, \"url\": \"http://localhost/x.mp4\"}"),
                new Endpoint(HttpMethod.POST, "/v1/assets/" + asset + "/preview/frame", "{\"ts\": \"soon\"}"),
                new Endpoint(HttpMethod.POST, "/v1/assets/" + asset + "/preview/strip", "{\"start\": 0, \"end\": 1, \"fps\": \"fast\"}"),
                new Endpoint(HttpMethod.PATCH, "/v1/assets/" + asset + "/transcript", "{\"segments\": \"all\"}"),
                new Endpoint(HttpMethod.POST, "/v1/clips", "{\"source\": \"asset\"}"),
                new Endpoint(HttpMethod.POST, "/v1/clips/" + clip + "/reselect", "{\"selection_mode\": \"time_range\", \"start_seconds\": \"soon\"}"),
                new Endpoint(HttpMethod.POST, "/v1/clips/" + clip + "/repair", "{\"mode\": 5}"),
                new Endpoint(HttpMethod.POST, "/v1/clips/" + clip + "/export", "{\"quality\": 1080}"),
                new Endpoint(HttpMethod.POST, "/v1/caption-themes", "{\"name\": \"x\", \"font_size\": \"big\"}"),
                new Endpoint(HttpMethod.PATCH, "/v1/caption-themes/" + theme, "{\"uppercase\": \"yes\"}"),
                new Endpoint(HttpMethod.POST, "/v1/organisations", "{\"name\": \"x\", \"limits\": 5}"),
                new Endpoint(HttpMethod.PATCH, "/v1/organisations/" + organisation, "{\"limits\": {\"concurrent_runs\": \"many\"}}"),
                new Endpoint(HttpMethod.POST, "/v1/api-keys", "{\"name\": [\"x\"]}"),
                new Endpoint(HttpMethod.POST, "/v1/webhooks", "{\"url\": \"http://localhost/h\", \"events\": \"all\"}"));
    }

    @Test
    void unreadableBodiesAreProblemsOnEveryEndpoint() {
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            Map<String, String> cases = new java.util.LinkedHashMap<>();
            cases.put("broken JSON", "{\"name\": ");
            cases.put("not an object", "[1, 2, 3]");
            cases.put("unknown field", "{\"zzz_unknown_field\": 1}");
            cases.put("wrong type", e.wrongType());
            cases.put("nested unknown field", e.path().startsWith("/v1/organisations/")
                    ? "{\"limits\": {\"zzz_unknown_field\": 1}}" : "{\"zzz_unknown_field\": {\"a\": 1}}");
            cases.forEach((name, body) -> check(e, name, body, 400, "bad_request", wrong));
            check(e, "a megabyte body", huge, 413, "too_large", wrong);
        }
        assertThat(wrong).as("answers that were not the expected problem").isEmpty();
        // and nothing was changed by any of it
        assertThat(api.get("/v1/caption-themes/" + theme, 200).path("uppercase").asBoolean()).isFalse();
        assertThat(api.get("/v1/organisations/" + organisation, 200).path("limit_overrides").path("concurrent_runs").isNull()).isTrue();
    }

    private static void check(Endpoint e, String name, String body, int status, String code, List<String> wrong) {
        var result = api.http().method(e.method()).uri(e.path()).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult();
        String answer = result.getResponseBody() == null ? "" : result.getResponseBody();
        MediaType type = result.getResponseHeaders().getContentType();
        JsonNode problem = answer.startsWith("{") ? Json.read(answer, JsonNode.class) : Json.mapper().createObjectNode();
        if (result.getStatus().value() != status || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)
                || !code.equals(problem.path("code").asText()) || problem.path("error").asText().isBlank()) {
            wrong.add(e + " with " + name + " -> " + result.getStatus().value() + " " + abbreviate(answer));
        }
        if (name.equals("unknown field") && !problem.path("error").asText().contains("zzz_unknown_field")) {
            wrong.add(e + " with an unknown field does not name it: " + abbreviate(answer));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
