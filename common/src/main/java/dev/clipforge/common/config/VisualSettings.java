package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param sampleFps         frames per second on which faces are detected (motion is measured on every frame)
 * @param tileSeconds       length of the stretches analysed and cached independently
 * @param minFaceScore      detections below this confidence are ignored
 * @param sourceCacheSize   disk a worker may use to keep sources between activities
 */
public record VisualSettings(
        @DefaultValue("5") double sampleFps,
        @DefaultValue("10") double tileSeconds,
        @DefaultValue("0.6") double minFaceScore,
        @DefaultValue("20GB") DataSize sourceCacheSize) {
}
