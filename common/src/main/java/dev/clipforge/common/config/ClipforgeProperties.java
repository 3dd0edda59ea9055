package dev.clipforge.common.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.Set;

/**
 * Every ClipForge setting, bound from {@code clipforge.*} properties or their environment forms
 * ({@code clipforge.db.url} is {@code CLIPFORGE_DB_URL}; dashes drop out: {@code clipforge.s3.access-key}
 * is {@code CLIPFORGE_S3_ACCESSKEY}). Defaults run the whole product embedded with nothing set.
 *
 * @param dataDir where embedded Postgres, the embedded object store and generated secrets live
 * @param roles   which parts this process runs: {@code api}, {@code cpu} (cpu worker), {@code gpu} (gpu worker)
 */
@ConfigurationProperties("clipforge")
public record ClipforgeProperties(
        @DefaultValue("./.clipforge") Path dataDir,
        @DefaultValue({"api", "cpu", "gpu"}) Set<Role> roles,
        @DefaultValue @NestedConfigurationProperty HttpSettings http,
        @DefaultValue @NestedConfigurationProperty DatabaseSettings db,
        @DefaultValue @NestedConfigurationProperty TemporalSettings temporal,
        @DefaultValue @NestedConfigurationProperty ObjectStoreSettings s3,
        @DefaultValue @NestedConfigurationProperty WorkerSettings workers,
        @DefaultValue @NestedConfigurationProperty IngestSettings ingest,
        @DefaultValue @NestedConfigurationProperty TranscriptionSettings transcription,
        @DefaultValue @NestedConfigurationProperty WhisperSettings whisper,
        @DefaultValue @NestedConfigurationProperty VisualSettings visual,
        @DefaultValue @NestedConfigurationProperty SuggestSettings suggest,
        @DefaultValue @NestedConfigurationProperty RenderSettings render,
        @DefaultValue @NestedConfigurationProperty RunSettingsProperties runs) {

    public enum Role {
        API, CPU, GPU;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ClipforgeProperties {
        if (transcription.provider().equals(TranscriptionSettings.WHISPER_CPP) && whisper.model().isBlank()) {
            throw new IllegalArgumentException("the whisper-cpp provider needs a model file: set CLIPFORGE_WHISPER_MODEL "
                    + "(clipforge.whisper.model) to a whisper.cpp ggml model such as ggml-base.en.bin");
        }
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Local working space for media work; on a worker's own disk, never shared. */
    public Path scratchDir() {
        return ingest.scratchDir().isBlank() ? dataDir.resolve("scratch") : Path.of(ingest.scratchDir());
    }
}
