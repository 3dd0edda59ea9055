package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Severity {
    @JsonProperty("critical") CRITICAL,
    @JsonProperty("warning") WARNING
}
