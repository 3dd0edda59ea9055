package dev.clipforge.gpu.transcribe;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.config.TranscriptionSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Sidecars;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.gpu.asr.ForcedAligner;
import dev.clipforge.gpu.asr.SpeechToText;
import dev.clipforge.gpu.vad.SileroVad;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.run.StageStatus;
import dev.clipforge.workflows.stages.StageFailures;
import dev.clipforge.workflows.stages.TranscribeActivities;
import dev.clipforge.workflows.stages.TranscriptRef;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transcribes an asset once per analysis version: a sidecar transcript wins over speech recognition;
 * otherwise voice activity, chunking and the configured recogniser. The result is cached in the store
 * and computed by one worker at a time.
 */
public class TranscribeActivitiesImpl implements TranscribeActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final ArtifactLeases leases;
    private final TranscriptionPipeline pipeline;
    private final TranscriptionSettings settings;
    private final Path scratchRoot;
    private final String provider;
    private final ForcedAligner aligner;
    private final SidecarTranscriber sidecars;

    public TranscribeActivitiesImpl(AssetRows assets, ObjectStore store, ArtifactLeases leases, SileroVad vad,
                                    SpeechToText stt, ForcedAligner aligner, TranscriptionSettings settings, Path scratchRoot) {
        this.assets = assets;
        this.store = store;
        this.leases = leases;
        this.settings = settings;
        this.scratchRoot = scratchRoot;
        this.provider = stt.name();
        this.aligner = aligner;
        this.sidecars = new SidecarTranscriber(vad, aligner, settings.minPauseSeconds());
        this.pipeline = new TranscriptionPipeline(vad, stt, aligner, settings.effectiveParallelism(), settings.maxChunkSeconds(),
                settings.minPauseSeconds());
    }

    @Override
    public TranscriptRef transcribe(Request request) {
        AssetRows.Row row = assets.find(request.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + request.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        String key = ObjectKeys.transcript(row.projectId(), row.id(), request.analysisVersion());
        ActivityExecutionContext activity = Activity.getExecutionContext();
        Transcript transcript = leases.once(key, settings.leaseTtl(), activity,
                () -> store.findBytes(key).map(b -> Json.read(b, Transcript.class)),
                () -> {
                    Transcript t = compute(row, request.analysisVersion(), activity);
                    store.put(key, Json.writeBytes(t), "application/json");
                    return t;
                });
        return new TranscriptRef(row.id(), request.analysisVersion(), StageStatus.READY, key, transcript.endSeconds(),
                transcript.words().size(), transcript.language(), transcript.provider());
    }

    private Transcript compute(AssetRows.Row row, int version, ActivityExecutionContext activity) {
        if (row.derived() == null || row.derived().speechAudioKey() == null) {
            throw StageFailures.nonRetryable(FailureCodes.INVALID_INPUT, "the asset has no speech audio",
                    "the source has no audio stream, or ingest did not finish", "transcription needs a source with audio");
        }
        try (Scratch scratch = Scratch.in(scratchRoot, "transcribe")) {
            Path wav = scratch.file("speech.wav");
            store.download(row.derived().speechAudioKey(), wav);
            float[] samples = Wav.read(wav);
            TranscriptionPipeline.Progress progress = heartbeats(activity);
            Optional<Transcript> sidecar = sidecar(row, version, samples, progress);
            if (sidecar.isPresent()) {
                return sidecar.get();
            }
            return pipeline.run(samples, version, null, new StoredChunks(row, version), progress);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A transcript uploaded with the asset wins over recognition. */
    private Optional<Transcript> sidecar(AssetRows.Row row, int version, float[] samples, TranscriptionPipeline.Progress progress) {
        for (Sidecars.Format format : Sidecars.Format.values()) {
            Optional<byte[]> bytes = store.findBytes(ObjectKeys.sidecar(row.projectId(), row.id(), format.extension));
            if (bytes.isPresent()) {
                Sidecars.Parsed parsed;
                try {
                    parsed = Sidecars.parse(format, new String(bytes.get(), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw StageFailures.nonRetryable(FailureCodes.INVALID_INPUT, "the sidecar transcript cannot be read",
                            e.getMessage(), "upload a valid SRT, WebVTT or ClipForge JSON transcript");
                }
                return Optional.of(sidecars.transcribe(parsed, samples, version, progress));
            }
        }
        return Optional.empty();
    }

    /** Heartbeats with how far the work has got, e.g. "voice activity (s) 1200/3600": long passes stay alive and learn of cancellation. */
    private static TranscriptionPipeline.Progress heartbeats(ActivityExecutionContext activity) {
        return (stage, done, total) -> activity.heartbeat(stage + " " + done + "/" + total);
    }

    @Override
    public TranscriptRef revise(Revision revision) {
        AssetRows.Row row = assets.find(revision.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + revision.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        String from = ObjectKeys.transcript(row.projectId(), row.id(), revision.fromVersion());
        String to = ObjectKeys.transcript(row.projectId(), row.id(), revision.toVersion());
        Transcript old = store.findBytes(from).map(b -> Json.read(b, Transcript.class)).orElseThrow(() ->
                StageFailures.nonRetryable(FailureCodes.INVALID_INPUT, "there is no transcript version " + revision.fromVersion(),
                        "the asset was not transcribed at that version", "GET /v1/assets/" + row.id() + "/transcript first"));
        ActivityExecutionContext activity = Activity.getExecutionContext();
        Transcript revised = leases.once(to, settings.leaseTtl(), activity,
                () -> store.findBytes(to).map(b -> Json.read(b, Transcript.class)),
                () -> {
                    Transcript t = revised(row, old, revision, heartbeats(activity));
                    store.put(to, Json.writeBytes(t), "application/json");
                    return t;
                });
        return new TranscriptRef(row.id(), revision.toVersion(), StageStatus.READY, to, revised.endSeconds(),
                revised.words().size(), revised.language(), revised.provider());
    }

    /** The old transcript with each edited segment's words replaced by its new text, aligned in the segment's time. */
    private Transcript revised(AssetRows.Row row, Transcript old, Revision revision, TranscriptionPipeline.Progress progress) {
        Map<Integer, String> edits = new HashMap<>();
        for (SegmentEdit e : revision.edits()) {
            if (e.index() < 0 || e.index() >= old.segments().size()) {
                throw StageFailures.nonRetryable(FailureCodes.INVALID_INPUT, "segment " + e.index() + " does not exist",
                        "the transcript has " + old.segments().size() + " segments", "edit segments 0.." + (old.segments().size() - 1));
            }
            edits.put(e.index(), e.text());
        }
        float[] samples;
        try (Scratch scratch = Scratch.in(scratchRoot, "revise")) {
            Path wav = scratch.file("speech.wav");
            store.download(row.derived().speechAudioKey(), wav);
            samples = Wav.read(wav);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Transcript.Word> words = new ArrayList<>();
        List<Transcript.Segment> segments = new ArrayList<>();
        int aligned = 0;
        for (int i = 0; i < old.segments().size(); i++) {
            Transcript.Segment s = old.segments().get(i);
            List<Transcript.Word> segmentWords = edits.containsKey(i)
                    ? aligner.align(samples, List.of(new ForcedAligner.Segment(s.start(), s.end(), edits.get(i))))
                    : old.words().subList(s.firstWord(), s.lastWord() + 1);
            if (edits.containsKey(i)) {
                progress.report(TranscriptionPipeline.ALIGNING, ++aligned, edits.size());
            }
            if (segmentWords.isEmpty()) {
                continue;
            }
            int first = words.size();
            words.addAll(segmentWords);
            String text = edits.containsKey(i) ? edits.get(i).strip() : s.text();
            segments.add(new Transcript.Segment(segmentWords.get(0).start(), segmentWords.get(segmentWords.size() - 1).end(),
                    text, first, words.size() - 1));
        }
        return new Transcript(revision.toVersion(), old.language(), old.provider(), old.durationSeconds(), words, segments,
                old.speech(), old.pauses());
    }

    public String provider() {
        return provider;
    }

    /** Chunk results kept in the store so a retried or resumed attempt skips finished chunks. */
    private final class StoredChunks implements TranscriptionPipeline.ChunkStore {
        private final AssetRows.Row row;
        private final int version;

        StoredChunks(AssetRows.Row row, int version) {
            this.row = row;
            this.version = version;
        }

        private String key(TranscriptionPipeline.Chunk c) {
            return ObjectKeys.transcriptChunk(row.projectId(), row.id(), version, c.index());
        }

        @Override
        public Optional<SpeechToText.Recognized> load(TranscriptionPipeline.Chunk chunk) {
            return store.findBytes(key(chunk)).map(b -> Json.read(b, StoredChunk.class))
                    .filter(s -> s.start() == chunk.start() && s.end() == chunk.end() && s.audioStart() == chunk.audioStart()
                            && s.audioEnd() == chunk.audioEnd() && s.provider().equals(provider))
                    .map(s -> new SpeechToText.Recognized(s.words(), s.language()));
        }

        @Override
        public void save(TranscriptionPipeline.Chunk chunk, SpeechToText.Recognized result) {
            store.put(key(chunk), Json.writeBytes(new StoredChunk(chunk.start(), chunk.end(), chunk.audioStart(), chunk.audioEnd(),
                    provider, result.language(),
                    result.words())), "application/json");
        }
    }

    /** A chunk's words in the time of its audio, kept only for the very same chunk (its stretch and its audio). */
    record StoredChunk(double start, double end, double audioStart, double audioEnd, String provider, String language,
                       List<Transcript.Word> words) {
    }
}
