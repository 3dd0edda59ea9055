package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;

import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

/** An opened encoder; packets come out in its time base. */
public final class Encoder implements AutoCloseable {
    /** Side of the picture {@link #opens} tries: above every H.264 encoder's minimum size. */
    private static final int PROBE_SIZE = 256;

    private final AVCodecContext ctx;
    private final AVPacket packet = av_packet_alloc();
    private final String name;

    private Encoder(AVCodecContext ctx, String name) {
        this.ctx = ctx;
        this.name = name;
    }

    /**
     * H.264 at the given size and frame rate. {@code options} are the encoder's private options
     * (preset, crf, profile, ...).
     */
    public static Encoder video(String codecName, int width, int height, AVRational frameRate, Map<String, String> options,
                                boolean globalHeader) {
        AVCodec codec = avcodec_find_encoder_by_name(codecName);
        if (codec == null) {
            throw new Av.AvException("no encoder named " + codecName, -1);
        }
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.width(width);
        c.height(height);
        c.pix_fmt(AV_PIX_FMT_YUV420P);
        c.time_base(av_make_q(frameRate.den(), frameRate.num()));
        c.framerate(frameRate);
        c.sample_aspect_ratio(av_make_q(1, 1));
        c.gop_size((int) Math.round(2.0 * frameRate.num() / frameRate.den()));
        c.thread_count(0);
        if (globalHeader) {
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        return open(c, codec, options, codecName);
    }

    /**
     * Whether the named video encoder can really be used here: found in this FFmpeg build and opened on a small
     * picture. A GPU encoder passes only where its GPU and driver are present and support it (an H100, say,
     * has no NVENC unit), so being compiled in, or a GPU being there, is not enough.
     */
    public static boolean opens(String codecName) {
        if (avcodec_find_encoder_by_name(codecName) == null) {
            return false;
        }
        try (Encoder probe = video(codecName, PROBE_SIZE, PROBE_SIZE, av_make_q(25, 1), Map.of(), false)) {
            return probe.name().equals(codecName);
        } catch (Av.AvException e) {
            return false;
        }
    }

    /** AAC, stereo, float planar. */
    public static Encoder aac(int sampleRate, long bitRate, boolean globalHeader) {
        AVCodec codec = avcodec_find_encoder_by_name("aac");
        AVCodecContext c = avcodec_alloc_context3(codec);
        c.sample_rate(sampleRate);
        c.sample_fmt(AV_SAMPLE_FMT_FLTP);
        av_channel_layout_default(c.ch_layout(), 2);
        c.bit_rate(bitRate);
        c.time_base(av_make_q(1, sampleRate));
        if (globalHeader) {
            c.flags(c.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        return open(c, codec, Map.of(), "aac");
    }

    private static Encoder open(AVCodecContext c, AVCodec codec, Map<String, String> options, String name) {
        AVDictionary opts = Av.dictionary(options);
        try {
            int r = avcodec_open2(c, codec, opts);
            if (r < 0) {
                avcodec_free_context(c);
                Av.check(r, "opening encoder " + name);
            }
        } finally {
            av_dict_free(opts);
        }
        return new Encoder(c, name);
    }

    public AVCodecContext context() {
        return ctx;
    }

    public String name() {
        return name;
    }

    /** @param frame null to flush */
    public void send(AVFrame frame) {
        int r = avcodec_send_frame(ctx, frame);
        if (r < 0 && r != AVERROR_EOF) {
            Av.check(r, "encoding with " + name);
        }
    }

    /** The next encoded packet (valid until the next call), or null. */
    public AVPacket receive() {
        av_packet_unref(packet);
        int r = avcodec_receive_packet(ctx, packet);
        if (r == Av.EAGAIN || r == AVERROR_EOF) {
            return null;
        }
        Av.check(r, "encoding with " + name);
        return packet;
    }

    @Override
    public void close() {
        av_packet_free(packet);
        avcodec_free_context(ctx);
    }
}
