package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avutil;

import java.util.Map;

/** Small helpers over FFmpeg's C API: error codes to exceptions, option dictionaries. */
public final class Av {
    /** AVERROR(EAGAIN) on Linux: the codec or filter wants more input first. */
    public static final int EAGAIN = -11;

    private Av() {
    }

    public static int check(int result, String what) {
        if (result < 0) {
            throw new AvException(what + " failed: " + describe(result), result);
        }
        return result;
    }

    public static String describe(int error) {
        byte[] buf = new byte[256];
        avutil.av_strerror(error, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n) + " (" + error + ")";
    }

    public static AVDictionary dictionary(Map<String, String> entries) {
        AVDictionary d = new AVDictionary(null);
        entries.forEach((k, v) -> avutil.av_dict_set(d, k, v, 0));
        return d;
    }

    /** An FFmpeg call that failed; {@link #code()} is its AVERROR. */
    public static final class AvException extends RuntimeException {
        private final int code;

        AvException(String message, int code) {
            super(message);
            this.code = code;
        }

        public int code() {
            return code;
        }
    }
}
