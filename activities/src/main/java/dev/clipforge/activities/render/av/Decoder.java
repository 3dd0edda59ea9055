package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG2_FAST;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;

/** Decodes one stream, on all cores the codec can use. */
public final class Decoder implements AutoCloseable {
    /** FFmpeg's FF_THREAD_FRAME | FF_THREAD_SLICE, which the bindings do not carry. */
    private static final int FRAME_AND_SLICE_THREADS = 1 | 2;

    private final AVCodecContext ctx;
    private final AVFrame frame = av_frame_alloc();
    private final AVStream stream;

    public Decoder(AVStream stream) {
        this.stream = stream;
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            throw new Av.AvException("no decoder for codec id " + stream.codecpar().codec_id(), -1);
        }
        ctx = avcodec_alloc_context3(codec);
        Av.check(avcodec_parameters_to_context(ctx, stream.codecpar()), "configuring the decoder");
        ctx.pkt_timebase(stream.time_base());
        ctx.thread_count(0);
        ctx.thread_type(FRAME_AND_SLICE_THREADS);
        ctx.flags2(ctx.flags2() | AV_CODEC_FLAG2_FAST);
        Av.check(avcodec_open2(ctx, codec, (AVDictionary) null), "opening the decoder");
    }

    public AVCodecContext context() {
        return ctx;
    }

    /** @param packet null to drain */
    public void send(AVPacket packet) {
        int r = avcodec_send_packet(ctx, packet);
        if (r < 0 && r != AVERROR_EOF && r != Av.EAGAIN) {
            Av.check(r, "decoding");
        }
    }

    /** The next decoded frame (valid until the next call), or null when the decoder needs input or is done. */
    public AVFrame receive() {
        av_frame_unref(frame);
        int r = avcodec_receive_frame(ctx, frame);
        if (r == Av.EAGAIN || r == AVERROR_EOF) {
            return null;
        }
        Av.check(r, "decoding a frame");
        return frame;
    }

    /** The frame's presentation time in seconds. */
    public double seconds(AVFrame f) {
        long pts = f.best_effort_timestamp();
        return pts * (double) stream.time_base().num() / stream.time_base().den();
    }

    @Override
    public void close() {
        av_frame_free(frame);
        avcodec_free_context(ctx);
    }
}
