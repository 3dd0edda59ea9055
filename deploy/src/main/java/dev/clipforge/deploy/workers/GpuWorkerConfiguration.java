package dev.clipforge.deploy.workers;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.TranscriptionSettings;
import dev.clipforge.common.config.ConditionalOnRole;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.asr.OpenAiCompatibleSpeechToText;
import dev.clipforge.gpu.asr.SphinxSpeechToText;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.transcribe.TranscribeActivitiesImpl;
import dev.clipforge.gpu.vad.SileroVad;
import dev.clipforge.gpu.visual.SpeakerScorer;
import dev.clipforge.gpu.visual.VisualActivitiesImpl;
import dev.clipforge.gpu.visual.VisualAnalyzer;
import dev.clipforge.workflows.TaskQueues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;

/** The {@code clipforge-gpu} worker: model inference for transcription and visual analysis. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ClipforgeProperties.Role.GPU)
public class GpuWorkerConfiguration {

    private static Path models(ClipforgeProperties p) {
        return p.dataDir().resolve("models");
    }

    @Bean(destroyMethod = "close")
    SileroVad sileroVad(ClipforgeProperties p) {
        return new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, models(p)),
                SileroVad.Settings.defaults());
    }

    @Bean(destroyMethod = "close")
    BlazeFace blazeFace(ClipforgeProperties p) {
        return new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, models(p)),
                p.visual().minFaceScore(), 0.3);
    }

    @Bean(destroyMethod = "close")
    SpeechToText speechToText(ClipforgeProperties p) {
        var t = p.transcription();
        return t.provider().equals(TranscriptionSettings.OPENAI_COMPATIBLE)
                ? new OpenAiCompatibleSpeechToText(t.openaiBaseUrl(), t.openaiApiKey(), t.openaiModel(), t.openaiTimeout(),
                t.effectiveParallelism())
                : new SphinxSpeechToText(t.sphinxBeamWidth(), t.effectiveParallelism());
    }

    @Bean
    QueueWorker gpuWorker(ClipforgeProperties p, JdbcTemplate jdbc, ObjectStore store, SileroVad vad, BlazeFace faces,
                          SpeechToText stt, SourceCache sources) {
        var assets = new AssetRows(jdbc);
        var leases = new ArtifactLeases(jdbc);
        var transcribe = new TranscribeActivitiesImpl(assets, store, leases, vad, stt, p.transcription(), p.scratchDir());
        var visual = new VisualActivitiesImpl(assets, store, leases, sources,
                new VisualAnalyzer(faces, new SpeakerScorer(), p.visual().sampleFps(), p.visual().tileSeconds()));
        return new QueueWorker(TaskQueues.GPU, p.workers().gpuSlots(), worker ->
                worker.registerActivitiesImplementations(transcribe, visual));
    }
}
