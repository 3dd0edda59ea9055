package dev.clipforge.activities.export;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.render.ClipRenderer;
import dev.clipforge.activities.render.RenderProfile;
import dev.clipforge.activities.runs.RunProgress;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.config.RenderSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectInfo;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.ExportActivities;
import dev.clipforge.workflows.stages.ExportResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The deliverable MP4. Its id names its content (clip, window, layout, captions, quality), so a second
 * export of the same thing finds the object already there and returns it.
 */
public class ExportActivitiesImpl implements ExportActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final SourceCache sources;
    private final RunProgress progress;
    private final RenderSettings settings;
    private final JdbcTemplate jdbc;
    private final Path scratchRoot;
    private final ClipRenderer renderer = new ClipRenderer();

    public ExportActivitiesImpl(AssetRows assets, ObjectStore store, SourceCache sources, RunProgress progress,
                                RenderSettings settings, JdbcTemplate jdbc, Path scratchRoot) {
        this.assets = assets;
        this.store = store;
        this.sources = sources;
        this.progress = progress;
        this.settings = settings;
        this.jdbc = jdbc;
        this.scratchRoot = scratchRoot;
    }

    @Override
    public ExportResult exportClip(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        String key = ObjectKeys.export(r.projectId(), r.clipId(), r.exportId());
        double duration = r.window().durationSeconds();
        Optional<ObjectInfo> existing = store.head(key);
        long size;
        if (existing.isPresent()) {
            size = existing.get().size();
        } else {
            RenderProfile profile = RenderProfile.export(r.quality().width, r.quality().height, settings.encoder(),
                    settings.loudnessTarget(), settings.truePeak());
            LayoutDoc layout = Json.read(store.getBytes(r.layout().objectKey()), LayoutDoc.class);
            CaptionDoc captions = r.captions() == null || r.captions().objectKey() == null ? null
                    : Json.read(store.getBytes(r.captions().objectKey()), CaptionDoc.class);
            ActivityExecutionContext activity = Activity.getExecutionContext();
            RunProgress.Reporter reporter = progress.of(r.clipId(), "export");
            try (Scratch scratch = Scratch.in(scratchRoot, "export")) {
                Path out = scratch.file(r.exportId() + ".mp4");
                ClipRenderer.Result result = renderer.render(sources.get(row.objectKey()), row.probe().rotation(), layout,
                        captions, profile, out, (done, total) -> {
                            activity.heartbeat(done);
                            reporter.report(total == 0 ? 0 : done / (double) total);
                        });
                duration = result.durationSeconds();
                size = Files.size(out);
                store.put(key, out, "video/mp4");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        jdbc.update("""
                        insert into exports (id, clip_id, project_id, organisation_id, quality, object_key, size_bytes,
                                             duration_seconds)
                        select ?, c.id, c.project_id, c.organisation_id, ?, ?, ?, ? from clip_runs c where c.id = ?
                        on conflict (id) do nothing""",
                r.exportId(), r.quality().wire(), key, size, duration, r.clipId());
        return new ExportResult(r.exportId(), key, r.quality(), size, duration);
    }
}
