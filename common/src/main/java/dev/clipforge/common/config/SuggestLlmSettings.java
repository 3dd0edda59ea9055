package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The optional language model that reranks the best moments and writes their titles, hooks and reasons. Off by
 * default: without it, moments are ranked by their features and titled from the transcript itself.
 *
 * @param provider          none (default: no language model), openai-compatible (any service with OpenAI's
 *                          /chat/completions: OpenAI, vLLM, llama.cpp server, LM Studio) or ollama
 * @param baseUrl           base URL of the service (https://api.openai.com/v1, http://vllm:8000/v1,
 *                          http://ollama:11434); empty = https://api.openai.com/v1 for openai-compatible,
 *                          http://localhost:11434 for ollama
 * @param apiKey            bearer token for the service; empty = none
 * @param model             model name the service expects (gpt-4o-mini, llama3.1:8b, ...); required when provider
 *                          is not none
 * @param topK              how many of the best non-overlapping moments the model reranks
 * @param requestsPerMinute most requests this worker process sends to the model per minute, all runs together;
 *                          requests beyond it wait their turn in order
 * @param timeout           longest wait for one answer
 * @param maxAttempts       tries of one rerank when the service answers 408, 429 or 5xx, or does not answer in time;
 *                          any other refusal is not retried
 * @param retryBackoff      wait before the second try; doubled before each further one
 */
public record SuggestLlmSettings(
        @DefaultValue("none") String provider,
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("") String model,
        @DefaultValue("10") int topK,
        @DefaultValue("30") int requestsPerMinute,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2s") Duration retryBackoff) {

    public static final String NONE = "none";
    public static final String OPENAI_COMPATIBLE = "openai-compatible";
    public static final String OLLAMA = "ollama";
    private static final List<String> PROVIDERS = List.of(NONE, OPENAI_COMPATIBLE, OLLAMA);

    public SuggestLlmSettings {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("clipforge.suggest.llm.provider (CLIPFORGE_SUGGEST_LLM_PROVIDER) must be "
                    + "none, openai-compatible or ollama, not '" + provider + "'");
        }
        if (!provider.equals(NONE) && model.isBlank()) {
            throw new IllegalArgumentException("the " + provider + " suggestion reranker needs a model name: set "
                    + "CLIPFORGE_SUGGEST_LLM_MODEL (clipforge.suggest.llm.model), e.g. gpt-4o-mini or llama3.1:8b");
        }
        if (!baseUrl.isBlank() && !baseUrl.matches("https?://.+")) {
            throw new IllegalArgumentException("clipforge.suggest.llm.base-url (CLIPFORGE_SUGGEST_LLM_BASEURL) must be an "
                    + "http(s) URL, not '" + baseUrl + "'");
        }
        if (topK < 1 || topK > 30) {
            throw new IllegalArgumentException("clipforge.suggest.llm.top-k must be between 1 and 30, not " + topK);
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("clipforge.suggest.llm.requests-per-minute must be at least 1, not "
                    + requestsPerMinute);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("clipforge.suggest.llm.max-attempts must be at least 1, not " + maxAttempts);
        }
        if (timeout.isNegative() || timeout.isZero() || retryBackoff.isNegative()) {
            throw new IllegalArgumentException("clipforge.suggest.llm.timeout must be positive and retry-backoff not negative");
        }
    }

    /** No language model: what the product does with nothing configured. */
    public static SuggestLlmSettings none() {
        return new SuggestLlmSettings(NONE, "", "", "", 10, 30, Duration.ofSeconds(60), 3, Duration.ofSeconds(2));
    }

    public boolean enabled() {
        return !provider.equals(NONE);
    }

    /** The base URL, or the provider's usual one when none is set. */
    public String effectiveBaseUrl() {
        if (!baseUrl.isBlank()) {
            return baseUrl;
        }
        return provider.equals(OLLAMA) ? "http://localhost:11434" : "https://api.openai.com/v1";
    }
}
