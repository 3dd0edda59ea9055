package dev.clipforge.workflows.run;

import java.time.Duration;

/**
 * Operator settings a run is started with. Carried in the workflow input, so a configuration change
 * affects new runs and never the decisions (and replay) of running ones.
 *
 * @param sourceWait      how long the run waits for its source to be uploaded and ingested
 * @param sourcePoll      first interval between source checks while waiting (doubling up to ten times it)
 * @param maxRepairPasses repair passes allowed per selection (the contract says one)
 * @param suggestionCount alternatives computed and shown
 * @param analysisMargin  seconds of source analysed on each side of the window
 * @param idleTimeout     how long a ready, blocked or exported run stays open for commands before it closes
 */
public record RunSettings(Duration sourceWait, Duration sourcePoll, int maxRepairPasses, int suggestionCount,
                          double analysisMargin, Duration idleTimeout) {
    public static RunSettings defaults() {
        return new RunSettings(Duration.ofHours(2), Duration.ofSeconds(1), 1, 5, 2.0, Duration.ofDays(7));
    }
}
