package dev.clipforge.activities.render;

import dev.clipforge.activities.render.av.FilterGraph;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;

import java.util.List;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_describe;
import static org.bytedeco.ffmpeg.global.avutil.av_get_sample_fmt_name;

/** Audio filter chains over the clip window: exact trim to the window, then whatever the caller adds. */
final class AudioChain {
    private AudioChain() {
    }

    /** The buffer source for frames from this decoder, with timestamps in samples from the window start. */
    static FilterGraph.Source source(AVCodecContext decoder) {
        byte[] layout = new byte[128];
        av_channel_layout_describe(decoder.ch_layout(), layout, layout.length);
        int n = 0;
        while (n < layout.length && layout[n] != 0) {
            n++;
        }
        String args = String.format(Locale.ROOT, "time_base=1/%d:sample_rate=%d:sample_fmt=%s:channel_layout=%s",
                decoder.sample_rate(), decoder.sample_rate(), av_get_sample_fmt_name(decoder.sample_fmt()).getString(),
                new String(layout, 0, n));
        return new FilterGraph.Source("ain", "abuffer", args);
    }

    static String trim(double duration) {
        return String.format(Locale.ROOT, "[ain]atrim=start=0:end=%.6f,asetpts=N/SR/TB", duration);
    }

    static FilterGraph graph(AVCodecContext decoder, String description, boolean audioSink, int frameSize) {
        return new FilterGraph(description, List.of(source(decoder)), audioSink, frameSize, 1);
    }

}
