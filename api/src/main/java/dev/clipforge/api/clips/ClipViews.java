package dev.clipforge.api.clips;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clipforge.api.web.PublicUrl;
import dev.clipforge.common.config.ClipforgeProperties;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.run.ClipRunSpec;
import dev.clipforge.workflows.run.ClipSnapshot;
import dev.clipforge.workflows.run.ExportStatus;
import dev.clipforge.workflows.run.QaStatus;
import dev.clipforge.workflows.run.Stage;
import dev.clipforge.workflows.run.StageStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds {@link ClipView}s from rows: the snapshot's keys become presigned URLs, finer progress is merged in. */
final class ClipViews {
    /** Each stage's share of {@code progress.percent}, for merging a stage's own progress. */
    private static final Map<Stage, int[]> RANGES = Map.of(
            Stage.RENDER, new int[]{70, 85},
            Stage.EXPORT, new int[]{95, 100});

    private final ObjectStore store;
    private final ClipforgeProperties properties;
    private final PublicUrl publicUrl;

    ClipViews(ObjectStore store, ClipforgeProperties properties, PublicUrl publicUrl) {
        this.store = store;
        this.properties = properties;
        this.publicUrl = publicUrl;
    }

    ClipView of(ClipRepository.Row row) {
        if (row.snapshot() == null) {
            return initial(row);
        }
        return of(row, Json.read(row.snapshot(), ClipSnapshot.class));
    }

    ClipView of(ClipRepository.Row row, ClipSnapshot s) {
        Duration ttl = properties.s3().presignTtl();
        List<String> previews = new ArrayList<>();
        if (s.qa().previewVideoKey() != null) {
            previews.add(url(s.qa().previewVideoKey(), ttl, s.clipId() + "-preview.mp4"));
        }
        if (s.qa().posterKey() != null) {
            previews.add(url(s.qa().posterKey(), ttl, null));
        }
        String download = null;
        String shortUrl = null;
        Instant expires = null;
        if (s.export().status() == ExportStatus.COMPLETED && s.export().objectKey() != null) {
            ObjectStore.PresignedUrl p = store.presignGet(s.export().objectKey(), ttl, s.clipId() + ".mp4");
            download = p.url().toString();
            expires = p.expiresAt();
            shortUrl = publicUrl.base() + "/v1/exports/" + s.export().exportId() + "/download";
        }
        return new ClipView(s.clipId(), s.projectId(), s.status().wire(), s.nextAction().wire(),
                s.blockingReason() == null ? null : wire(s.blockingReason()), progress(s, row.progress()), s.error(),
                s.source(), s.selection(), ClipView.ClipWindowView.of(s.clipWindow()), s.target(),
                new ClipView.Layout(wire(s.layout().layoutMode()), s.layout().appliedMode() == null ? null : wire(s.layout().appliedMode()),
                        s.layout().primaryLayout() == null ? null : wire(s.layout().primaryLayout()), s.layout().fallbackUsed(),
                        s.layout().warnings()),
                new ClipView.Captions(s.captions().enabled(), s.captions().styleId(), wire(s.captions().status()),
                        s.captions().clipWindowAware(), s.captions().warnings(),
                        s.captions().srtKey() == null ? null : url(s.captions().srtKey(), ttl, s.clipId() + ".srt"),
                        s.captions().vttKey() == null ? null : url(s.captions().vttKey(), ttl, s.clipId() + ".vtt")),
                new ClipView.Qa(wire(s.qa().qaMode()), wire(s.qa().status()), s.qa().blocking(), s.qa().issues(), previews,
                        s.qa().visualDebugKey() == null ? null : url(s.qa().visualDebugKey(), ttl, null)),
                s.repair(),
                new ClipView.Export(s.export().autoExport(), wire(s.export().status()), s.export().quality().wire(),
                        s.export().exportId(), download, shortUrl, expires, s.export().sizeBytes()),
                s.createdAt(), s.updatedAt(), s.stateVersion());
    }

    /** Before the workflow's first snapshot lands: what the run is about to say. */
    private ClipView initial(ClipRepository.Row row) {
        ClipRunSpec spec = Json.read(row.spec(), ClipRunSpec.class);
        return new ClipView(row.id(), row.projectId(), "ingesting", "poll", "source_not_ready",
                new ClipSnapshot.Progress(Stage.INGEST, 0), null,
                new ClipSnapshot.Source(spec.source().sourceType(), row.assetId(), StageStatus.PENDING, 1,
                        StageStatus.PENDING, StageStatus.PENDING, null, null, null, null, null),
                new ClipSnapshot.Selection(spec.selectionOrDefault().selectionMode(), spec.selectionOrDefault().suggestionId(),
                        spec.selectionOrDefault().startSeconds(), spec.selectionOrDefault().endSeconds(), List.of(), null),
                null, spec.target(),
                new ClipView.Layout(wire(spec.layout().layoutMode()), null, null, false, List.of()),
                new ClipView.Captions(spec.captions().enabled(), spec.captions().styleId(),
                        spec.captions().enabled() ? "pending" : "not_applicable", true, List.of(), null, null),
                new ClipView.Qa(wire(spec.qa().qaMode()), wire(QaStatus.PENDING), false, List.of(), List.of(), null),
                new ClipSnapshot.Repair(0, 1, null),
                new ClipView.Export(spec.export().autoExport(), "not_started", spec.export().quality().wire(), null, null,
                        null, null, null),
                row.createdAt().toInstant(), row.updatedAt().toInstant(), 0);
    }

    private ClipSnapshot.Progress progress(ClipSnapshot s, String progressJson) {
        if (progressJson == null || s.progress().stage() == null) {
            return s.progress();
        }
        int[] range = RANGES.get(s.progress().stage());
        if (range == null) {
            return s.progress();
        }
        try {
            JsonNode p = Json.mapper().readTree(progressJson);
            if (!s.progress().stage().wire().equals(p.path("stage").asText())) {
                return s.progress();
            }
            double fraction = p.path("fraction").asDouble();
            int percent = (int) Math.round(range[0] + (range[1] - range[0]) * fraction);
            return new ClipSnapshot.Progress(s.progress().stage(), Math.max(s.progress().percent(), Math.min(range[1], percent)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String key, Duration ttl, String downloadName) {
        return store.presignGet(key, ttl, downloadName).url().toString();
    }

    static String wire(Enum<?> e) {
        return WireEnums.wire(e);
    }
}
