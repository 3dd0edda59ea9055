package dev.clipforge.gpu.visual;

/** Who is speaking, per face track and frame: the built-in heuristic or an operator's TorchScript model. */
public interface SpeakerScoring {

    /** heuristic, or torchscript:FILE, as /v1/health reports it. */
    String name();

    /**
     * @param motion  [tracks][frames] mouth motion, 0 where the track is not seen
     * @param present [tracks][frames] 1 where the track is seen
     * @param energy  [frames] speech energy of the audio (0 in silence)
     * @param fps     frames per second of the series
     * @return [tracks][frames] speaking probability 0..1
     */
    float[][] score(float[][] motion, float[][] present, float[] energy, double fps);
}
