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

    public RunSettings runSettings() {
        var r = properties.runs();
        return new RunSettings(r.sourceWait(), Duration.ofSeconds(1), 1, r.suggestionCount(), r.analysisMargin(),
                r.idleTimeout());
    }
}
