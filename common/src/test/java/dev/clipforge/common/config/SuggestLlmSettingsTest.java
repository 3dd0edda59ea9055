package dev.clipforge.common.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The language-model settings of the suggestion engine: off with nothing set, refused by name when incomplete. */
class SuggestLlmSettingsTest {

    private static SuggestSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("clipforge.suggest", Bindable.of(SuggestSettings.class));
    }

    @Test
    void withNothingSetThereIsNoLanguageModel() {
        SuggestSettings s = bind(Map.of());

        assertThat(s.llm().enabled()).isFalse();
        assertThat(s.llm()).isEqualTo(SuggestLlmSettings.none());
        assertThat(s.weights()).containsKeys("coherence", "completeness");
    }

    @Test
    void anOpenAiCompatibleModelBindsFromItsProperties() {
        SuggestSettings s = bind(Map.of("clipforge.suggest.llm.provider", "openai-compatible",
                "clipforge.suggest.llm.model", "gpt-4o-mini", "clipforge.suggest.llm.requests-per-minute", "12",
                "clipforge.suggest.llm.timeout", "30s"));

        assertThat(s.llm().enabled()).isTrue();
        assertThat(s.llm().effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(s.llm().requestsPerMinute()).isEqualTo(12);
        assertThat(s.llm().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.llm().topK()).isEqualTo(10);
    }

    @Test
    void ollamaDefaultsToTheLocalService() {
        SuggestSettings s = bind(Map.of("clipforge.suggest.llm.provider", "ollama", "clipforge.suggest.llm.model", "llama3.1:8b"));

        assertThat(s.llm().effectiveBaseUrl()).isEqualTo("http://localhost:11434");
    }

    @Test
    void aProviderWithoutAModelOrAnUnknownProviderIsRefusedByName() {
        assertThatThrownBy(() -> bind(Map.of("clipforge.suggest.llm.provider", "ollama")))
                .rootCause().hasMessageContaining("CLIPFORGE_SUGGEST_LLM_MODEL");
        assertThatThrownBy(() -> bind(Map.of("clipforge.suggest.llm.provider", "gpt")))
                .rootCause().hasMessageContaining("none, openai-compatible or ollama");
        assertThatThrownBy(() -> bind(Map.of("clipforge.suggest.llm.provider", "ollama", "clipforge.suggest.llm.model", "m",
                "clipforge.suggest.llm.base-url", "ollama:11434")))
                .rootCause().hasMessageContaining("CLIPFORGE_SUGGEST_LLM_BASEURL");
        assertThatThrownBy(() -> bind(Map.of("clipforge.suggest.llm.requests-per-minute", "0")))
                .rootCause().hasMessageContaining("requests-per-minute");
    }
}
