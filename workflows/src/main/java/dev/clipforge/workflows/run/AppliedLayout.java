package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the planner actually produced, overall or for one shot. */
public enum AppliedLayout {
    @JsonProperty("focus") FOCUS,
    @JsonProperty("split") SPLIT,
    /** The whole frame fitted in 9:16 over a blurred fill of itself. */
    @JsonProperty("wide") WIDE,
    /** Shots with different layouts. */
    @JsonProperty("mixed") MIXED
}
