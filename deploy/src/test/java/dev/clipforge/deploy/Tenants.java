package dev.clipforge.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.Map;

/** Organisations made by the stack's admin for a test, each with an owner key. */
final class Tenants {
    private Tenants() {
    }

    record Tenant(String organisationId, String ownerKey, String ownerKeyId, Api api, WebTestClient http) {
        /** A key of this organisation with another role. */
        String key(Stack stack, String role) {
            return api.postJson("/v1/api-keys", Map.of("name", "a " + role, "role", role), 201).path("api_key").asText();
        }

        /** A real MCP client (the Java SDK) over streamable HTTP, signed in with the owner key. */
        McpSyncClient mcp(Stack stack) {
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(stack.baseUrl()).endpoint("/mcp")
                            .customizeRequest(b -> b.header("Authorization", "Bearer " + ownerKey)).build())
                    .requestTimeout(Duration.ofSeconds(60)).build();
            client.initialize();
            return client;
        }
    }

    static Tenant create(Stack stack, String name, Map<String, Object> limits) {
        Api admin = new Api(stack);
        JsonNode org = admin.postJson("/v1/organisations", Map.of("name", name, "limits", limits), 201);
        String id = org.path("organisation_id").asText();
        JsonNode key = admin.postJson("/v1/api-keys", Map.of("name", name + " owner", "role", "owner", "organisation_id", id), 201);
        String secret = key.path("api_key").asText();
        WebTestClient http = stack.http(secret);
        return new Tenant(id, secret, key.path("details").path("api_key_id").asText(), new Api(http), http);
    }

    static Tenant create(Stack stack, String name) {
        return create(stack, name, Map.of());
    }
}
