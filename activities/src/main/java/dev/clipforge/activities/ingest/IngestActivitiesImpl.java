package dev.clipforge.activities.ingest;

import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.media.MediaProbe;
import dev.clipforge.activities.media.MediaRejected;
import dev.clipforge.activities.media.SpeechAudio;
import dev.clipforge.activities.net.FetchRefused;
import dev.clipforge.activities.net.GuardedHttpFetcher;
import dev.clipforge.activities.net.YoutubeDownloader;
import dev.clipforge.activities.support.Failures;
import dev.clipforge.activities.support.Scratch;
import dev.clipforge.common.assets.DerivedMedia;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.assets.ProbeResult;
import dev.clipforge.common.config.IngestSettings;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.workflows.ingest.AssetError;
import dev.clipforge.workflows.ingest.IngestActivities;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.stages.StageFailures;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

public class IngestActivitiesImpl implements IngestActivities {
    /** Where the poster frame is taken: a tenth in, so it is rarely a black lead-in. */
    private static final double POSTER_FRACTION = 0.1;

    private final AssetRows rows;
    private final ObjectStore store;
    private final IngestSettings settings;
    private final Path scratchRoot;
    private final GuardedHttpFetcher fetcher;
    private final YoutubeDownloader youtube;

    public IngestActivitiesImpl(AssetRows rows, ObjectStore store, IngestSettings settings, Path scratchRoot,
                                GuardedHttpFetcher fetcher, YoutubeDownloader youtube) {
        this.rows = rows;
        this.store = store;
        this.settings = settings;
        this.scratchRoot = scratchRoot;
        this.fetcher = fetcher;
        this.youtube = youtube;
    }

    @Override
    public UploadState checkUpload(String assetId) {
        AssetRows.Row row = row(assetId);
        return store.head(row.objectKey())
                .map(info -> new UploadState(true, info.size()))
                .orElse(new UploadState(false, 0));
    }

    @Override
    public void fetchSource(String assetId) {
        AssetRows.Row row = row(assetId);
        long max = maxBytes(row);
        // captured here: the fetcher reports progress from its I/O threads
        ActivityExecutionContext context = Activity.getExecutionContext();
        try (Scratch scratch = Scratch.in(scratchRoot, "fetch")) {
            Path file = scratch.file("source");
            if ("youtube".equals(row.sourceKind())) {
                youtube.download(row.sourceUrl(), file, max, () -> context.heartbeat(null));
            } else {
                fetcher.fetch(row.sourceUrl(), file, max, context::heartbeat);
            }
            store.put(row.objectKey(), file, "application/octet-stream");
        } catch (FetchRefused e) {
            throw Failures.of(e, e.code().equals("youtube_disabled") ? YoutubeDownloader.HOW_TO_ENABLE
                    : "check that the URL links a video file that is publicly reachable, or upload the file instead");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void ingestSource(String assetId) {
        AssetRows.Row row = row(assetId);
        try (Scratch scratch = Scratch.in(scratchRoot, "ingest")) {
            Path source = scratch.file("source");
            String sha256 = download(row.objectKey(), source);
            long size = Files.size(source);
            rows.markIngesting(assetId, size);
            if (size > maxBytes(row)) {
                throw StageFailures.nonRetryable("too_large", "the file is larger than the " + maxBytes(row) / (1024 * 1024)
                        + " MB limit", "it is " + size / (1024 * 1024) + " MB", "upload a shorter or more compressed video");
            }
            ProbeResult probe = MediaProbe.probe(source);
            checkLimits(probe, row);
            Activity.getExecutionContext().heartbeat("probed");
            DerivedMedia derived = rows.findIdentical(row.projectId(), sha256, assetId)
                    .filter(twin -> twin.derived() != null)
                    .map(twin -> new DerivedMedia(twin.derived().speechAudioKey(), twin.derived().posterKey(),
                            twin.derived().posterAtSeconds(), twin.id()))
                    .orElseGet(() -> derive(row, source, probe, scratch));
            rows.markReady(assetId, probe, derived, sha256);
        } catch (MediaRejected e) {
            throw Failures.of(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DerivedMedia derive(AssetRows.Row row, Path source, ProbeResult probe, Scratch scratch) {
        try {
            String audioKey = null;
            if (probe.hasAudio()) {
                Path wav = scratch.file("speech.wav");
                SpeechAudio.extract(source, wav, () -> Activity.getExecutionContext().heartbeat("audio"));
                audioKey = ObjectKeys.speechAudio(row.projectId(), row.id());
                store.put(audioKey, wav, "audio/wav");
            }
            double posterAt = Math.min(probe.durationSeconds() * POSTER_FRACTION, Math.max(0, probe.durationSeconds() - 0.1));
            FrameGrabs.Grabbed poster = FrameGrabs.grab(source, List.of(posterAt)).get(0);
            String posterKey = ObjectKeys.poster(row.projectId(), row.id());
            store.put(posterKey, FrameGrabs.jpeg(poster.image(), 0.85f), "image/jpeg");
            return new DerivedMedia(audioKey, posterKey, poster.timestamp(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The organisation's upload limit, or the server's. */
    private long maxBytes(AssetRows.Row row) {
        return row.limits().maxUploadBytes() != null ? row.limits().maxUploadBytes() : settings.maxUploadSize().toBytes();
    }

    private void checkLimits(ProbeResult probe, AssetRows.Row row) {
        boolean own = row.limits().maxSourceSeconds() != null;
        long maxSeconds = own ? row.limits().maxSourceSeconds() : settings.maxDuration().toSeconds();
        if (probe.durationSeconds() > maxSeconds) {
            throw StageFailures.nonRetryable("too_long", "the video is longer than the " + formatMinutes(maxSeconds)
                            + " minute limit", "it lasts " + Math.round(probe.durationSeconds() / 60) + " minutes",
                    own ? "trim the video, or ask the server's admin to raise your organisation's max_source_seconds"
                            : "trim the video, or raise clipforge.ingest.max-duration");
        }
        int longest = Math.max(probe.width(), probe.height());
        if (longest > settings.maxDimension()) {
            throw StageFailures.nonRetryable("resolution_too_high", "the video is larger than " + settings.maxDimension()
                            + " pixels on a side", "it is " + probe.width() + "x" + probe.height(),
                    "downscale the video, or raise clipforge.ingest.max-dimension");
        }
    }

    private static String formatMinutes(long seconds) {
        return seconds % 60 == 0 ? String.valueOf(seconds / 60) : String.format(java.util.Locale.ROOT, "%.1f", seconds / 60.0);
    }

    @Override
    public void markFailed(String assetId, AssetError error) {
        rows.find(assetId).ifPresent(row -> {
            // derived media written before the failure goes; the source stays, it is what the user sent
            if (row.derived() == null || row.derived().sharedFrom() == null) {
                store.delete(ObjectKeys.speechAudio(row.projectId(), assetId));
                store.delete(ObjectKeys.poster(row.projectId(), assetId));
            }
            rows.markFailed(assetId, error);
        });
    }

    private AssetRows.Row row(String assetId) {
        return rows.find(assetId).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + assetId + " does not exist", FailureCodes.SOURCE_MISSING));
    }

    private String download(String key, Path target) throws IOException {
        try (InputStream in = new DigestInputStream(store.open(key), MessageDigest.getInstance("SHA-256"))) {
            Files.copy(in, target);
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            throw StageFailures.nonRetryable(FailureCodes.SOURCE_MISSING, "the uploaded file is not in the store",
                    "object " + key + " does not exist", "upload the file again");
        }
    }
}
