package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param encoder        libx264, or h264_nvenc to encode on an NVIDIA GPU where NVENC opens (else libx264, with a log line)
 * @param loudnessTarget integrated loudness of exports and previews, LUFS
 * @param truePeak       peak ceiling, dBTP
 */
public record RenderSettings(
        @DefaultValue("libx264") String encoder,
        @DefaultValue("-14") double loudnessTarget,
        @DefaultValue("-1") double truePeak) {
}
