package dev.clipforge.gpu.asr;

import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.TranscriptionSettings;
import dev.clipforge.common.config.WhisperSettings;
import io.github.givimad.whisperjni.WhisperJNI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whisper-cpp provider as far as this machine can take it: the bundled native library loads, and every
 * way of getting the model wrong is refused with the setting to fix. No Whisper model can be obtained here
 * (no model hub), so real inference is left to operators who configure one.
 */
class WhisperCppSpeechToTextTest {
    @TempDir
    Path dir;

    @Test
    void theBundledNativeLibraryLoadsHere() throws Exception {
        WhisperJNI.loadLibrary();
        assertThat(new WhisperJNI().getSystemInfo()).contains("AVX");
    }

    @Test
    void aMissingModelNamesTheSettingToFix() {
        assertThatThrownBy(() -> new WhisperCppSpeechToText(dir.resolve("ggml-base.en.bin"), "auto", 0, 1, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("CLIPFORGE_WHISPER_MODEL");
    }

    @Test
    void aFileThatIsNotAWhisperModelIsRefused() throws Exception {
        Path notAModel = dir.resolve("ggml-tiny.bin");
        Files.write(notAModel, "this is not a ggml model, just text in a file with the right name".getBytes());
        assertThatThrownBy(() -> new WhisperCppSpeechToText(notAModel, "en", 1, 2, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is not a whisper.cpp model").hasMessageContaining("CLIPFORGE_WHISPER_MODEL");
    }

    @Test
    void choosingWhisperCppWithoutAModelStopsTheStart() {
        assertThatThrownBy(() -> bind(Map.of("clipforge.transcription.provider", "whisper-cpp")))
                .rootCause().hasMessageContaining("needs a model file").hasMessageContaining("CLIPFORGE_WHISPER_MODEL");
        ClipforgeProperties ok = bind(Map.of("clipforge.transcription.provider", "whisper-cpp",
                "clipforge.whisper.model", "/models/ggml-base.en.bin"));
        assertThat(ok.transcription().provider()).isEqualTo(TranscriptionSettings.WHISPER_CPP);
        assertThat(ok.whisper().language()).isEqualTo("auto");
        assertThatThrownBy(() -> new WhisperSettings("m", "english", 0, true)).hasMessageContaining("two-letter");
        assertThatThrownBy(() -> bind(Map.of("clipforge.transcription.provider", "whisper")))
                .rootCause().hasMessageContaining("sphinx, whisper-cpp or openai-compatible");
    }

    @Test
    void aTranscriptSaysOnlyTheLanguageItCanKnow() {
        assertThat(WhisperCppSpeechToText.reportedLanguage("de", true)).isEqualTo("de");
        assertThat(WhisperCppSpeechToText.reportedLanguage("en", false)).isEqualTo("en");
        assertThat(WhisperCppSpeechToText.reportedLanguage("auto", false)).as("an English-only model hears English").isEqualTo("en");
        assertThat(WhisperCppSpeechToText.reportedLanguage("auto", true)).as("whisper-jni hides what it detected").isEqualTo("und");
    }

    private static ClipforgeProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("clipforge", ClipforgeProperties.class);
    }
}
