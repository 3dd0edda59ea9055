package dev.clipforge.deploy.workers;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.api.health.HealthContributor;
import dev.clipforge.api.health.HealthReport;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.config.TranscriptionSettings;
import dev.clipforge.common.config.VisualSettings;
import dev.clipforge.common.config.ConditionalOnRole;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.asr.OpenAiCompatibleSpeechToText;
import dev.clipforge.gpu.asr.SphinxSpeechToText;
import dev.clipforge.gpu.asr.WhisperCppSpeechToText;
import dev.clipforge.gpu.faces.BlazeFace;
import dev.clipforge.gpu.faces.FaceDetector;
import dev.clipforge.gpu.faces.HaarFaces;
import dev.clipforge.gpu.models.ModelFiles;
import dev.clipforge.gpu.transcribe.TranscribeActivitiesImpl;
import dev.clipforge.gpu.vad.SileroVad;
import dev.clipforge.gpu.visual.SpeakerScorer;
import dev.clipforge.gpu.visual.SpeakerScoring;
import dev.clipforge.gpu.visual.TorchScriptSpeakerScorer;
import dev.clipforge.gpu.visual.VisualActivitiesImpl;
import dev.clipforge.gpu.visual.VisualAnalyzer;
import dev.clipforge.workflows.TaskQueues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Mono;

import java.nio.file.Path;

/** The {@code clipforge-gpu} worker: model inference for transcription and visual analysis. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRole(ClipforgeProperties.Role.GPU)
public class GpuWorkerConfiguration {
    private static final Logger log = LoggerFactory.getLogger(GpuWorkerConfiguration.class);

    private static Path models(ClipforgeProperties p) {
        return p.dataDir().resolve("models");
    }

    @Bean(destroyMethod = "close")
    SileroVad sileroVad(ClipforgeProperties p) {
        return new SileroVad(ModelFiles.extract(ModelFiles.SILERO_VAD, ModelFiles.SILERO_VAD_SHA256, models(p)),
                SileroVad.Settings.defaults());
    }

    /** BlazeFace unless Haar is configured, or unless ONNX Runtime cannot run here: then Haar, said in the log. */
    @Bean(destroyMethod = "close")
    FaceDetector faceDetector(ClipforgeProperties p) {
        if (p.visual().faceDetector().equals(VisualSettings.HAAR)) {
            return new HaarFaces();
        }
        try {
            return new BlazeFace(ModelFiles.extract(ModelFiles.BLAZEFACE, ModelFiles.BLAZEFACE_SHA256, models(p)),
                    p.visual().minFaceScore(), 0.3);
        } catch (RuntimeException | LinkageError e) {
            log.warn("BlazeFace could not load ({}); detecting faces with OpenCV's Haar cascade instead, which finds "
                    + "frontal faces only", e.toString());
            return new HaarFaces();
        }
    }

    @Bean(destroyMethod = "close")
    SpeechToText speechToText(ClipforgeProperties p) {
        var t = p.transcription();
        return switch (t.provider()) {
            case TranscriptionSettings.OPENAI_COMPATIBLE -> new OpenAiCompatibleSpeechToText(t.openaiBaseUrl(),
                    t.openaiApiKey(), t.openaiModel(), t.openaiTimeout(), t.effectiveParallelism());
            case TranscriptionSettings.WHISPER_CPP -> new WhisperCppSpeechToText(Path.of(p.whisper().model()),
                    p.whisper().language(), p.whisper().threads(), t.effectiveParallelism(), p.whisper().useGpu());
            default -> new SphinxSpeechToText(t.sphinxBeamWidth(), t.effectiveParallelism());
        };
    }

    /** Word timings for text known without them: sidecar cues, sentence-timed providers, corrections. */
    @Bean
    ForcedAligner forcedAligner(ClipforgeProperties p) {
        return new ForcedAligner(p.scratchDir().resolve("align"));
    }

    /** The operator's TorchScript active-speaker model when one is configured, else the built-in scorer. */
    @Bean
    SpeakerScoring speakerScoring(ClipforgeProperties p) {
        String model = p.visual().speakerModel();
        return model.isBlank() ? new SpeakerScorer() : new TorchScriptSpeakerScorer(Path.of(model));
    }

    /** /v1/health names the models this worker runs: face detector, active-speaker scorer, speech-to-text. */
    @Bean
    HealthContributor faceDetection(FaceDetector faces) {
        return contributor("face_detection", faces.name());
    }

    @Bean
    HealthContributor activeSpeaker(SpeakerScoring speakers) {
        return contributor("active_speaker", speakers.name());
    }

    @Bean
    HealthContributor transcription(SpeechToText stt) {
        return contributor("transcription", stt.name());
    }

    private static HealthContributor contributor(String name, String detail) {
        return new HealthContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<HealthReport.Check> check() {
                return Mono.just(HealthReport.Check.up(0, detail));
            }
        };
    }

    @Bean
    QueueWorker gpuWorker(ClipforgeProperties p, JdbcTemplate jdbc, ObjectStore store, SileroVad vad, FaceDetector faces,
                          SpeechToText stt, ForcedAligner aligner, SpeakerScoring speakers, SourceCache sources) {
        var assets = new AssetRows(jdbc);
        var leases = new ArtifactLeases(jdbc);
        var transcribe = new TranscribeActivitiesImpl(assets, store, leases, vad, stt, aligner, p.transcription(), p.scratchDir());
        var visual = new VisualActivitiesImpl(assets, store, leases, sources,
                new VisualAnalyzer(faces, speakers, p.visual().sampleFps(), p.visual().tileSeconds()));
        return new QueueWorker(TaskQueues.GPU, p.workers().gpuSlots(), worker ->
                worker.registerActivitiesImplementations(transcribe, visual));
    }
}
