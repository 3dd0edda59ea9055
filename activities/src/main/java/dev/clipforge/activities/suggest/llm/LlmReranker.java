package dev.clipforge.activities.suggest.llm;

import dev.clipforge.activities.suggest.MomentReranker;
import dev.clipforge.common.config.SuggestLlmSettings;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reranks the best moments with a language model (OpenAI-compatible or Ollama, through langchain4j) and lets it
 * write their titles, hooks and reasons. The model is optional, so it never fails a suggestion run: when the
 * service refuses, keeps failing, or answers outside the required shape, the features' ranking and the engine's
 * own titles stand, and the reason is logged and returned as a warning.
 */
public final class LlmReranker implements MomentReranker {
    private static final Logger log = LoggerFactory.getLogger(LlmReranker.class);

    private final RetryingChat chat;
    private final int topK;
    private final String identity;

    LlmReranker(ChatModel model, SuggestLlmSettings settings, RequestSpacing spacing) {
        this.chat = new RetryingChat(model, spacing, settings.maxAttempts(), settings.retryBackoff());
        this.topK = settings.topK();
        this.identity = settings.provider() + " " + settings.model() + " at " + settings.effectiveBaseUrl();
    }

    /** The reranker the settings describe, sending through {@code spacing} (one per worker process). */
    public static LlmReranker of(SuggestLlmSettings settings, RequestSpacing spacing) {
        return new LlmReranker(chatModel(settings), settings, spacing);
    }

    /** The provider's client, with its own retries off: {@link RetryingChat} retries, each try in the queue. */
    static ChatModel chatModel(SuggestLlmSettings s) {
        String key = s.apiKey().isBlank() ? null : s.apiKey();
        if (s.provider().equals(SuggestLlmSettings.OLLAMA)) {
            // Ollama itself takes no key; one set here is for a proxy in front of it
            return OllamaChatModel.builder().baseUrl(s.effectiveBaseUrl()).modelName(s.model()).timeout(s.timeout())
                    .customHeaders(key == null ? Map.of() : Map.of("Authorization", "Bearer " + key)).maxRetries(0).build();
        }
        if (s.provider().equals(SuggestLlmSettings.OPENAI_COMPATIBLE)) {
            return OpenAiChatModel.builder().baseUrl(s.effectiveBaseUrl()).apiKey(key).modelName(s.model())
                    .timeout(s.timeout()).maxRetries(0).build();
        }
        throw new IllegalArgumentException("no language model is configured (clipforge.suggest.llm.provider is none)");
    }

    @Override
    public int topK() {
        return topK;
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public Reranking rerank(List<Moment> moments, Runnable stillAlive) {
        if (moments.isEmpty()) {
            return Reranking.unchanged(List.of());
        }
        String answer;
        try {
            answer = chat.ask(RerankPrompt.request(moments), stillAlive);
        } catch (LlmUnavailable e) {
            return fallback(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback("interrupted while waiting for the language model");
        }
        Set<String> ids = moments.stream().map(Moment::id).collect(Collectors.toSet());
        try {
            RerankAnswer.Read read = RerankAnswer.read(answer, ids);
            List<String> warnings = new ArrayList<>();
            for (String d : read.dropped()) {
                warnings.add("language model answer: " + d + "; entry ignored");
                log.warn("{}: {}; entry ignored", identity, d);
            }
            return new Reranking(read.picks(), true, warnings);
        } catch (RerankAnswer.Invalid e) {
            return fallback("the language model's answer was rejected: " + e.getMessage());
        }
    }

    private Reranking fallback(String why) {
        log.warn("suggestions keep the features' ranking and titles: {} ({})", why, identity);
        return Reranking.unchanged(List.of(why + "; the features' ranking and titles were kept"));
    }
}
