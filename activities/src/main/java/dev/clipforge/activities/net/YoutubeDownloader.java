package dev.clipforge.activities.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the operator's downloader command (e.g. {@code yt-dlp -f mp4 -o {output} {url}}) without a shell:
 * the template is split on spaces and the placeholders become single arguments.
 */
public final class YoutubeDownloader {
    private final String template;
    private final Duration timeout;

    public YoutubeDownloader(String template, Duration timeout) {
        this.template = template == null ? "" : template.trim();
        this.timeout = timeout;
    }

    public boolean configured() {
        return !template.isEmpty();
    }

    public static final String HOW_TO_ENABLE = "install a downloader such as yt-dlp and set CLIPFORGE_INGEST_YOUTUBEDOWNLOADER"
            + " (clipforge.ingest.youtube-downloader) to its command, e.g. \"yt-dlp -f mp4 -o {output} {url}\"";

    public void download(String url, Path output, long maxBytes, Runnable heartbeat) throws FetchRefused, IOException {
        if (!configured()) {
            throw new FetchRefused("youtube_disabled", "YouTube sources are not enabled on this server", false);
        }
        if (!url.matches("https://(www\\.|m\\.)?(youtube\\.com|youtu\\.be)/\\S+")) {
            throw new FetchRefused("url_invalid", "not a YouTube URL: " + url, false);
        }
        List<String> command = new ArrayList<>();
        for (String part : template.split("\\s+")) {
            command.add(part.replace("{url}", url).replace("{output}", output.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.resolveSibling(output.getFileName() + ".log").toFile()).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(2, TimeUnit.SECONDS)) {
                heartbeat.run();
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new FetchRefused("url_timeout", "the downloader took longer than " + timeout, true);
                }
                if (Files.exists(output) && Files.size(output) > maxBytes) {
                    process.destroyForcibly();
                    throw new FetchRefused("too_large", "the video is larger than the upload limit", false);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while downloading", e);
        }
        if (process.exitValue() != 0 || !Files.exists(output) || Files.size(output) == 0) {
            String log = Files.exists(output.resolveSibling(output.getFileName() + ".log"))
                    ? Files.readString(output.resolveSibling(output.getFileName() + ".log")) : "";
            throw new FetchRefused("youtube_download_failed", "the downloader exited with " + process.exitValue()
                    + (log.isBlank() ? "" : ": " + log.strip().lines().reduce((a, b) -> b).orElse("")), false);
        }
        if (Files.size(output) > maxBytes) {
            throw new FetchRefused("too_large", "the video is larger than the upload limit", false);
        }
    }
}
