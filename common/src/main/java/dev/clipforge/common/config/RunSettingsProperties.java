package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Clip-run settings new runs are started with (running runs keep theirs).
 *
 * @param sourceWait      how long a run waits for its asset to be uploaded and ingested before failing
 * @param suggestionCount alternatives each run computes and shows
 * @param analysisMargin  seconds analysed on each side of the window, so a small reselect reuses the analysis
 * @param idleTimeout     how long a ready, blocked or exported run accepts commands before it closes
 * @param maxWait         longest long-poll a client may ask for ({@code wait_seconds})
 */
public record RunSettingsProperties(
        @DefaultValue("2h") Duration sourceWait,
        @DefaultValue("5") int suggestionCount,
        @DefaultValue("2.0") double analysisMargin,
        @DefaultValue("7d") Duration idleTimeout,
        @DefaultValue("60s") Duration maxWait) {
}
