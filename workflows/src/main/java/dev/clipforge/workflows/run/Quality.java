package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Export sizes (9:16): 720x1280 or 1080x1920. */
public enum Quality {
    @JsonProperty("720p") P720(720, 1280),
    @JsonProperty("1080p") P1080(1080, 1920);

    public final int width;
    public final int height;

    Quality(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public String wire() {
        return this == P720 ? "720p" : "1080p";
    }
}
