package dev.clipforge.activities.qa;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.activities.support.SourceCache;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.config.RenderSettings;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.run.QaStatus;
import dev.clipforge.workflows.run.Severity;
import dev.clipforge.workflows.stages.QaActivities;
import dev.clipforge.workflows.stages.QaIssue;
import dev.clipforge.workflows.stages.QaReport;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Measures the preview, writes the visual-debug sheet, and gives the verdict. */
public class QaActivitiesImpl implements QaActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final SourceCache sources;
    private final RenderSettings settings;
    private final Path scratchRoot;
    private final QaChecker checker = new QaChecker();

    public QaActivitiesImpl(AssetRows assets, ObjectStore store, SourceCache sources, RenderSettings settings, Path scratchRoot) {
        this.assets = assets;
        this.store = store;
        this.sources = sources;
        this.settings = settings;
        this.scratchRoot = scratchRoot;
    }

    @Override
    public QaReport checkQuality(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        LayoutDoc layout = Json.read(store.getBytes(r.layout().objectKey()), LayoutDoc.class);
        CaptionDoc captions = r.captions() == null || r.captions().objectKey() == null ? null
                : Json.read(store.getBytes(r.captions().objectKey()), CaptionDoc.class);
        Transcript transcript = r.transcript() == null ? null : Json.read(store.getBytes(r.transcript().objectKey()), Transcript.class);
        VisualTimeline timeline = Json.read(store.getBytes(r.analysis().objectKey()), VisualTimeline.class);
        try (Scratch scratch = Scratch.in(scratchRoot, "qa")) {
            Path preview = scratch.file("preview.mp4");
            store.download(r.preview().videoKey(), preview);
            PreviewMeasures measures = PreviewMeasures.of(preview);
            Activity.getExecutionContext().heartbeat("measured");
            List<QaIssue> issues = checker.check(new QaChecker.Inputs(r.window().durationSeconds(), r.window().startSeconds(),
                    r.window().endSeconds(), r.source().hasAudio(), r.source().width(), r.source().height(), layout, captions,
                    transcript, measures, settings.loudnessTarget(), settings.truePeak()));
            byte[] sheet = ContactSheet.draw(sources.get(row.objectKey()), preview, layout, captions, timeline);
            String debugKey = r.preview().videoKey().replaceAll("\\.mp4$", "") + "-debug.png";
            store.put(debugKey, sheet, "image/png");
            QaStatus outcome = issues.stream().anyMatch(i -> i.severity() == Severity.CRITICAL) ? QaStatus.FAILED
                    : issues.isEmpty() ? QaStatus.PASSED : QaStatus.WARNINGS;
            return new QaReport(outcome, issues, debugKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
