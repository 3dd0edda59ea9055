package dev.clipforge.activities.captions;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.common.Hashes;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Subtitles;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.run.StageStatus;
import dev.clipforge.workflows.stages.CaptionActivities;
import dev.clipforge.workflows.stages.CaptionTrack;
import dev.clipforge.workflows.stages.StageFailures;
import io.temporal.failure.ApplicationFailure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds the clip's captions in clip time, plus SRT and WebVTT sidecars of the same cues. */
public class CaptionActivitiesImpl implements CaptionActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final Function<String, Optional<CaptionTheme>> customThemes;
    private final CaptionBuilder builder = new CaptionBuilder();

    /** @param customThemes looks up a theme created through the API by id */
    public CaptionActivitiesImpl(AssetRows assets, ObjectStore store, Function<String, Optional<CaptionTheme>> customThemes) {
        this.assets = assets;
        this.store = store;
        this.customThemes = customThemes;
    }

    @Override
    public CaptionTrack buildCaptions(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        CaptionTheme theme = theme(r.styleId());
        if (r.transcript() == null) {
            return new CaptionTrack(StageStatus.NOT_APPLICABLE, null, null, null, 0, List.of("the source has no speech to caption"));
        }
        Transcript transcript = Json.read(store.getBytes(r.transcript().objectKey()), Transcript.class);
        LayoutDoc layout = r.layout() == null ? null : Json.read(store.getBytes(r.layout().objectKey()), LayoutDoc.class);
        CaptionDoc doc = builder.build(transcript, r.window().startSeconds(), r.window().endSeconds(), theme, layout,
                r.keepOffFaces());
        if (doc.cues().isEmpty()) {
            return new CaptionTrack(StageStatus.NOT_APPLICABLE, null, null, null, 0, doc.warnings());
        }
        byte[] json = Json.writeBytes(doc);
        String name = Hashes.short16(json);
        String key = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "captions", name + ".json");
        store.put(key, json, "application/json");
        List<Subtitles.Cue> cues = doc.cues().stream()
                .map(c -> new Subtitles.Cue(c.start(), c.end(), c.text())).toList();
        String srt = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "captions", name + ".srt");
        String vtt = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "captions", name + ".vtt");
        store.put(srt, Subtitles.srt(cues).getBytes(StandardCharsets.UTF_8), "application/x-subrip");
        store.put(vtt, Subtitles.vtt(cues).getBytes(StandardCharsets.UTF_8), "text/vtt");
        return new CaptionTrack(StageStatus.READY, key, srt, vtt, doc.cues().size(), doc.warnings());
    }

    private CaptionTheme theme(String styleId) {
        CaptionTheme builtIn = CaptionTheme.builtIn(styleId);
        if (builtIn != null) {
            return builtIn;
        }
        return customThemes.apply(styleId).orElseThrow(() -> StageFailures.nonRetryable(FailureCodes.INVALID_INPUT,
                "caption style " + styleId + " does not exist", "it is neither a built-in style nor a caption theme id",
                "use documentary, full-sentence, single-word-instant, or a theme id from /v1/caption-themes"));
    }
}
