package dev.clipforge.workflows.run;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum QaMode {
    /** A critical QA finding blocks export. */
    @JsonProperty("required") REQUIRED,
    /** Export is allowed with findings. */
    @JsonProperty("permissive") PERMISSIVE
}
