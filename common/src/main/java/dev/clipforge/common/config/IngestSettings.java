package dev.clipforge.common.config;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.List;

/**
 * @param maxUploadSize      largest source accepted (presigned, multipart or fetched)
 * @param uploadUrlTtl       lifetime of a presigned upload URL
 * @param uploadGrace        how long after the upload URL expires an upload may still complete
 * @param maxDuration        longest source accepted
 * @param maxDimension       largest width or height accepted, in pixels
 * @param urlFetchTimeout    total time allowed to fetch a URL source
 * @param urlConnectTimeout  time allowed to connect to a URL source
 * @param urlMaxRedirects    redirects followed when fetching a URL source (each hop is checked again)
 * @param urlAllowList       addresses (CIDR) or host names a URL may reach despite the private-address guard;
 *                           for tests and trusted internal networks
 * @param youtubeDownloader  command that downloads a YouTube URL, with {url} and {output} placeholders,
 *                           e.g. "yt-dlp -f mp4 -o {output} {url}"; empty = YouTube sources are refused
 * @param scratchDir         local working space of ingest and render; empty = {data-dir}/scratch
 * @param previewMaxFrames   most frames one preview strip request may ask for
 */
public record IngestSettings(
        @DefaultValue("4GB") DataSize maxUploadSize,
        @DefaultValue("1h") Duration uploadUrlTtl,
        @DefaultValue("15m") Duration uploadGrace,
        @DefaultValue("4h") Duration maxDuration,
        @DefaultValue("4096") int maxDimension,
        @DefaultValue("15m") Duration urlFetchTimeout,
        @DefaultValue("10s") Duration urlConnectTimeout,
        @DefaultValue("5") int urlMaxRedirects,
        @DefaultValue({}) List<String> urlAllowList,
        @DefaultValue("") String youtubeDownloader,
        @DefaultValue("") String scratchDir,
        @DefaultValue("60") int previewMaxFrames) {

    public long maxUploadMb() {
        return maxUploadSize.toMegabytes();
    }
}
