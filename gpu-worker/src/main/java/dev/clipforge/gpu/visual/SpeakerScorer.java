package dev.clipforge.gpu.visual;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Who is speaking, from how each face's mouth region moves along with the speech in the audio. For every
 * track and frame: the correlation, over a sliding window, between mouth motion and speech energy, and
 * how much the mouth moves relative to the other faces while speech is present. Computed as tensor
 * operations on DJL's PyTorch engine (on a GPU where the engine has one).
 */
public final class SpeakerScorer implements SpeakerScoring {
    /** Half-width of the sliding window, in seconds: about two syllables either side. */
    static final double HALF_WINDOW_SECONDS = 0.6;

    private final Device device;

    public SpeakerScorer() {
        Engine engine = Engine.getEngine("PyTorch");
        this.device = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
    }

    @Override
    public String name() {
        return "heuristic";
    }

    @Override
    public float[][] score(float[][] motion, float[][] present, float[] energy, double fps) {
        int tracks = motion.length;
        int frames = energy.length;
        if (tracks == 0 || frames == 0) {
            return new float[tracks][frames];
        }
        int half = Math.max(1, (int) Math.round(HALF_WINDOW_SECONDS * fps));
        try (NDManager nd = NDManager.newBaseManager(device, "PyTorch")) {
            NDArray m = nd.create(flatten(motion), new Shape(tracks, frames));
            NDArray p = nd.create(flatten(present), new Shape(tracks, frames));
            NDArray e = nd.create(energy, new Shape(1, frames)).broadcast(new Shape(tracks, frames));
            NDArray speech = nd.create(energy, new Shape(1, frames)).gt(1e-6).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);

            // Pearson correlation of motion and energy inside each window, over frames where the track is seen
            NDArray n = windowSum(p, half).maximum(1f);
            NDArray sm = windowSum(m.mul(p), half);
            NDArray se = windowSum(e.mul(p), half);
            NDArray smm = windowSum(m.mul(m).mul(p), half);
            NDArray see = windowSum(e.mul(e).mul(p), half);
            NDArray sme = windowSum(m.mul(e).mul(p), half);
            NDArray cov = sme.sub(sm.mul(se).div(n));
            NDArray var = smm.sub(sm.mul(sm).div(n)).mul(see.sub(se.mul(se).div(n))).maximum(1e-12f).sqrt();
            NDArray corr = cov.div(var).clip(0f, 1f);

            // mouth movement while speech is heard, relative to the most animated face at that moment
            NDArray activity = windowSum(m.mul(p).mul(speech.broadcast(new Shape(tracks, frames))), half).div(n);
            NDArray strongest = activity.max(new int[]{0}, true).maximum(1e-9f);
            NDArray relative = activity.div(strongest);

            NDArray speechNear = windowSum(speech, half).div((float) (2 * half + 1)).gt(0.2f)
                    .toType(ai.djl.ndarray.types.DataType.FLOAT32, false).broadcast(new Shape(tracks, frames));
            NDArray score = corr.mul(0.5f).add(relative.mul(0.5f)).mul(speechNear).mul(p);

            // one face on screen while someone speaks is, as far as the picture can tell, the speaker
            NDArray alone = p.sum(new int[]{0}, true).eq(1f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
                    .broadcast(new Shape(tracks, frames));
            score = score.maximum(alone.mul(p).mul(speechNear));

            return rows(score.toFloatArray(), tracks, frames);
        }
    }

    /** Sum over [i - half, i + half] along the frame axis, by differences of a cumulative sum. */
    private static NDArray windowSum(NDArray x, int half) {
        long rows = x.getShape().get(0);
        long frames = x.getShape().get(1);
        NDManager nd = x.getManager();
        NDArray padded = nd.zeros(new Shape(rows, 1)).concat(x, 1);
        NDArray cs = padded.cumSum(1);
        NDArray last = cs.get(new NDIndex(":, -1:"));
        NDArray tail = last.broadcast(new Shape(rows, half));
        NDArray extended = cs.concat(tail, 1);
        NDArray hi = extended.get(new NDIndex(":, {}:{}", half + 1, half + 1 + frames));
        NDArray lowPad = nd.zeros(new Shape(rows, half));
        NDArray lo = lowPad.concat(cs, 1).get(new NDIndex(":, 0:{}", frames));
        return hi.sub(lo);
    }

    /** [tracks][frames] from a row-major array. */
    static float[][] rows(float[] flat, int tracks, int frames) {
        float[][] out = new float[tracks][frames];
        for (int k = 0; k < tracks; k++) {
            System.arraycopy(flat, k * frames, out[k], 0, frames);
        }
        return out;
    }

    static float[] flatten(float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] out = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
