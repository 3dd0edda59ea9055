package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum LayoutMode {
    @JsonProperty("auto") AUTO,
    @JsonProperty("prefer_split") PREFER_SPLIT,
    @JsonProperty("prefer_focus") PREFER_FOCUS
}
