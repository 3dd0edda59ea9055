package dev.clipforge.activities.suggest;

import java.util.List;

/** Turns sentences into unit-length vectors whose dot product says how close their meanings are. */
public interface SentenceEmbedder {
    /** One unit vector per text, in order. */
    float[][] embed(List<String> texts);

    /** The model, as {@code /v1/health} and logs name it. */
    String name();
}
