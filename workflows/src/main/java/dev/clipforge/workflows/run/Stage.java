package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Pipeline stages in order; {@code progress.stage} and {@code error.step} name one of them. */
public enum Stage {
    @JsonProperty("ingest") INGEST,
    @JsonProperty("transcribe") TRANSCRIBE,
    @JsonProperty("suggest") SUGGEST,
    @JsonProperty("select") SELECT,
    @JsonProperty("analyze") ANALYZE,
    @JsonProperty("layout") LAYOUT,
    @JsonProperty("captions") CAPTIONS,
    @JsonProperty("render") RENDER,
    @JsonProperty("qa") QA,
    @JsonProperty("export") EXPORT;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
