package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A real MCP client, the official TypeScript SDK, takes a real video to an exported clip over streamable HTTP
 * by following next_action alone (with one reselect), gets isError results for bad calls, and reaches the same
 * tools over SSE. The script is {@code src/test/mcp-client/clip-over-mcp.mjs}.
 */
class McpClientTest {
    static final Path CLIENT = Path.of("src/test/mcp-client").toAbsolutePath();
    static final List<String> TOOLS = List.of("cancel_clip", "complete_upload", "create_asset_from_url", "create_clip",
            "create_upload", "export_clip", "get_asset", "get_clip", "get_transcript", "list_clips", "list_suggestions",
            "repair_clip", "reselect_clip");

    @TempDir
    static Path dir;

    @BeforeAll
    static void installClient() throws Exception {
        if (!Files.isDirectory(CLIENT.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        }
    }

    @Test
    void anAgentFollowsNextActionFromUrlToExportedClip() throws Exception {
        Stack stack = SharedStack.get();
        try (MediaServer media = new MediaServer(TestVideos.podcast().file())) {
            String out = run(List.of("node", "clip-over-mcp.mjs", stack.baseUrl(), media.url("/video.mp4"), stack.adminKey()), 600);
            JsonNode r = Json.mapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
            System.out.println("MCP client summary: " + r);

            assertThat(r.path("anonymous_refused").asBoolean()).as("a client without an API key is refused").isTrue();
            assertThat(r.path("tools")).extracting(JsonNode::asText).containsExactlyElementsOf(TOOLS);
            assertThat(r.path("prompts")).extracting(JsonNode::asText).contains("clip_a_video");
            assertThat(r.path("prompt_mentions_next_action").asBoolean()).isTrue();

            JsonNode errors = r.path("errors");
            errors.fields().forEachRemaining(e -> assertThat(e.getValue().path("is_error").asBoolean())
                    .as("%s is an isError result", e.getKey()).isTrue());
            assertThat(errors.path("unknown_clip").path("code").asText()).isEqualTo("not_found");
            assertThat(errors.path("unknown_asset").path("code").asText()).isEqualTo("not_found");
            for (String badArgument : List.of("wrong_type", "missing_argument", "unknown_argument", "no_source",
                    "two_sources", "bad_enum", "wait_too_long")) {
                assertThat(errors.path(badArgument).path("code").asText()).as(badArgument).isEqualTo("bad_argument");
                assertThat(errors.path(badArgument).path("how_to_fix").asText()).as(badArgument).isNotBlank();
            }
            assertThat(errors.path("private_url").path("code").asText()).isNotIn("internal", "");
            assertThat(errors.path("file_url").path("code").asText()).isNotIn("internal", "");

            assertThat(r.path("reselected_to").asText()).isNotBlank();
            assertThat(r.path("second_window").toString()).isNotEqualTo(r.path("first_window").toString());
            JsonNode summary = r.path("summary");
            assertThat(summary.path("final_status").asText()).as(r.path("actions").toString()).isEqualTo("completed");
            assertThat(summary.path("next_action").asText()).isEqualTo("stop");
            assertThat(summary.path("export_status").asText()).isEqualTo("completed");
            assertThat(summary.path("qa_status").asText()).isIn("passed", "warning");
            assertThat(r.path("suggestions").asInt()).isGreaterThan(1);
            assertThat(r.path("transcript_srt_starts").asText()).isEqualTo("1\n");
            assertThat(r.path("listed")).extracting(JsonNode::asText).contains(r.path("clip_id").asText());

            Path mp4 = dir.resolve("mcp.mp4");
            EndToEndTest.download(summary.path("short_download_url").asText(), stack.adminKey(), mp4);
            ProbeResult p = MediaChecks.probe(mp4);
            assertThat(p.width()).isEqualTo(720);
            assertThat(p.height()).isEqualTo(1280);
            assertThat(p.durationSeconds()).isCloseTo(summary.path("clip_window").path("duration_seconds").asDouble(),
                    within(0.05));
            assertThat(MediaChecks.audioLevelDb(mp4)).isGreaterThan(-40);

            assertThat(r.path("sse_tools").asInt()).isEqualTo(TOOLS.size());
            assertThat(r.path("sse_status").asText()).isEqualTo("exported");
            assertThat(r.path("sse_unknown").asBoolean()).isTrue();
        }
    }

    private static String run(List<String> command, int seconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "mcp-client", ".out");
        Path err = Files.createTempFile(dir, "mcp-client", ".err");
        Process p = new ProcessBuilder(command).directory(CLIENT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly().waitFor();
        }
        assertThat(done && p.exitValue() == 0).as("%s failed:%n%s%n%s", command, Files.readString(out),
                Files.readString(err)).isTrue();
        return Files.readString(out);
    }
}
