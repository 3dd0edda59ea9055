package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.activities.media.Fixtures;
import dev.clipforge.common.json.Json;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations on one server: another tenant's ids are "not found" on every endpoint and every MCP tool, never
 * forbidden and never data; keys are checked, revocable and scoped by role; limits hold per organisation; and every
 * mutating call lands in the caller's audit log.
 */
class TenancyTest {
    static final String SECRET_NAME = "A's secret project";
    static Stack stack;
    static Tenants.Tenant a;
    static Tenants.Tenant b;
    /** A's ids, by kind. */
    static String project, asset, clip, export, theme, webhook, memberKeyId;
    @TempDir
    static Path media;

    @BeforeAll
    static void tenantAOwnsOneOfEverything() throws Exception {
        stack = SharedStack.get();
        a = Tenants.create(stack, "tenant A");
        b = Tenants.create(stack, "tenant B");
        project = a.api().createProject(SECRET_NAME);
        asset = a.api().upload(project, Fixtures.countingVideo(media, 3, 25)).path("asset_id").asText();
        clip = a.api().postJson("/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset),
                "selection", Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 2.5),
                "target", Map.of("min_duration_seconds", 1, "max_duration_seconds", 5),
                "export", Map.of("auto_export", true, "quality", "720p")), 201).path("clip_id").asText();
        JsonNode exported = a.api().awaitNextAction(clip, "stop", "reselect", "repair");
        assertThat(exported.path("status").asText()).as(exported.toString()).isEqualTo("exported");
        export = exported.path("export").path("export_id").asText();
        theme = a.api().postJson("/v1/caption-themes", Map.of("name", "A's theme"), 201).path("id").asText();
        webhook = a.api().postJson("/v1/webhooks", Map.of("url", "http://localhost:9/hook"), 201).path("webhook_id").asText();
        memberKeyId = a.api().postJson("/v1/api-keys", Map.of("name", "A's member"), 201).path("details").path("api_key_id").asText();
    }

    record Call(HttpMethod method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Call call(HttpMethod method, String path) {
        return new Call(method, path, null);
    }

    static Call call(HttpMethod method, String path, Object body) {
        return new Call(method, path, body);
    }

    /** Every endpoint that takes an id, called with one of A's. */
    static List<Call> matrix() {
        return List.of(
                call(HttpMethod.GET, "/v1/projects/" + project),
                call(HttpMethod.DELETE, "/v1/projects/" + project),
                call(HttpMethod.GET, "/v1/assets?project_id=" + project),
                call(HttpMethod.GET, "/v1/clips?project_id=" + project),
                call(HttpMethod.POST, "/v1/assets", Map.of("project_id", project, "url", "http://localhost:9/v.mp4")),
                call(HttpMethod.POST, "/v1/assets", Map.of("project_id", project, "filename", "x.mp4", "size_bytes", 10)),
                call(HttpMethod.GET, "/v1/assets/" + asset),
                call(HttpMethod.POST, "/v1/assets/" + asset + "/complete", Map.of()),
                call(HttpMethod.POST, "/v1/assets/" + asset + "/preview/frame", Map.of("ts", 1)),
                call(HttpMethod.POST, "/v1/assets/" + asset + "/preview/strip", Map.of("start", 0, "end", 1, "fps", 1)),
                call(HttpMethod.GET, "/v1/assets/" + asset + "/transcript"),
                call(HttpMethod.GET, "/v1/assets/" + asset + "/transcript.srt"),
                call(HttpMethod.GET, "/v1/assets/" + asset + "/transcript.vtt"),
                call(HttpMethod.PATCH, "/v1/assets/" + asset + "/transcript", Map.of("segments", List.of(Map.of("index", 0, "text", "x")))),
                call(HttpMethod.GET, "/v1/assets/" + asset + "/suggestions"),
                call(HttpMethod.POST, "/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", asset))),
                call(HttpMethod.POST, "/v1/clips", Map.of("project_id", project,
                        "source", Map.of("source_type", "url", "url", "http://localhost:9/v.mp4"))),
                call(HttpMethod.POST, "/v1/clips", Map.of("source", Map.of("source_type", "asset", "asset_id", "ast_none"),
                        "captions", Map.of("style_id", theme))),
                call(HttpMethod.GET, "/v1/clips/" + clip),
                call(HttpMethod.GET, "/v1/clips/" + clip + "?wait_seconds=1"),
                call(HttpMethod.POST, "/v1/clips/" + clip + "/reselect",
                        Map.of("selection_mode", "time_range", "start_seconds", 0.5, "end_seconds", 2.0)),
                call(HttpMethod.POST, "/v1/clips/" + clip + "/repair", Map.of("mode", "auto")),
                call(HttpMethod.POST, "/v1/clips/" + clip + "/export", Map.of("quality", "1080p")),
                call(HttpMethod.POST, "/v1/clips/" + clip + "/cancel"),
                call(HttpMethod.GET, "/v1/exports/" + export + "/download"),
                call(HttpMethod.GET, "/v1/caption-themes/" + theme),
                call(HttpMethod.PATCH, "/v1/caption-themes/" + theme, Map.of("font_size", 50)),
                call(HttpMethod.DELETE, "/v1/caption-themes/" + theme),
                call(HttpMethod.GET, "/v1/webhooks/" + webhook),
                call(HttpMethod.DELETE, "/v1/webhooks/" + webhook),
                call(HttpMethod.DELETE, "/v1/api-keys/" + memberKeyId),
                call(HttpMethod.GET, "/v1/api-keys?organisation_id=" + a.organisationId()),
                call(HttpMethod.POST, "/v1/api-keys", Map.of("name", "into A", "organisation_id", a.organisationId())),
                call(HttpMethod.GET, "/v1/organisations/" + a.organisationId()),
                call(HttpMethod.PATCH, "/v1/organisations/" + a.organisationId(), Map.of("name", "taken over")));
    }

    static EntityExchangeResult<byte[]> send(org.springframework.test.web.reactive.server.WebTestClient http, Call c) {
        var spec = http.method(c.method()).uri(c.path());
        var request = c.body() == null ? spec : spec.contentType(MediaType.APPLICATION_JSON).bodyValue(c.body());
        return request.exchange().expectBody().returnResult();
    }

    @Test
    void anotherOrganisationsIdsAreNotFoundOnEveryEndpoint() {
        List<String> wrong = new ArrayList<>();
        for (Call c : matrix()) {
            EntityExchangeResult<byte[]> r = send(b.http(), c);
            String body = r.getResponseBody() == null ? "" : new String(r.getResponseBody());
            JsonNode problem = body.isEmpty() ? Json.mapper().createObjectNode() : Json.read(body, JsonNode.class);
            if (r.getStatus().value() != 404 || !"not_found".equals(problem.path("code").asText())
                    || body.contains(SECRET_NAME) || body.contains("A's theme")) {
                wrong.add(c + " -> " + r.getStatus().value() + " " + body);
            }
        }
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.ByteArrayResource(new byte[]{1, 2, 3}) {
            @Override
            public String getFilename() {
                return "x.mp4";
            }
        }).contentType(MediaType.parseMediaType("video/mp4"));
        b.http().post().uri("/v1/assets?project_id=" + project).contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build())).exchange().expectStatus().isNotFound();
        b.http().get().uri("/v1/clips/" + clip + "/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isNotFound();
        assertThat(wrong).as("calls with A's ids that did not answer a plain 404").isEmpty();

        // nothing of A shows up in B's lists
        assertThat(ids(b.api().get("/v1/projects?limit=100", 200), "project_id")).doesNotContain(project);
        assertThat(ids(b.api().get("/v1/clips?limit=100", 200), "clip_id")).doesNotContain(clip);
        assertThat(ids(b.api().get("/v1/caption-themes?limit=100", 200), "id")).doesNotContain(theme);
        assertThat(ids(b.api().get("/v1/webhooks?limit=100", 200), "webhook_id")).doesNotContain(webhook);
        assertThat(ids(b.api().get("/v1/api-keys?limit=100", 200), "api_key_id")).doesNotContain(memberKeyId, a.ownerKeyId());
        assertThat(ids(b.api().get("/v1/organisations", 200), "organisation_id")).containsExactly(b.organisationId());
        assertThat(b.api().get("/v1/webhooks/deliveries?webhook_id=" + webhook, 200).path("items")).isEmpty();
        assertThat(b.api().get("/v1/audit/logs?api_key_id=" + a.ownerKeyId(), 200).path("items")).isEmpty();

        // and A still has all of it, untouched
        assertThat(a.api().get("/v1/projects/" + project, 200).path("name").asText()).isEqualTo(SECRET_NAME);
        assertThat(a.api().get("/v1/clips/" + clip, 200).path("status").asText()).isEqualTo("exported");
        assertThat(a.api().get("/v1/caption-themes/" + theme, 200).path("font_size").asInt()).isNotEqualTo(50);
        a.api().get("/v1/webhooks/" + webhook, 200);
        assertThat(a.api().get("/v1/organisations/" + a.organisationId(), 200).path("name").asText()).isEqualTo("tenant A");
        JsonNode keys = a.api().get("/v1/api-keys", 200);
        assertThat(keys.path("items")).allSatisfy(k -> assertThat(k.path("revoked_at").isNull()).isTrue());
    }

    @Test
    void anotherOrganisationsIdsAreNotFoundByEveryMcpTool() {
        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("create_asset_from_url", Map.of("url", "http://localhost:9/v.mp4", "project_id", project));
        calls.put("create_upload", Map.of("filename", "x.mp4", "size_bytes", 10, "project_id", project));
        calls.put("complete_upload", Map.of("asset_id", asset));
        calls.put("get_asset", Map.of("asset_id", asset));
        calls.put("list_suggestions", Map.of("asset_id", asset));
        calls.put("get_transcript", Map.of("asset_id", asset));
        calls.put("create_clip", Map.of("asset_id", asset));
        calls.put("get_clip", Map.of("clip_id", clip));
        calls.put("list_clips", Map.of("project_id", project));
        calls.put("reselect_clip", Map.of("clip_id", clip, "start_seconds", 0.5, "end_seconds", 2.0));
        calls.put("repair_clip", Map.of("clip_id", clip, "mode", "auto"));
        calls.put("export_clip", Map.of("clip_id", clip, "quality", "1080p"));
        calls.put("cancel_clip", Map.of("clip_id", clip));
        McpSyncClient mcp = b.mcp(stack);
        try {
            assertThat(mcp.listTools().tools()).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(calls.keySet());
            List<String> wrong = new ArrayList<>();
            calls.forEach((tool, args) -> {
                McpSchema.CallToolResult r = mcp.callTool(new McpSchema.CallToolRequest(tool, args));
                JsonNode value = Json.mapper().valueToTree(r.structuredContent());
                if (!Boolean.TRUE.equals(r.isError()) || !"not_found".equals(value.path("error").path("code").asText())
                        || value.toString().contains(SECRET_NAME)) {
                    wrong.add(tool + " -> " + value);
                }
            });
            assertThat(wrong).as("MCP tools called with A's ids that did not answer not_found").isEmpty();
        } finally {
            mcp.closeGracefully();
        }
        assertThat(a.api().get("/v1/clips/" + clip, 200).path("status").asText()).isEqualTo("exported");
        // B's own calls are audited in B's log, as MCP tool calls
        JsonNode audited = b.http().get().uri(u -> u.path("/v1/audit/logs").queryParam("action", "mcp cancel_clip").build())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(audited.path("items").get(0).path("resource").asText()).isEqualTo(clip);
        assertThat(audited.path("items").get(0).path("status").asInt()).isEqualTo(404);
        assertThat(audited.path("items").get(0).path("outcome").asText()).isEqualTo("failure");
    }

    @Test
    void missingMalformedUnknownAndRevokedKeysAreRefused() {
        for (String header : new String[]{null, "Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-key",
                "Bearer cfk_abcdefgh_" + "A".repeat(40)}) {
            var request = stack.http(null).get().uri("/v1/projects");
            if (header != null) {
                request = request.header("Authorization", header);
            }
            request.exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"clipforge\"")
                    .expectBody().jsonPath("$.code").isEqualTo("unauthorized").jsonPath("$.how_to_fix").exists();
        }
        // the MCP endpoint is behind the same check
        stack.http(null).post().uri("/mcp").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("jsonrpc", "2.0", "id", 1, "method", "tools/list")).exchange().expectStatus().isUnauthorized();
        // health stays open for load balancers
        stack.http(null).get().uri("/v1/health").exchange().expectStatus().isOk();

        Tenants.Tenant c = Tenants.create(stack, "tenant C");
        JsonNode created = c.api().postJson("/v1/api-keys", Map.of("name", "to revoke"), 201);
        String key = created.path("api_key").asText();
        stack.http(key).get().uri("/v1/projects").exchange().expectStatus().isOk();
        JsonNode revoked = c.api().http().delete().uri("/v1/api-keys/" + created.path("details").path("api_key_id").asText())
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(revoked.path("revoked_at").asText()).isNotBlank();
        stack.http(key).get().uri("/v1/projects").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").value(m -> assertThat((String) m).contains("revoked"));
        assertThat(Json.read(c.api().get("/v1/api-keys", 200).toString(), JsonNode.class).toString()).doesNotContain(key);
    }

    @Test
    void rolesDecideWhoManagesTheOrganisation() {
        Tenants.Tenant d = Tenants.create(stack, "tenant D");
        Api member = new Api(stack.http(d.key(stack, "member")));
        // members work with the organisation's media...
        member.createProject("member's project");
        // ...but neither manage keys, webhooks or the audit log, nor create organisations
        for (JsonNode refused : List.of(member.postJson("/v1/api-keys", Map.of("name", "x"), 403),
                member.get("/v1/api-keys", 403), member.get("/v1/audit/logs", 403),
                member.postJson("/v1/webhooks", Map.of("url", "http://localhost:9/x"), 403),
                member.postJson("/v1/organisations", Map.of("name", "mine"), 403))) {
            assertThat(refused.path("code").asText()).isEqualTo("forbidden");
        }
        // an owner makes owner and member keys, not admin keys, and no organisations
        d.api().postJson("/v1/api-keys", Map.of("name", "x", "role", "admin"), 403);
        d.api().postJson("/v1/organisations", Map.of("name", "mine"), 403);
        d.api().postJson("/v1/api-keys", Map.of("name", "x", "role", "root"), 422);
        // the last admin key cannot be revoked, which would lock the operator out
        Api admin = new Api(stack);
        List<JsonNode> admins = new ArrayList<>();
        admin.get("/v1/api-keys?limit=100", 200).path("items").forEach(k -> {
            if ("admin".equals(k.path("role").asText()) && k.path("revoked_at").isNull()) {
                admins.add(k);
            }
        });
        assertThat(admins).hasSize(1);
        JsonNode refused = admin.http().delete().uri("/v1/api-keys/" + admins.get(0).path("api_key_id").asText()).exchange()
                .expectStatus().isEqualTo(409).expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.path("how_to_fix").asText()).contains("another admin key");
        admin.get("/v1/projects", 200);
    }

    @Test
    void anOrganisationOverItsRequestRateGets429WithRetryAfter() {
        Tenants.Tenant slow = Tenants.create(stack, "slow tenant", Map.of("requests_per_minute", 5));
        for (int i = 0; i < 5; i++) {
            slow.http().get().uri("/v1/projects").exchange().expectStatus().isOk();
        }
        var refused = slow.http().get().uri("/v1/projects").exchange().expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(JsonNode.class).returnResult();
        assertThat(refused.getResponseBody().path("code").asText()).isEqualTo("rate_limited");
        // five a minute: the next token comes within 12 s
        assertThat(Long.parseLong(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1L, 12L);
        // another organisation is not slowed down
        b.http().get().uri("/v1/projects").exchange().expectStatus().isOk();
    }

    @Test
    void uploadSizeSourceDurationAndExportsAreLimitedPerOrganisation() throws Exception {
        Tenants.Tenant small = Tenants.create(stack, "small tenant",
                Map.of("max_upload_bytes", 100_000, "max_source_seconds", 2, "exports_per_day", 0));
        String p = small.api().createProject("limits");
        JsonNode tooBig = small.api().postJson("/v1/assets", Map.of("project_id", p, "filename", "big.mp4",
                "size_bytes", 200_000), 413);
        assertThat(tooBig.path("error").asText()).contains("upload limit");
        JsonNode org = small.api().get("/v1/organisations/" + small.organisationId(), 200);
        assertThat(org.path("limits").path("max_upload_bytes").asLong()).isEqualTo(100_000);
        assertThat(org.path("limits").path("concurrent_runs").asInt()).isEqualTo(4);

        JsonNode tooLong = small.api().upload(p, Fixtures.countingVideo(media, 3, 10));
        assertThat(tooLong.path("status").asText()).isEqualTo("failed");
        assertThat(tooLong.path("error").path("code").asText()).isEqualTo("too_long");
        assertThat(tooLong.path("error").path("how_to_fix").asText()).contains("max_source_seconds");

        var refused = small.http().post().uri("/v1/clips").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("source", Map.of("source_type", "asset", "asset_id", tooLong.path("asset_id").asText()),
                        "export", Map.of("auto_export", true)))
                .exchange().expectStatus().isEqualTo(429).expectBody(JsonNode.class).returnResult();
        assertThat(refused.getResponseBody().path("reason").asText()).isEqualTo("export_limit_reached");
        assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
        // other organisations keep the server's defaults
        assertThat(b.api().get("/v1/organisations/" + b.organisationId(), 200).path("limits").path("exports_per_day").asInt())
                .isEqualTo(200);
    }

    @Test
    void everyMutatingCallIsAudited() {
        Tenants.Tenant e = Tenants.create(stack, "tenant E");
        String p = e.api().createProject("audited");
        e.api().postJson("/v1/caption-themes", Map.of("name", 7), 400);
        e.http().delete().uri("/v1/projects/" + p).exchange().expectStatus().isOk();
        e.api().get("/v1/projects", 200);

        JsonNode log = e.api().get("/v1/audit/logs", 200);
        List<String> actions = new ArrayList<>();
        log.path("items").forEach(i -> actions.add(i.path("action").asText() + " " + i.path("status").asInt() + " "
                + i.path("outcome").asText()));
        assertThat(actions).containsExactly("DELETE /v1/projects/" + p + " 200 success",
                "POST /v1/caption-themes 400 failure", "POST /v1/projects 201 success");
        JsonNode newest = log.path("items").get(0);
        assertThat(newest.path("api_key_id").asText()).isEqualTo(e.ownerKeyId());
        assertThat(newest.path("organisation_id").asText()).isEqualTo(e.organisationId());
        assertThat(newest.path("created_at").asText()).isNotBlank();
        assertThat(newest.path("remote_address").asText()).isEqualTo("127.0.0.1");
        assertThat(log.path("items").get(1).path("error_code").asText()).isEqualTo("bad_request");

        JsonNode page = e.api().get("/v1/audit/logs?limit=1&offset=1", 200);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("action").asText()).isEqualTo("POST /v1/caption-themes");
        assertThat(page.path("pagination").path("total").asLong()).isEqualTo(3);
    }

    private static List<String> ids(JsonNode page, String field) {
        return page.path("items").findValuesAsText(field);
    }
}
