package dev.clipforge.common.config;

import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * @param weights    weight of each scoring feature (hook, self_contained, payoff, coherence, completeness, density,
 *                   energy, speaker_dynamics, duration_fit), e.g. {@code CLIPFORGE_SUGGEST_WEIGHTS_HOOK=3}
 * @param maxOverlap largest share of the shorter of two suggestions they may share
 * @param llm        the optional language model that reranks the best moments and titles them
 */
public record SuggestSettings(Map<String, Double> weights, @DefaultValue("0.3") double maxOverlap,
                              @DefaultValue @NestedConfigurationProperty SuggestLlmSettings llm) {

    public SuggestSettings {
        llm = llm == null ? SuggestLlmSettings.none() : llm;
        Map<String, Double> w = new LinkedHashMap<>(defaultWeights());
        if (weights != null) {
            w.putAll(weights);
        }
        weights = Map.copyOf(w);
    }

    /** The default weights and overlap, no language model: what the engine does with nothing configured. */
    public static SuggestSettings defaults() {
        return new SuggestSettings(null, 0.3, null);
    }

    public static Map<String, Double> defaultWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put("hook", 2.0);
        w.put("self_contained", 1.5);
        w.put("payoff", 1.5);
        w.put("coherence", 1.0);
        w.put("completeness", 1.0);
        w.put("density", 1.0);
        w.put("energy", 0.75);
        w.put("speaker_dynamics", 0.5);
        w.put("duration_fit", 0.75);
        return w;
    }
}
