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
 * Integrated loudness (EBU R128 / BS.1770) and peak of a window of a source's audio, measured by FFmpeg's
 * ebur128 filter in an audio-only decoding pass: the first half of two-pass normalisation, and QA's measure.
 */
public final class LoudnessMeter {
    /** Integrated loudness (LUFS) and true peak (dBTP). */
    public record Loudness(double integratedLufs, double truePeakDbtp) {
    }

    /**
     * Integrated loudness (LUFS) and sample peak (dBFS): what finding a normalising gain needs. The sample peak
     * costs nothing extra; the true peak oversamples the audio four times, about a third of a pass.
     */
    public record Level(double integratedLufs, double samplePeakDbfs) {
    }

    private LoudnessMeter() {
    }

    public static Loudness measure(Path source, double start, double end) {
        return measure(source, start, end, "");
    }

    /** Loudness after {@code processing} (a filter chain starting with a comma, or empty) is applied. */
    public static Loudness measure(Path source, double start, double end, String processing) {
        double[] r = run(source, start, end, processing, "true", "lavfi.r128.true_peak");
        return new Loudness(r[0], r[1]);
    }

    /** Level after {@code processing} (a filter chain starting with a comma, or empty) is applied. */
    public static Level level(Path source, double start, double end, String processing) {
        double[] r = run(source, start, end, processing, "sample", "lavfi.r128.sample_peak");
        return new Level(r[0], r[1]);
    }

    /** Integrated loudness and the peak ebur128 reports as {@code peakKey} (linear), in dB. */
    private static double[] run(Path source, double start, double end, String processing, String peakMode, String peakKey) {
        try (Demuxer demux = new Demuxer(source)) {
            if (!demux.hasAudio()) {
                return new double[]{Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            }
            try (Decoder dec = new Decoder(demux.stream(demux.audioStream()))) {
                demux.seek(Math.max(0, start - 0.5));
                String chain = AudioChain.trim(end - start) + processing + ",aresample=48000,ebur128=metadata=1:peak="
                        + peakMode + "[out]";
                double[] state = {-70, 0};
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
                        drain(graph, peakKey, state);
                    }
                    graph.push("ain", null);
                    drain(graph, peakKey, state);
                }
                return new double[]{state[0], state[1] <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(state[1])};
            }
        }
    }

    /** state = {integrated loudness so far, largest peak so far (linear)}. */
    private static void drain(FilterGraph graph, String peakKey, double[] state) {
        AVFrame out;
        while ((out = graph.pull()) != null) {
            AVDictionaryEntry i = av_dict_get(out.metadata(), "lavfi.r128.I", null, 0);
            if (i != null) {
                state[0] = Double.parseDouble(i.value().getString());
            }
            AVDictionaryEntry peak = av_dict_get(out.metadata(), peakKey, null, 0);
            if (peak != null) {
                state[1] = Math.max(state[1], Double.parseDouble(peak.value().getString()));
            }
        }
    }
}
