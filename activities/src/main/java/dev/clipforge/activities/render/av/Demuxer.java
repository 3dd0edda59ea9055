package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;

import java.nio.file.Path;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_seek_file;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;

/** A local media file opened for reading packets; only the file protocol is allowed. */
public final class Demuxer implements AutoCloseable {
    private final AVFormatContext fmt;
    private final int videoStream;
    private final int audioStream;
    private final AVPacket packet = av_packet_alloc();

    public Demuxer(Path file) {
        fmt = new AVFormatContext(null);
        AVDictionary options = Av.dictionary(Map.of("protocol_whitelist", "file"));
        try {
            Av.check(avformat_open_input(fmt, file.toString(), null, options), "opening " + file.getFileName());
        } finally {
            av_dict_free(options);
        }
        Av.check(avformat_find_stream_info(fmt, (PointerPointer<?>) null), "reading stream info");
        videoStream = av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, (AVCodec) null, 0);
        audioStream = av_find_best_stream(fmt, AVMEDIA_TYPE_AUDIO, -1, videoStream, (AVCodec) null, 0);
    }

    public AVFormatContext context() {
        return fmt;
    }

    public int videoStream() {
        return videoStream;
    }

    public int audioStream() {
        return audioStream;
    }

    public boolean hasAudio() {
        return audioStream >= 0;
    }

    public AVStream stream(int index) {
        return fmt.streams(index);
    }

    /** Seeks to the last keyframe at or before {@code seconds}. */
    public void seek(double seconds) {
        long ts = (long) (seconds * AV_TIME_BASE);
        Av.check(avformat_seek_file(fmt, -1, Long.MIN_VALUE, ts, ts, 0), "seeking to " + seconds + " s");
    }

    /** The next packet (valid until the next call), or null at the end of the file. */
    public AVPacket next() {
        av_packet_unref(packet);
        int r = av_read_frame(fmt, packet);
        if (r < 0) {
            return null;
        }
        return packet;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avformat_close_input(fmt);
    }
}
