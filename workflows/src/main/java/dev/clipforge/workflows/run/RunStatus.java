package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code status} field of a clip run. */
public enum RunStatus {
    @JsonProperty("queued") QUEUED,
    @JsonProperty("ingesting") INGESTING,
    @JsonProperty("transcribing") TRANSCRIBING,
    @JsonProperty("suggesting") SUGGESTING,
    @JsonProperty("analyzing") ANALYZING,
    @JsonProperty("layout") LAYOUT,
    @JsonProperty("captioning") CAPTIONING,
    @JsonProperty("rendering") RENDERING,
    @JsonProperty("qa") QA,
    @JsonProperty("blocked") BLOCKED,
    @JsonProperty("ready") READY,
    @JsonProperty("exporting") EXPORTING,
    @JsonProperty("exported") EXPORTED,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED;

    public boolean terminal() {
        return this == EXPORTED || this == FAILED || this == CANCELLED;
    }

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
