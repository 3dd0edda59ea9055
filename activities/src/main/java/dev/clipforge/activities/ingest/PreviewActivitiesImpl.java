package dev.clipforge.activities.ingest;

import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.preview.PreviewActivities;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Extracts preview frames once: each lands under a key named by its time, so a repeat request reuses it. */
public class PreviewActivitiesImpl implements PreviewActivities {
    private final AssetRows rows;
    private final ObjectStore store;
    private final Path scratchRoot;

    public PreviewActivitiesImpl(AssetRows rows, ObjectStore store, Path scratchRoot) {
        this.rows = rows;
        this.store = store;
        this.scratchRoot = scratchRoot;
    }

    @Override
    public List<Frame> extractFrames(Request request) {
        AssetRows.Row row = rows.find(request.assetId()).orElseThrow(() ->
                ApplicationFailure.newNonRetryableFailure("asset " + request.assetId() + " does not exist", "not_found"));
        String ext = request.format() == Format.PNG ? "png" : "jpg";
        double fps = row.probe().fps();
        List<Frame> out = new ArrayList<>();
        List<Double> missing = new ArrayList<>();
        for (double t : request.timestamps()) {
            long index = (long) Math.floor(t * fps + 1e-6);
            String key = key(row, index, ext);
            if (store.exists(key)) {
                out.add(new Frame(t, index / fps, key));
            } else {
                missing.add(t);
            }
        }
        if (!missing.isEmpty()) {
            try (Scratch scratch = Scratch.in(scratchRoot, "preview")) {
                Path source = scratch.file("source");
                store.download(row.objectKey(), source);
                for (FrameGrabs.Grabbed g : FrameGrabs.grab(source, missing)) {
                    long index = Math.round(g.timestamp() * fps);
                    String key = key(row, index, ext);
                    store.put(key, ext.equals("png") ? FrameGrabs.png(g.image()) : FrameGrabs.jpeg(g.image(), 0.9f),
                            ext.equals("png") ? "image/png" : "image/jpeg");
                    out.add(new Frame(g.requested(), g.timestamp(), key));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(java.util.Comparator.comparingDouble(Frame::requested));
        return out;
    }

    private static String key(AssetRows.Row row, long frameIndex, String ext) {
        return ObjectKeys.preview(row.projectId(), row.id(), String.format(Locale.ROOT, "frame-%08d.%s", frameIndex, ext));
    }
}
