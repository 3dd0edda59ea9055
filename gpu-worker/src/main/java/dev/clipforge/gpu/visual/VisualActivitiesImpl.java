package dev.clipforge.gpu.visual;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.workflows.run.ClipWindow;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.VisualActivities;
import dev.clipforge.workflows.stages.VisualAnalysis;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

/** Visual analysis of a window, cached per asset as tiles and as the window's timeline. */
public class VisualActivitiesImpl implements VisualActivities {
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final AssetRows assets;
    private final ObjectStore store;
    private final ArtifactLeases leases;
    private final SourceCache sources;
    private final VisualAnalyzer analyzer;

    public VisualActivitiesImpl(AssetRows assets, ObjectStore store, ArtifactLeases leases, SourceCache sources,
                                VisualAnalyzer analyzer) {
        this.assets = assets;
        this.store = store;
        this.leases = leases;
        this.sources = sources;
        this.analyzer = analyzer;
    }

    @Override
    public VisualAnalysis analyzeVisuals(Request request) {
        AssetRows.Row row = assets.find(request.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + request.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        ClipWindow w = request.window();
        String key = ObjectKeys.visualTimeline(row.projectId(), row.id(), request.analysisVersion(), analyzer.timelineSettings(),
                Math.round(w.startSeconds() * 1000), Math.round(w.endSeconds() * 1000));
        ActivityExecutionContext activity = Activity.getExecutionContext();
        VisualTimeline timeline = leases.once(key, LEASE, activity,
                () -> store.findBytes(key).map(b -> Json.read(b, VisualTimeline.class)),
                () -> {
                    VisualTimeline t = compute(row, request, activity);
                    store.put(key, Json.writeBytes(t), "application/json");
                    return t;
                });
        return new VisualAnalysis(key, w, timeline.tracks().size(), timeline.faceCoverage(), timeline.talkingHead());
    }

    private VisualTimeline compute(AssetRows.Row row, Request request, ActivityExecutionContext activity) {
        ClipWindow w = request.window();
        var probe = row.probe();
        float[] speech = row.derived() != null && row.derived().speechAudioKey() != null
                ? speechSlice(row.derived().speechAudioKey(), w) : null;
        List<Transcript.Span> spans = store.findBytes(ObjectKeys.transcript(row.projectId(), row.id(), request.analysisVersion()))
                .map(b -> Json.read(b, Transcript.class).speech()).orElse(List.of());
        VisualAnalyzer.TileStore tiles = (start, end, computation) -> {
            String tileKey = ObjectKeys.visualTile(row.projectId(), row.id(), analyzer.tileSettings(), Math.round(start * 1000));
            return leases.once(tileKey, LEASE, activity,
                    () -> store.findBytes(tileKey).map(b -> Json.read(b, TileScan.class)),
                    () -> {
                        try {
                            TileScan scan = computation.compute();
                            store.put(tileKey, Json.writeBytes(scan), "application/json");
                            return scan;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        };
        return analyzer.analyze(sources.get(row.objectKey()), w.startSeconds(), w.endSeconds(), probe.durationSeconds(),
                probe.displayWidth(), probe.displayHeight(), speech, spans, tiles, () -> activity.heartbeat(null));
    }

    /** The window's speech samples, read by byte range from the 16 kHz WAV without fetching the rest. */
    private float[] speechSlice(String wavKey, ClipWindow w) {
        long from = 44 + Math.round(w.startSeconds() * 16_000) * 2;
        int samples = (int) Math.round(w.durationSeconds() * 16_000);
        long size = store.head(wavKey).map(i -> i.size()).orElse(0L);
        int bytes = (int) Math.max(0, Math.min(samples * 2L, size - from));
        if (bytes <= 0) {
            return new float[samples];
        }
        ByteBuffer b = ByteBuffer.wrap(store.getRange(wavKey, from, bytes)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[samples];
        for (int i = 0; i < bytes / 2; i++) {
            out[i] = b.getShort() / 32768f;
        }
        return out;
    }
}
