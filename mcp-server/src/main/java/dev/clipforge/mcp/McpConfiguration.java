package dev.clipforge.mcp;

import dev.clipforge.api.analysis.AnalysisService;
import dev.clipforge.api.assets.AssetService;
import dev.clipforge.api.audit.AuditLog;
import dev.clipforge.api.clips.ClipService;
import dev.clipforge.api.projects.ProjectService;
import dev.clipforge.common.config.ClipforgeProperties.Role;
import dev.clipforge.common.config.ConditionalOnRole;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.AsyncToolSpecification;
import io.modelcontextprotocol.server.transport.WebFluxSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.WebFluxStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;

import java.time.Duration;
import java.util.List;

/**
 * The MCP endpoint: Spring AI serves the tools and the prompt over streamable HTTP at {@code /mcp}; a second
 * server on the same specifications serves older clients over SSE ({@code GET /sse}, {@code POST /mcp/message}).
 */
@Configuration
@ConditionalOnRole(Role.API)
public class McpConfiguration {
    static final String INSTRUCTIONS = "ClipForge makes vertical short clips from long videos. " + ClipTools.CONTRACT;

    @Bean
    public ClipTools clipTools(ClipService clips, AssetService assets, ProjectService projects, AnalysisService analysis,
                               AuditLog audit) {
        return new ClipTools(clips, assets, projects, analysis, audit);
    }

    /**
     * Spring AI's streamable transport, made here (it steps aside for a bean of this type) so each request carries
     * its authenticated caller to the tools.
     */
    @Bean
    public WebFluxStreamableServerTransportProvider webFluxStreamableServerTransportProvider(
            @Value("${spring.ai.mcp.server.streamable-http.mcp-endpoint:/mcp}") String endpoint) {
        return WebFluxStreamableServerTransportProvider.builder()
                .jsonMapper(McpJsonMapper.getDefault())
                .messageEndpoint(endpoint)
                .contextExtractor(McpCallers.EXTRACTOR)
                .build();
    }

    @Bean
    public List<AsyncToolSpecification> clipforgeTools(ClipTools tools) {
        return tools.specifications();
    }

    @Bean
    public List<AsyncPromptSpecification> clipforgePrompts() {
        return List.of(ClipPrompt.specification());
    }

    /**
     * The transport is not a bean: Spring AI's server takes the one transport bean there is, the streamable one.
     */
    @Bean(destroyMethod = "close")
    public LegacySseServer legacySseServer(ClipTools tools, @Value("${spring.ai.mcp.server.version:0.1.0}") String version) {
        WebFluxSseServerTransportProvider transport = new WebFluxSseServerTransportProvider.Builder()
                .jsonMapper(McpJsonMapper.getDefault())
                .sseEndpoint("/sse")
                .messageEndpoint("/mcp/message")
                .keepAliveInterval(Duration.ofSeconds(20))
                .contextExtractor(McpCallers.EXTRACTOR)
                .build();
        McpAsyncServer server = McpServer.async(transport)
                .serverInfo("clipforge", version)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).prompts(false).build())
                .tools(tools.specifications())
                .prompts(ClipPrompt.specification())
                .requestTimeout(Duration.ofSeconds(90))
                .build();
        return new LegacySseServer(transport, server);
    }

    @Bean
    public RouterFunction<?> legacySseRoutes(LegacySseServer sse) {
        return sse.transport().getRouterFunction();
    }

    /** Holds the SSE server (not as an {@link McpAsyncServer} bean, which would stand in for Spring AI's own). */
    public record LegacySseServer(WebFluxSseServerTransportProvider transport, McpAsyncServer server) {
        public void close() {
            server.closeGracefully().block(Duration.ofSeconds(5));
        }
    }
}
