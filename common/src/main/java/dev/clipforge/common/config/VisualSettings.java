package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param sampleFps         frames per second on which faces are detected (motion is measured on every frame)
 * @param tileSeconds       length of the stretches analysed and cached independently
 * @param minFaceScore      detections below this confidence are ignored
 * @param sourceCacheSize   disk a worker may use to keep sources between activities
 * @param faceDetector      blazeface (ONNX, the default; Haar is used instead if ONNX Runtime cannot load) or haar
 *                          (OpenCV's frontal-face cascade: no model runtime, frontal faces only)
 * @param speakerModel      a TorchScript active-speaker model to use instead of the built-in scorer, taking
 *                          (motion [tracks, frames], present [tracks, frames], energy [1, frames]) and returning
 *                          [tracks, frames] in 0..1; empty = the built-in scorer
 */
public record VisualSettings(
        @DefaultValue("5") double sampleFps,
        @DefaultValue("10") double tileSeconds,
        @DefaultValue("0.6") double minFaceScore,
        @DefaultValue("20GB") DataSize sourceCacheSize,
        @DefaultValue(BLAZEFACE) String faceDetector,
        @DefaultValue("") String speakerModel) {

    public static final String BLAZEFACE = "blazeface";
    public static final String HAAR = "haar";

    public VisualSettings {
        if (!BLAZEFACE.equals(faceDetector) && !HAAR.equals(faceDetector)) {
            throw new IllegalArgumentException("clipforge.visual.face-detector must be blazeface or haar, not " + faceDetector);
        }
    }
}
