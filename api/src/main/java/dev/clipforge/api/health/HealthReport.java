package dev.clipforge.api.health;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What {@code GET /v1/health} answers. */
public record HealthReport(String status, Map<String, Check> checks, Map<String, QueueCheck> taskQueues,
                           Map<String, Object> details) {

    @JsonIgnore
    public boolean up() {
        return "up".equals(status);
    }

    /** @param detail why it is down, or what is up (an address, a version) */
    public record Check(String status, long latencyMs, String detail) {
        public static Check up(long latencyMs, String detail) {
            return new Check("up", latencyMs, detail);
        }

        public static Check down(long latencyMs, String detail) {
            return new Check("down", latencyMs, detail);
        }

        @JsonIgnore
        public boolean isUp() {
            return "up".equals(status);
        }
    }

    /** @param source where the pollers were seen: the Temporal service, or the workers' own registry */
    public record QueueCheck(String status, String source, List<Poller> pollers) {
    }

    public record Poller(String identity, Instant lastSeenAt) {
    }
}
