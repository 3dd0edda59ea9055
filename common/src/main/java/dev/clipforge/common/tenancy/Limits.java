package dev.clipforge.common.tenancy;

import dev.clipforge.common.config.ClipforgeProperties;

/**
 * What one organisation may use: the configured defaults ({@code clipforge.limits.*}, with upload size and
 * source duration from {@code clipforge.ingest.*}) under the overrides an admin set for it.
 */
public record Limits(int concurrentRuns, int requestsPerMinute, long maxUploadBytes, long maxSourceSeconds,
                     int exportsPerDay) {

    /** An organisation's own values, as stored in {@code organisations.limits}; a null field takes the default. */
    public record Overrides(Integer concurrentRuns, Integer requestsPerMinute, Long maxUploadBytes, Long maxSourceSeconds,
                            Integer exportsPerDay) {
        public static final Overrides NONE = new Overrides(null, null, null, null, null);
    }

    public static Limits of(ClipforgeProperties p, Overrides o) {
        Overrides v = o == null ? Overrides.NONE : o;
        return new Limits(
                v.concurrentRuns() != null ? v.concurrentRuns() : p.limits().concurrentRuns(),
                v.requestsPerMinute() != null ? v.requestsPerMinute() : p.limits().requestsPerMinute(),
                v.maxUploadBytes() != null ? v.maxUploadBytes() : p.ingest().maxUploadSize().toBytes(),
                v.maxSourceSeconds() != null ? v.maxSourceSeconds() : p.ingest().maxDuration().toSeconds(),
                v.exportsPerDay() != null ? v.exportsPerDay() : p.limits().exportsPerDay());
    }
}
