package dev.clipforge.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;

/** The {@code clip_a_video} prompt: the clip skill's workflow, step by step, for the video the user named. */
final class ClipPrompt {
    static final String NAME = "clip_a_video";

    private ClipPrompt() {
    }

    static AsyncPromptSpecification specification() {
        McpSchema.Prompt prompt = new McpSchema.Prompt(NAME, "Clip a video",
                "Turn a long video into a vertical short with ClipForge, following next_action until it is exported.",
                List.of(new McpSchema.PromptArgument("video", "a video URL, a YouTube URL, or an existing asset_id", true),
                        new McpSchema.PromptArgument("request", "what the user wants, e.g. 'the funniest 30 seconds'", false)));
        return new AsyncPromptSpecification(prompt, (exchange, request) -> Mono.fromSupplier(() -> {
            Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
            Object video = args.get("video");
            if (video == null || video.toString().isBlank()) {
                throw new IllegalArgumentException("the video argument is required: a URL or an asset_id");
            }
            Object wish = args.get("request");
            return new McpSchema.GetPromptResult("Clip " + video, List.of(new McpSchema.PromptMessage(
                    McpSchema.Role.USER, new McpSchema.TextContent(text(video.toString(),
                    wish == null ? null : wish.toString())))));
        }));
    }

    static String text(String video, String wish) {
        String source = video.startsWith("ast_") ? "asset_id \"" + video + "\""
                : video.contains("youtube.com/") || video.contains("youtu.be/") ? "youtube_url \"" + video + "\""
                : "url \"" + video + "\"";
        return """
                Make a vertical short from this video with the ClipForge tools: %s.%s

                1. Start: call create_clip with %s. Keep the clip_id it returns. Leave selection empty to let \
                ClipForge pick the best moment, unless the user asked for a specific moment or time range.
                2. Wait: while next_action is "poll", call get_clip with clip_id and wait_seconds 30. The run moves \
                through ingesting, transcribing, suggesting, analyzing, layout, captioning, rendering and qa on its own.
                3. Choose: once selection.alternatives is filled, show the user the moments as \
                '1. "Title" (score 0.92) 0:45-1:58 (73s) Hook: ...'. If they want another one, call reselect_clip \
                with its suggestion_id (or start_seconds and end_seconds), then go back to step 2.
                4. Follow next_action, never assumptions:
                   - "export": QA passed; call export_clip, then get_clip with wait_seconds until status is exported.
                   - "repair": QA blocked the clip; call repair_clip once (mode auto, or move_captions_off_faces when \
                a QA issue says captions cover a face), then go back to step 2.
                   - "reselect": the moment cannot be clipped well (invalid selection, or a podcast that would only \
                letterbox, or still blocked after one repair); call reselect_clip with another suggestion.
                   - "stop": the run is finished.
                5. Report the summary of the last answer: final_status, clip_id, the clip window, layout mode and \
                whether a fallback was used, captions and QA status with any issues, export status, and \
                short_download_url as the link to give the user. If final_status is failed, give error.message and \
                error.how_to_fix.
                """.formatted(source, wish == null || wish.isBlank() ? "" : " The user asked for: " + wish + ".", source);
    }
}
