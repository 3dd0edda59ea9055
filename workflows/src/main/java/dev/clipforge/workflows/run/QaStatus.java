package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code qa.status}: where visual QA stands, and its verdict once it ran. */
public enum QaStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("running") RUNNING,
    @JsonProperty("passed") PASSED,
    /** Only warnings: export is allowed in every QA mode. */
    @JsonProperty("warnings") WARNINGS,
    /** At least one critical finding. */
    @JsonProperty("failed") FAILED;

    public boolean verdict() {
        return this == PASSED || this == WARNINGS || this == FAILED;
    }
}
