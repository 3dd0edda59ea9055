package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a run waits or is blocked. */
public enum BlockingReason {
    @JsonProperty("source_not_ready") SOURCE_NOT_READY,
    @JsonProperty("suggestions_not_ready") SUGGESTIONS_NOT_READY,
    @JsonProperty("analysis_not_ready") ANALYSIS_NOT_READY,
    @JsonProperty("invalid_selection") INVALID_SELECTION,
    @JsonProperty("letterbox_rejected") LETTERBOX_REJECTED,
    @JsonProperty("visual_qa_failed") VISUAL_QA_FAILED,
    /** The organisation already has as many runs working as its limit allows; this one waits its turn. */
    @JsonProperty("run_limit_reached") RUN_LIMIT_REACHED
}
