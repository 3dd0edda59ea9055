package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

import java.nio.file.Path;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;

/** An MP4 file written with {@code +faststart}: the index moves to the front so players start at once. */
public final class Mp4Muxer implements AutoCloseable {
    /** Move the moov atom before the media data, so playback starts before the download ends. */
    static final String FASTSTART = "+faststart";

    private final AVFormatContext oc = new AVFormatContext(null);
    private final Path file;
    private boolean headerWritten;
    private boolean closed;

    public Mp4Muxer(Path file) {
        this.file = file;
        Av.check(avformat_alloc_output_context2(oc, null, "mp4", file.toString()), "creating the MP4 container");
    }

    public boolean needsGlobalHeader() {
        return (oc.oformat().flags() & AVFMT_GLOBALHEADER) != 0;
    }

    /** Adds a stream for an opened encoder; returns it. */
    public AVStream add(Encoder encoder) {
        AVStream st = avformat_new_stream(oc, null);
        Av.check(avcodec_parameters_from_context(st.codecpar(), encoder.context()), "describing stream");
        st.time_base(encoder.context().time_base());
        return st;
    }

    public void start() {
        AVIOContext pb = new AVIOContext(null);
        Av.check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "opening " + file.getFileName() + " for writing");
        oc.pb(pb);
        AVDictionary opts = Av.dictionary(Map.of("movflags", FASTSTART));
        try {
            Av.check(avformat_write_header(oc, opts), "writing the MP4 header");
        } finally {
            av_dict_free(opts);
        }
        headerWritten = true;
    }

    public void write(AVPacket packet, Encoder encoder, AVStream stream) {
        // x264 leaves durations unset; without one the MP4's edit list ends a frame early and drops the last frame
        if (packet.duration() <= 0 && encoder.context().codec_type() == AVMEDIA_TYPE_VIDEO) {
            packet.duration(1);
        }
        av_packet_rescale_ts(packet, encoder.context().time_base(), stream.time_base());
        packet.stream_index(stream.index());
        Av.check(av_interleaved_write_frame(oc, packet), "writing a packet");
    }

    public void finish() {
        Av.check(av_write_trailer(oc), "finishing the MP4");
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (headerWritten || oc.pb() != null) {
            avio_closep(oc.pb());
        }
        avformat_free_context(oc);
    }
}
