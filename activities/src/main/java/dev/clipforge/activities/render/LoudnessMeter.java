package dev.clipforge.activities.render;

import dev.clipforge.activities.render.av.Decoder;
import dev.clipforge.activities.render.av.Demuxer;
import dev.clipforge.activities.render.av.FilterGraph;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

import java.nio.file.Path;

import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;

/**
 * Integrated loudness (EBU R128 / BS.1770) and true peak of a window of a source's audio, measured by
 * FFmpeg's ebur128 filter in an audio-only decoding pass: the first half of two-pass normalisation.
 */
public final class LoudnessMeter {
    public record Loudness(double integratedLufs, double truePeakDbtp) {
    }

    private LoudnessMeter() {
    }

    public static Loudness measure(Path source, double start, double end) {
        return measure(source, start, end, "");
    }

    /** Loudness after {@code processing} (a filter chain starting with a comma, or empty) is applied. */
    public static Loudness measure(Path source, double start, double end, String processing) {
        try (Demuxer demux = new Demuxer(source)) {
            if (!demux.hasAudio()) {
                return new Loudness(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY);
            }
            try (Decoder dec = new Decoder(demux.stream(demux.audioStream()))) {
                demux.seek(Math.max(0, start - 0.5));
                String chain = AudioChain.trim(end - start) + processing + ",aresample=48000,ebur128=metadata=1:peak=true[out]";
                double integrated = -70;
                double peak = 0;
                try (FilterGraph graph = AudioChain.graph(dec.context(), chain, true, 0)) {
                    AVPacket p;
                    boolean done = false;
                    while (!done && (p = demux.next()) != null) {
                        if (p.stream_index() != demux.audioStream()) {
                            continue;
                        }
                        dec.send(p);
                        AVFrame f;
                        while ((f = dec.receive()) != null) {
                            double t = dec.seconds(f);
                            if (t >= end) {
                                done = true;
                                break;
                            }
                            f.pts(Math.round((t - start) * dec.context().sample_rate()));
                            graph.push("ain", f);
                        }
                        double[] r = drain(graph, integrated, peak);
                        integrated = r[0];
                        peak = r[1];
                    }
                    graph.push("ain", null);
                    double[] r = drain(graph, integrated, peak);
                    integrated = r[0];
                    peak = r[1];
                }
                return new Loudness(integrated, peak <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(peak));
            }
        }
    }

    private static double[] drain(FilterGraph graph, double integrated, double peak) {
        AVFrame out;
        while ((out = graph.pull()) != null) {
            AVDictionaryEntry i = av_dict_get(out.metadata(), "lavfi.r128.I", null, 0);
            if (i != null) {
                integrated = Double.parseDouble(i.value().getString());
            }
            AVDictionaryEntry tp = av_dict_get(out.metadata(), "lavfi.r128.true_peak", null, 0);
            if (tp != null) {
                peak = Math.max(peak, Double.parseDouble(tp.value().getString()));
            }
        }
        return new double[]{integrated, peak};
    }
}
