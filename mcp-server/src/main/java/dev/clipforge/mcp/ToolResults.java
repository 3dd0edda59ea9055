package dev.clipforge.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.common.json.Json;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Tool answers as MCP results: the value as structured content and as JSON text, errors as {@code isError}. */
final class ToolResults {
    private static final Logger log = LoggerFactory.getLogger(ToolResults.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ToolResults() {
    }

    /**
     * A tool's result with what the same call over REST would have answered: its HTTP status and, for an error,
     * its machine code (for the audit log).
     */
    record Outcome(CallToolResult result, int status, String errorCode) {
    }

    static Mono<Outcome> from(String tool, Mono<?> value) {
        return value.map(v -> new Outcome(result(v, false), 200, null))
                .switchIfEmpty(Mono.fromSupplier(() -> new Outcome(error(new ToolError("internal", null,
                        tool + " answered nothing", "call the tool again; if it keeps failing, check the server log")),
                        500, "internal")))
                .onErrorResume(e -> Mono.just(error(tool, e)));
    }

    static Outcome error(String tool, Throwable e) {
        if (e instanceof ToolArguments.BadArgument bad) {
            return new Outcome(error(new ToolError("bad_argument", bad.argument(), bad.getMessage(),
                    "call " + tool + " again with " + bad.argument() + " corrected (see the tool's input schema)")),
                    400, "bad_argument");
        }
        if (e instanceof ApiException api) {
            return new Outcome(error(new ToolError(api.code(), api.reason(), api.getMessage(), api.howToFix())),
                    api.status().value(), api.code());
        }
        log.error("tool {} failed", tool, e);
        return new Outcome(error(new ToolError("internal", null, tool + " failed: " + e.getMessage(),
                "call the tool again; if it keeps failing, check the server log")), 500, "internal");
    }

    private static CallToolResult error(ToolError error) {
        return result(Map.of("error", error), true);
    }

    private static CallToolResult result(Object value, boolean isError) {
        // through ClipForge's snake_case mapper, so MCP and REST clients see the same field names
        Map<String, Object> json = Json.mapper().convertValue(value, OBJECT);
        return CallToolResult.builder()
                .structuredContent(json)
                .addTextContent(Json.write(json))
                .isError(isError)
                .build();
    }
}
