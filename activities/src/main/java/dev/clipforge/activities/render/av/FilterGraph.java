package dev.clipforge.activities.render.av;

import org.bytedeco.ffmpeg.avfilter.AVFilterContext;
import org.bytedeco.ffmpeg.avfilter.AVFilterGraph;
import org.bytedeco.ffmpeg.avfilter.AVFilterInOut;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avfilter.AV_BUFFERSRC_FLAG_KEEP_REF;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_get_frame;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersink_set_frame_size;
import static org.bytedeco.ffmpeg.global.avfilter.av_buffersrc_add_frame_flags;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_get_by_name;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_config;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_create_filter;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_free;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_graph_parse_ptr;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_alloc;
import static org.bytedeco.ffmpeg.global.avfilter.avfilter_inout_free;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_strdup;

/**
 * An FFmpeg filter graph given as text, with named buffer sources (each with its own size and format,
 * unlike JavaCV's filter) and one sink labelled {@code out}.
 */
public final class FilterGraph implements AutoCloseable {

    /** @param filter {@code buffer} (video) or {@code abuffer} (audio); args as FFmpeg's buffer source takes them */
    public record Source(String label, String filter, String args) {
    }

    private final AVFilterGraph graph;
    private final Map<String, AVFilterContext> sources = new LinkedHashMap<>();
    private final AVFilterContext sink;
    private final AVFrame out = av_frame_alloc();

    /**
     * @param sinkFrameSize for audio sinks: samples per output frame (the encoder's frame size); 0 for video
     */
    public FilterGraph(String description, List<Source> inputs, boolean audioSink, int sinkFrameSize, int threads) {
        graph = avfilter_graph_alloc();
        graph.nb_threads(threads);
        AVFilterInOut outputs = null;
        try {
            for (int i = inputs.size() - 1; i >= 0; i--) {
                Source s = inputs.get(i);
                AVFilterContext ctx = new AVFilterContext();
                Av.check(avfilter_graph_create_filter(ctx, avfilter_get_by_name(s.filter()), s.label(), s.args(), null, graph),
                        "creating buffer source " + s.label());
                sources.put(s.label(), ctx);
                AVFilterInOut io = avfilter_inout_alloc();
                io.name(av_strdup(new BytePointer(s.label())));
                io.filter_ctx(ctx);
                io.pad_idx(0);
                io.next(outputs);
                outputs = io;
            }
            sink = new AVFilterContext();
            Av.check(avfilter_graph_create_filter(sink, avfilter_get_by_name(audioSink ? "abuffersink" : "buffersink"),
                    "out", null, null, graph), "creating the sink");
            AVFilterInOut in = avfilter_inout_alloc();
            in.name(av_strdup(new BytePointer("out")));
            in.filter_ctx(sink);
            in.pad_idx(0);
            in.next(null);
            try {
                Av.check(avfilter_graph_parse_ptr(graph, description, in, outputs, null), "parsing filter graph");
                Av.check(avfilter_graph_config(graph, null), "configuring filter graph");
            } finally {
                avfilter_inout_free(in);
                avfilter_inout_free(outputs);
            }
            if (audioSink && sinkFrameSize > 0) {
                av_buffersink_set_frame_size(sink, sinkFrameSize);
            }
        } catch (RuntimeException e) {
            avfilter_graph_free(graph);
            av_frame_free(out);
            throw e;
        }
    }

    /** Pushes a frame (or null for end of stream) without taking ownership of it. */
    public void push(String label, AVFrame frame) {
        Av.check(av_buffersrc_add_frame_flags(sources.get(label), frame, AV_BUFFERSRC_FLAG_KEEP_REF), "feeding " + label);
    }

    /** The next filtered frame (valid until the next call), or null when more input is needed or the graph ended. */
    public AVFrame pull() {
        av_frame_unref(out);
        int r = av_buffersink_get_frame(sink, out);
        if (r == Av.EAGAIN || r == AVERROR_EOF) {
            return null;
        }
        Av.check(r, "filtering");
        return out;
    }

    @Override
    public void close() {
        av_frame_free(out);
        avfilter_graph_free(graph);
    }
}
