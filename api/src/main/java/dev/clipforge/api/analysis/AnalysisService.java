package dev.clipforge.api.analysis;

import dev.clipforge.api.assets.AssetService;
import dev.clipforge.api.assets.AssetView;
import dev.clipforge.api.error.ApiException;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Subtitles;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;

/**
 * What clip runs learned about an asset, readable without a run: its word-timed transcript and its ranked
 * suggestions, both of the asset's current analysis version.
 */
@Service
public class AnalysisService {
    private final AssetService assets;
    private final ObjectStore store;
    private final DatabaseClient db;

    public AnalysisService(AssetService assets, ObjectStore store, DatabaseClient db) {
        this.assets = assets;
        this.store = store;
        this.db = db;
    }

    public Mono<Transcript> transcript(String assetId) {
        return assets.get(assetId).flatMap(a -> Mono.fromCallable(() ->
                        store.findBytes(ObjectKeys.transcript(a.projectId(), a.assetId(), a.analysisVersion())))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.map(bytes -> Mono.just(Json.read(bytes, Transcript.class)))
                        .orElseGet(() -> Mono.error(notYet(a, "transcript")))));
    }

    /** The transcript as subtitles, one cue per sentence-like segment. */
    public Mono<String> transcriptAs(String assetId, String format) {
        return transcript(assetId).map(t -> {
            List<Subtitles.Cue> cues = t.segments().stream()
                    .map(s -> new Subtitles.Cue(s.start(), s.end(), s.text())).toList();
            return format.equals("srt") ? Subtitles.srt(cues) : Subtitles.vtt(cues);
        });
    }

    public Mono<List<Suggestion>> suggestions(String assetId) {
        return assets.get(assetId).flatMap(a -> db.sql("""
                        select payload::text as payload from suggestions
                        where asset_id = :asset and analysis_version = :version order by rank, id""")
                .bind("asset", a.assetId()).bind("version", a.analysisVersion())
                .map((row, meta) -> Json.read(row.get("payload", String.class), Suggestion.class))
                .all().collectList()
                .flatMap(list -> list.isEmpty() ? Mono.error(notYet(a, "suggestions")) : Mono.just(list)));
    }

    private static ApiException notYet(AssetView a, String what) {
        return ApiException.wrongState("asset " + a.assetId() + " has no " + what + " yet (status " + a.status()
                        + "); " + what + " are made by the first clip run on the asset",
                "create a clip run on this asset (POST /v1/clips) and ask again once its status passes "
                        + (what.equals("transcript") ? "transcribing" : "suggesting"));
    }
}
