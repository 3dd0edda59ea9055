package dev.clipforge.gpu.models;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;

import java.nio.file.Path;
import java.util.Map;

/** ONNX models loaded through DJL's ONNX Runtime engine. */
public final class OnnxModels {
    private OnnxModels() {
    }

    /**
     * Loads a model whose session logs errors only: ONNX Runtime otherwise reports graph-optimiser details
     * (unused initialisers of the shipped models) on stderr at every start.
     */
    public static ZooModel<NDList, NDList> load(Path modelFile, String purpose) {
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            // DJL's OrtModel takes a SessionOptions object under "sessionOptions" from the model options, a map
            // the builder types as strings; the unchecked map hands it the object it casts to
            @SuppressWarnings({"unchecked", "rawtypes"})
            Map<String, String> modelOptions = (Map) Map.of("sessionOptions", options);
            return Criteria.builder().setTypes(NDList.class, NDList.class)
                    .optModelPath(modelFile)
                    .optEngine("OnnxRuntime")
                    .optOptions(modelOptions)
                    .build().loadModel();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot configure ONNX Runtime for the " + purpose + " model", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the " + purpose + " model " + modelFile + ": " + e.getMessage(), e);
        }
    }
}
