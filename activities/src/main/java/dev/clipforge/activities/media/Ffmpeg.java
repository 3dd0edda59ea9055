package dev.clipforge.activities.media;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;

import java.nio.file.Path;

/** One place for how ClipForge opens media with FFmpeg. */
public final class Ffmpeg {
    /** Only local files: a crafted playlist or concat file must not make FFmpeg open URLs or other files. */
    public static final String PROTOCOL_WHITELIST = "file";

    static {
        // FFmpeg's own chatter goes through SLF4J at error level, not to the worker's stderr
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        FFmpegLogCallback.set();
    }

    private Ffmpeg() {
    }

    /** Loads the class, and with it the log settings above, before a recorder is used on its own. */
    public static void init() {
        // the static initialiser did the work
    }

    /** A grabber on a local file, restricted to the file protocol. The caller starts and closes it. */
    public static FFmpegFrameGrabber grabber(Path file) {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile());
        g.setOption("protocol_whitelist", PROTOCOL_WHITELIST);
        return g;
    }
}
