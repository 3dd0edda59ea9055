package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SourceType {
    @JsonProperty("asset") ASSET,
    @JsonProperty("url") URL,
    @JsonProperty("youtube") YOUTUBE
}
