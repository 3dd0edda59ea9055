package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum ExportStatus {
    @JsonProperty("not_started") NOT_STARTED,
    @JsonProperty("running") RUNNING,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("failed") FAILED
}
