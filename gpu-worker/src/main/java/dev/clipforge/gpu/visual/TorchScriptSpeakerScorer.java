package dev.clipforge.gpu.visual;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.clipforge.gpu.models.InUse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An operator's active-speaker model in place of the built-in heuristic: a TorchScript module, run on DJL's
 * PyTorch engine (on a GPU where the engine has one), with the heuristic's contract:
 * {@code forward(motion [tracks, frames], present [tracks, frames], energy [1, frames]) -> [tracks, frames]}
 * in 0..1. The model is tried once at start-up, so a model with another contract stops the start.
 */
public final class TorchScriptSpeakerScorer implements SpeakerScoring, AutoCloseable {
    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final InUse inUse = new InUse("active-speaker");

    public TorchScriptSpeakerScorer(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException("the active-speaker model " + file.toAbsolutePath() + " does not exist or cannot be "
                    + "read: set CLIPFORGE_VISUAL_SPEAKERMODEL (clipforge.visual.speaker-model) to a TorchScript file, or "
                    + "leave it empty for the built-in scorer");
        }
        Device device = Engine.getEngine("PyTorch").getGpuCount() > 0 ? Device.gpu() : Device.cpu();
        try {
            this.model = Criteria.builder().setTypes(NDList.class, NDList.class).optModelPath(file).optEngine("PyTorch")
                    .optDevice(device).optTranslator(new NoopTranslator()).build().loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new IllegalStateException(file.toAbsolutePath() + " is not a TorchScript model DJL's PyTorch engine can load ("
                    + e.getMessage() + "): set CLIPFORGE_VISUAL_SPEAKERMODEL to a file saved with torch.jit.save", e);
        }
        float[][] probe = new float[2][30];
        float[] energy = new float[30];
        try {
            score(probe, probe, energy, 25);
        } catch (RuntimeException e) {
            model.close();
            throw new IllegalStateException("the active-speaker model " + file.getFileName() + " does not keep ClipForge's "
                    + "contract, forward(motion [tracks, frames], present [tracks, frames], energy [1, frames]) -> "
                    + "[tracks, frames]: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "torchscript:" + file.getFileName();
    }

    @Override
    public float[][] score(float[][] motion, float[][] present, float[] energy, double fps) {
        int tracks = motion.length;
        int frames = energy.length;
        if (tracks == 0 || frames == 0) {
            return new float[tracks][frames];
        }
        inUse.enter();
        try (NDManager nd = model.getNDManager().newSubManager(); Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDList out = predictor.predict(new NDList(nd.create(SpeakerScorer.flatten(motion), new Shape(tracks, frames)),
                    nd.create(SpeakerScorer.flatten(present), new Shape(tracks, frames)), nd.create(energy, new Shape(1, frames))));
            NDArray scores = out.singletonOrThrow();
            if (!scores.getShape().equals(new Shape(tracks, frames))) {
                throw new IllegalStateException("the model returned shape " + scores.getShape() + " for " + tracks
                        + " tracks and " + frames + " frames");
            }
            return SpeakerScorer.rows(scores.toType(DataType.FLOAT32, false).clip(0f, 1f).toFloatArray(), tracks, frames);
        } catch (TranslateException e) {
            throw new IllegalStateException("the active-speaker model failed: " + e.getMessage(), e);
        } finally {
            inUse.exit();
        }
    }

    @Override
    public void close() {
        inUse.close(model::close);
    }
}
