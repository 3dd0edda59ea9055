package dev.clipforge.api.clips;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.workflows.run.RunSettings;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** The operator settings a run is started (or restarted) with. */
@Component
public class RunSettingsFactory {
    private final ClipforgeProperties properties;

    public RunSettingsFactory(ClipforgeProperties properties) {
        this.properties = properties;
    }

    /** A run's clip length when its request names none: also what suggestions made outside a run aim for. */
    public static final double DEFAULT_MAX_SECONDS = 75;
    public static final double DEFAULT_MIN_SECONDS = 15;

    public double defaultMinSeconds() {
        return DEFAULT_MIN_SECONDS;
    }

    public double defaultMaxSeconds() {
        return DEFAULT_MAX_SECONDS;
    }

    public RunSettings runSettings() {
        var r = properties.runs();
        return new RunSettings(r.sourceWait(), Duration.ofSeconds(1), 1, r.suggestionCount(), r.analysisMargin(),
                r.idleTimeout());
    }
}
