package dev.clipforge.api.audit;

import java.time.Instant;

/**
 * One mutating call.
 *
 * @param action   {@code POST /v1/clips}, or {@code mcp create_clip} for an MCP tool
 * @param resource the path called, or the id the tool acted on
 * @param status   the HTTP status answered (for MCP tools, the status the same call over REST would have had)
 * @param outcome  success or failure
 */
public record AuditEntry(String auditId, String organisationId, String apiKeyId, String action, String resource, int status,
                         String outcome, String errorCode, String remoteAddress, Instant createdAt) {
}
