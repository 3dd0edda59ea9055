package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits every organisation gets unless an admin sets its own ({@code PATCH /v1/organisations/{id}}). Upload
 * size and source duration default to {@code clipforge.ingest.max-upload-size} and {@code clipforge.ingest.max-duration}.
 *
 * @param concurrentRuns    clip runs of one organisation working at once; more are queued (status queued), not refused
 * @param requestsPerMinute API and MCP requests one organisation may make per minute (per API process); beyond, 429 with Retry-After
 * @param exportsPerDay     exports one organisation may start in any 24 hours; beyond, 429 with Retry-After
 */
public record LimitSettings(
        @DefaultValue("4") int concurrentRuns,
        @DefaultValue("600") int requestsPerMinute,
        @DefaultValue("200") int exportsPerDay) {

    public LimitSettings {
        if (concurrentRuns < 1 || requestsPerMinute < 1 || exportsPerDay < 0) {
            throw new IllegalArgumentException("clipforge.limits: concurrent-runs and requests-per-minute must be at least 1,"
                    + " exports-per-day at least 0");
        }
    }
}
