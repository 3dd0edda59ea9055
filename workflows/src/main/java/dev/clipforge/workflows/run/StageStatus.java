package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Progress of one stage, as {@code transcript_status}, {@code analysis_status}, {@code captions.status} show it. */
public enum StageStatus {
    @JsonProperty("pending") PENDING,
    @JsonProperty("running") RUNNING,
    @JsonProperty("ready") READY,
    @JsonProperty("failed") FAILED,
    /** The stage has nothing to do for this run: no audio to transcribe, captions switched off. */
    @JsonProperty("not_applicable") NOT_APPLICABLE;

    /** Ready, or nothing to do: later stages may go on. */
    public boolean done() {
        return this == READY || this == NOT_APPLICABLE;
    }
}
