package dev.clipforge.mcp;

import dev.clipforge.api.tenancy.AuthenticationFilter;
import dev.clipforge.api.tenancy.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpTransportContextExtractor;
import org.springframework.web.reactive.function.server.ServerRequest;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * Carries the caller the HTTP request was authenticated as (by {@link AuthenticationFilter}) into the MCP transport
 * context, where each tool call finds it: every tool acts for the organisation of the key on its own request.
 */
final class McpCallers {
    private static final String CALLER = "clipforge.caller";
    private static final String REMOTE = "clipforge.remote";

    static final McpTransportContextExtractor<ServerRequest> EXTRACTOR = request -> {
        Map<String, Object> values = new HashMap<>();
        Object caller = request.exchange().getAttribute(AuthenticationFilter.CALLER);
        if (caller != null) {
            values.put(CALLER, caller);
        }
        InetSocketAddress remote = request.exchange().getRequest().getRemoteAddress();
        if (remote != null) {
            values.put(REMOTE, remote.getAddress().getHostAddress());
        }
        return McpTransportContext.create(values);
    };

    private McpCallers() {
    }

    static Caller caller(McpTransportContext context) {
        return context == null ? null : (Caller) context.get(CALLER);
    }

    static String remote(McpTransportContext context) {
        return context == null ? null : (String) context.get(REMOTE);
    }
}
