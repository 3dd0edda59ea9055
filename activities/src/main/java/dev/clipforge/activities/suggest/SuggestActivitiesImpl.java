package dev.clipforge.activities.suggest;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.media.Wav;
import dev.clipforge.activities.support.ArtifactLeases;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.config.SuggestSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.SuggestActivities;
import dev.clipforge.workflows.stages.Suggestion;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Suggestions per asset, analysis version and target durations: computed once (the cache key holds
 * the parameters), and written to the {@code suggestions} table for {@code GET /v1/assets/{id}/suggestions}.
 */
public class SuggestActivitiesImpl implements SuggestActivities {
    static final double ENERGY_STEP = 0.05;
    /** Changes when the same transcript would get other windows, so cached suggestions of an older engine are not reused. */
    static final String ENGINE_VERSION = "topics1";

    private final AssetRows assets;
    private final ObjectStore store;
    private final ArtifactLeases leases;
    private final SuggestionEngine engine;
    private final MomentReranker reranker;
    private final SuggestionRows rows;
    private final Path scratchRoot;

    /** @param reranker {@link MomentReranker#NONE}, or a language model shared by the worker process */
    public SuggestActivitiesImpl(AssetRows assets, ObjectStore store, ArtifactLeases leases, SuggestSettings settings,
                                 MomentReranker reranker, SuggestionRows rows, Path scratchRoot) {
        this.assets = assets;
        this.store = store;
        this.leases = leases;
        this.engine = new SuggestionEngine(settings.weights(), settings.maxOverlap(), MiniLmSentenceEmbedder.INSTANCE,
                reranker);
        this.reranker = reranker;
        this.rows = rows;
        this.scratchRoot = scratchRoot;
    }

    @Override
    public SuggestionSet suggestMoments(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        String key = ObjectKeys.suggestions(row.projectId(), row.id(), r.analysisVersion(), parameters(r));
        ActivityExecutionContext activity = Activity.getExecutionContext();
        SuggestionSet set = leases.once(key, Duration.ofMinutes(2), activity,
                () -> store.findBytes(key).map(b -> Json.read(b, SuggestionSet.class)),
                () -> {
                    SuggestionEngine.Ranking ranking = compute(row, r, () -> activity.heartbeat("waiting for the language model"));
                    SuggestionSet computed = new SuggestionSet(ranking.suggestions(),
                            ranking.suggestions().stream().mapToDouble(Suggestion::endSeconds).max().orElse(0));
                    // a ranking the language model did not shape is not kept: the next run asks the model again
                    if (reranker.topK() == 0 || ranking.reranked()) {
                        store.put(key, Json.writeBytes(computed), "application/json");
                    }
                    return computed;
                });
        rows.replace(row.id(), r.analysisVersion(), set.suggestions());
        return set;
    }

    /**
     * The cache key's parameters: target durations and count, the engine's version (windows from before topic
     * segmentation are not served again), and the reranker when there is one (switching it changes the answer).
     */
    String parameters(Request r) {
        String params = String.format(Locale.ROOT, "%.1f-%.1f-%d-%s", r.minDurationSeconds(), r.maxDurationSeconds(),
                r.count(), ENGINE_VERSION);
        return reranker.topK() == 0 ? params : params + "-llm" + Integer.toHexString(reranker.identity().hashCode())
                + "k" + reranker.topK();
    }

    private SuggestionEngine.Ranking compute(AssetRows.Row row, Request r, Runnable stillAlive) {
        Transcript transcript = r.transcript() == null ? null
                : Json.read(store.getBytes(r.transcript().objectKey()), Transcript.class);
        float[] energy = transcript == null ? null : energy(row);
        return engine.rank(row.id(), r.analysisVersion(), transcript, energy, ENERGY_STEP, r.source().durationSeconds(),
                r.minDurationSeconds(), r.maxDurationSeconds(), r.count(), stillAlive);
    }

    /** Loudness of the speech audio over time (RMS per 50 ms), for the delivery-energy feature. */
    private float[] energy(AssetRows.Row row) {
        if (row.derived() == null || row.derived().speechAudioKey() == null) {
            return null;
        }
        try (Scratch scratch = Scratch.in(scratchRoot, "suggest")) {
            Path wav = scratch.file("speech.wav");
            store.download(row.derived().speechAudioKey(), wav);
            float[] samples = Wav.read(wav);
            int per = (int) (16_000 * ENERGY_STEP);
            float[] out = new float[samples.length / per];
            for (int i = 0; i < out.length; i++) {
                double sum = 0;
                for (int j = i * per; j < (i + 1) * per; j++) {
                    sum += samples[j] * samples[j];
                }
                out[i] = (float) Math.sqrt(sum / per);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
