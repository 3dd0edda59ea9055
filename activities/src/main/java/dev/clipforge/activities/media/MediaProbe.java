package dev.clipforge.activities.media;

import dev.clipforge.common.assets.ProbeResult;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads what a source file is, and rejects what ClipForge cannot clip, each with its own code. */
public final class MediaProbe {
    /** Seconds before the reported end where a decodable frame must exist; catches truncated files. */
    private static final double TAIL_CHECK_SECONDS = 1.0;

    private MediaProbe() {
    }

    public static ProbeResult probe(Path file) throws MediaRejected, IOException {
        long size = Files.size(file);
        if (size == 0) {
            throw new MediaRejected("empty_file", "the file is empty (0 bytes)", "the upload contained no bytes",
                    "upload the video file again");
        }
        try (FFmpegFrameGrabber g = Ffmpeg.grabber(file)) {
            try {
                g.start();
            } catch (FrameGrabber.Exception e) {
                throw unreadable(file);
            }
            if (!g.hasVideo()) {
                if (g.hasAudio()) {
                    throw new MediaRejected("no_video_stream", "the file has no video stream",
                            "only an audio stream (" + g.getAudioCodecName() + ") was found",
                            "upload a video file; ClipForge makes vertical video clips and needs pictures");
                }
                throw unreadable(file);
            }
            double duration = g.getLengthInTime() / 1_000_000.0;
            if (!(duration > 0)) {
                throw new MediaRejected("zero_duration", "the video has no duration",
                        "the container reports a length of zero", "upload a complete recording");
            }
            if (g.getImageWidth() <= 0 || g.getImageHeight() <= 0) {
                throw new MediaRejected("unsupported_media", "the video stream has no picture size",
                        "FFmpeg found a video stream but no frame dimensions", "re-encode the file as H.264 MP4");
            }
            double fps = g.getVideoFrameRate() > 0 ? g.getVideoFrameRate() : g.getFrameRate();
            checkDecodable(g, duration);
            int rotation = (int) Math.round(-g.getDisplayRotation());
            rotation = ((rotation % 360) + 360) % 360;
            long bitRate = g.getFormatContext() == null ? 0 : g.getFormatContext().bit_rate();
            return new ProbeResult(g.getFormat(), duration, true, g.hasAudio(), g.getVideoCodecName(),
                    g.getImageWidth(), g.getImageHeight(), fps, rotation,
                    g.hasAudio() ? g.getAudioCodecName() : null, g.hasAudio() ? g.getSampleRate() : 0,
                    g.hasAudio() ? g.getAudioChannels() : 0, bitRate, size);
        }
    }

    /** The first frame and a frame near the reported end must decode, or the file is damaged or cut short. */
    private static void checkDecodable(FFmpegFrameGrabber g, double duration) throws MediaRejected {
        try {
            Frame first = g.grabImage();
            if (first == null) {
                throw new MediaRejected("corrupt_media", "no frame of the video can be decoded",
                        "the video stream is present but its data does not decode", "re-export or re-encode the video");
            }
            double tail = Math.max(0, duration - TAIL_CHECK_SECONDS);
            if (tail > 0) {
                g.setVideoTimestamp((long) (tail * 1_000_000));
                if (g.grabImage() == null) {
                    throw new MediaRejected("truncated_media", "the video ends before its reported length",
                            "no frame decodes near " + String.format(java.util.Locale.ROOT, "%.1f", tail)
                                    + " s of a reported " + String.format(java.util.Locale.ROOT, "%.1f", duration)
                                    + " s; the file was probably cut off during upload or copy",
                            "upload the complete file");
                }
            }
        } catch (FrameGrabber.Exception e) {
            throw new MediaRejected("corrupt_media", "the video could not be decoded", e.getMessage(),
                    "re-export or re-encode the video");
        }
    }

    private static MediaRejected unreadable(Path file) throws IOException {
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return new MediaRejected("truncated_media", "the MP4 file is incomplete",
                    "it starts like an MP4 but its index (moov) or data is missing, as when an upload is cut off",
                    "upload the complete file");
        }
        if (looksLikeText(head, n)) {
            String kind = new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).trim().toLowerCase(java.util.Locale.ROOT)
                    .startsWith("<") ? "an HTML or XML document" : "text";
            return new MediaRejected("not_media", "the file is " + kind + ", not a video",
                    "its content is readable text, whatever its name or declared content type says",
                    "upload the video file itself (MP4, MOV, MKV, WebM)");
        }
        return new MediaRejected("unsupported_media", "the file is not a video ClipForge can read",
                "FFmpeg recognises no container in it", "upload an MP4, MOV, MKV or WebM video");
    }

    private static boolean looksLikeText(byte[] b, int n) {
        if (n == 0) {
            return false;
        }
        int printable = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7f) || c >= 0xc0) {
                printable++;
            }
        }
        return printable >= n * 0.95;
    }
}
