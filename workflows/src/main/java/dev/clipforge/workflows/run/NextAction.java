package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the caller should do next: the one field an agent follows. */
public enum NextAction {
    @JsonProperty("poll") POLL,
    @JsonProperty("reselect") RESELECT,
    @JsonProperty("repair") REPAIR,
    @JsonProperty("export") EXPORT,
    @JsonProperty("stop") STOP;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
