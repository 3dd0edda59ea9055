package dev.clipforge.activities.render;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.runs.RunProgress;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.Hashes;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.config.RenderSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.CaptionTrack;
import dev.clipforge.workflows.stages.LayoutPlan;
import dev.clipforge.workflows.stages.RenderActivities;
import dev.clipforge.workflows.stages.Rendition;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** The low-bitrate preview of a window with its layout and captions, and its poster frame. */
public class RenderActivitiesImpl implements RenderActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final SourceCache sources;
    private final RunProgress progress;
    private final RenderSettings settings;
    private final Path scratchRoot;
    private final ClipRenderer renderer = new ClipRenderer();

    public RenderActivitiesImpl(AssetRows assets, ObjectStore store, SourceCache sources, RunProgress progress,
                                RenderSettings settings, Path scratchRoot) {
        this.assets = assets;
        this.store = store;
        this.sources = sources;
        this.progress = progress;
        this.settings = settings;
        this.scratchRoot = scratchRoot;
    }

    @Override
    public Rendition renderPreview(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        RenderProfile profile = RenderProfile.preview().withLoudness(settings.loudnessTarget(), settings.truePeak());
        String name = Hashes.short16(r.layout().objectKey() + "|" + (r.captions() == null ? "-" : r.captions().objectKey())
                + "|" + profile);
        String video = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "preview", name + ".mp4");
        String poster = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "preview", name + ".jpg");
        double duration = r.window().durationSeconds();
        if (store.exists(video) && store.exists(poster)) {
            return new Rendition(video, poster, duration, profile.width(), profile.height());
        }
        ActivityExecutionContext activity = Activity.getExecutionContext();
        RunProgress.Reporter reporter = progress.of(r.clipId(), "render");
        try (Scratch scratch = Scratch.in(scratchRoot, "preview")) {
            Path out = scratch.file("preview.mp4");
            ClipRenderer.Result result = renderer.render(sources.get(row.objectKey()), row.probe().rotation(),
                    layout(r.layout()), captions(r.captions()), profile, out, (done, total) -> {
                        activity.heartbeat(done);
                        reporter.report(total == 0 ? 0 : done / (double) total);
                    });
            FrameGrabs.Grabbed frame = FrameGrabs.grab(out, List.of(Math.min(result.durationSeconds() / 3, 2.0))).get(0);
            store.put(poster, FrameGrabs.jpeg(frame.image(), 0.85f), "image/jpeg");
            store.put(video, out, "video/mp4");
            return new Rendition(video, poster, result.durationSeconds(), result.width(), result.height());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LayoutDoc layout(LayoutPlan plan) {
        return Json.read(store.getBytes(plan.objectKey()), LayoutDoc.class);
    }

    private CaptionDoc captions(CaptionTrack track) {
        return track == null || track.objectKey() == null ? null : Json.read(store.getBytes(track.objectKey()), CaptionDoc.class);
    }
}
