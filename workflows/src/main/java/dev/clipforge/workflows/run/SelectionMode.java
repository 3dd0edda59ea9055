package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum SelectionMode {
    @JsonProperty("auto_best") AUTO_BEST,
    @JsonProperty("suggestion") SUGGESTION,
    @JsonProperty("time_range") TIME_RANGE
}
