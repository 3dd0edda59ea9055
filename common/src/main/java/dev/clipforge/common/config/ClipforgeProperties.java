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
 * @param auth    enabled: every API and MCP call needs an API key (Authorization: Bearer); disabled: development mode,
 *                no keys, every caller is the default organisation's admin, and the server only listens on loopback
 */
@ConfigurationProperties("clipforge")
public record ClipforgeProperties(
        @DefaultValue("./.clipforge") Path dataDir,
        @DefaultValue({"api", "cpu", "gpu"}) Set<Role> roles,
        @DefaultValue("enabled") AuthMode auth,
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
        @DefaultValue @NestedConfigurationProperty RunSettingsProperties runs,
        @DefaultValue @NestedConfigurationProperty LimitSettings limits,
        @DefaultValue @NestedConfigurationProperty WebhookSettings webhooks) {

    public enum Role {
        API, CPU, GPU;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public ClipforgeProperties {
        if (auth == AuthMode.DISABLED && !loopback(http.host())) {
            throw new IllegalArgumentException("CLIPFORGE_AUTH=disabled is a development mode and serves on loopback only,"
                    + " but CLIPFORGE_HTTP_HOST (clipforge.http.host) is " + http.host() + ": unset it, or enable auth");
        }
        if (transcription.provider().equals(TranscriptionSettings.WHISPER_CPP) && whisper.model().isBlank()) {
            throw new IllegalArgumentException("the whisper-cpp provider needs a model file: set CLIPFORGE_WHISPER_MODEL "
                    + "(clipforge.whisper.model) to a whisper.cpp ggml model such as ggml-base.en.bin");
        }
    }

    private static boolean loopback(String host) {
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public boolean authDisabled() {
        return auth == AuthMode.DISABLED;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    /** Local working space for media work; on a worker's own disk, never shared. */
    public Path scratchDir() {
        return ingest.scratchDir().isBlank() ? dataDir.resolve("scratch") : Path.of(ingest.scratchDir());
    }
}
