package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum RepairMode {
    @JsonProperty("auto") AUTO,
    @JsonProperty("prefer_split") PREFER_SPLIT,
    @JsonProperty("prefer_focus") PREFER_FOCUS,
    @JsonProperty("move_captions_off_faces") MOVE_CAPTIONS_OFF_FACES
}
