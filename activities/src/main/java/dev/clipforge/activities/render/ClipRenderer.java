package dev.clipforge.activities.render;

import dev.clipforge.activities.render.av.Av;
import dev.clipforge.activities.render.av.Decoder;
import dev.clipforge.activities.render.av.Demuxer;
import dev.clipforge.activities.render.av.Encoder;
import dev.clipforge.activities.render.av.FilterGraph;
import dev.clipforge.activities.render.av.Mp4Muxer;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.layout.LayoutDoc;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

/**
 * Renders a clip window in one decoding pass: each decoded frame goes, still in YUV, through its layout
 * segment's filter graph (crop following the camera, scale, layout, caption overlay) straight into the
 * encoder; the window's audio is trimmed exactly, normalised when asked, and encoded alongside.
 */
public final class ClipRenderer {
    private static final Logger log = LoggerFactory.getLogger(ClipRenderer.class);
    /** Filter-graph threads: scaling the frame is the costliest filter and splits well. */
    private static final int GRAPH_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());
    static final int AUDIO_RATE = 48_000;
    /** Gain normalisation may apply at most; quieter sources keep some of their quietness rather than their noise. */
    static final double MAX_GAIN_DB = 24;

    public interface Progress {
        void frames(long done, long total);
    }

    /** @param encoder the video encoder used (libx264 when a GPU encoder was asked for but is unavailable) */
    public record Result(long frames, double durationSeconds, int width, int height, boolean hasAudio, String encoder,
                         double gainDb, long captionStatesPainted) {
    }

    public Result render(Path source, int rotation, LayoutDoc layout, CaptionDoc captions, RenderProfile profile, Path out,
                         Progress progress) {
        double start = layout.windowStart();
        double duration = layout.windowEnd() - layout.windowStart();
        double gainDb = profile.targetLufs() == null ? 0 : normalisingGain(source, start, layout.windowEnd(), profile);
        boolean withCaptions = captions != null && !captions.cues().isEmpty();
        try (Demuxer demux = new Demuxer(source);
             Decoder video = new Decoder(demux.stream(demux.videoStream()));
             Decoder audio = demux.hasAudio() ? new Decoder(demux.stream(demux.audioStream())) : null;
             Mp4Muxer mux = new Mp4Muxer(out);
             CaptionBand band = withCaptions ? new CaptionBand(captions, profile.width(), fps(demux)) : null) {
            AVRational rate = frameRate(demux.stream(demux.videoStream()));
            double fps = rate.num() / (double) rate.den();
            Encoder venc = videoEncoder(profile, rate, mux.needsGlobalHeader());
            Encoder aenc = audio != null ? Encoder.aac(AUDIO_RATE, profile.audioBitRate(), mux.needsGlobalHeader()) : null;
            try {
                AVStream vst = mux.add(venc);
                AVStream ast = aenc != null ? mux.add(aenc) : null;
                mux.start();
                demux.seek(Math.max(0, start));

                Pipeline pipe = new Pipeline(layout, band, profile, rotation, video, venc, mux, vst);
                FilterGraph audioGraph = audio == null ? null : AudioChain.graph(audio.context(), audioChain(duration, gainDb,
                        profile), true, aenc.context().frame_size());
                long total = Math.round(duration * fps);
                long samplesOut = 0;
                boolean videoDone = false;
                boolean audioDone = audio == null;
                try {
                    AVPacket p;
                    while (!(videoDone && audioDone) && (p = demux.next()) != null) {
                        if (p.stream_index() == demux.videoStream() && !videoDone) {
                            video.send(p);
                            AVFrame f;
                            while ((f = video.receive()) != null) {
                                double t = video.seconds(f) - start;
                                if (t < -0.5 / fps) {
                                    continue;
                                }
                                if (t >= duration - 0.5 / fps) {
                                    videoDone = true;
                                    break;
                                }
                                pipe.frame(f, Math.max(0, t));
                                if (pipe.framesOut() % 15 == 0) {
                                    progress.frames(pipe.framesOut(), total);
                                }
                            }
                        } else if (audio != null && p.stream_index() == demux.audioStream() && !audioDone) {
                            audio.send(p);
                            AVFrame f;
                            while ((f = audio.receive()) != null) {
                                double t = audio.seconds(f) - start;
                                if (t >= duration) {
                                    audioDone = true;
                                    break;
                                }
                                f.pts(Math.round(t * audio.context().sample_rate()));
                                audioGraph.push("ain", f);
                            }
                            samplesOut = drainAudio(audioGraph, aenc, mux, ast, samplesOut);
                        }
                    }
                    pipe.finish();
                    if (audioGraph != null) {
                        audioGraph.push("ain", null);
                        samplesOut = drainAudio(audioGraph, aenc, mux, ast, samplesOut);
                        aenc.send(null);
                        writeAll(aenc, mux, ast);
                    }
                } finally {
                    if (audioGraph != null) {
                        audioGraph.close();
                    }
                }
                mux.finish();
                progress.frames(pipe.framesOut(), total);
                log.info("rendered {} {}x{}, {} frames, video encoded with {}", profile.name(), profile.width(),
                        profile.height(), pipe.framesOut(), venc.name());
                return new Result(pipe.framesOut(), pipe.framesOut() / fps, profile.width(), profile.height(), audio != null,
                        venc.name(), gainDb, band == null ? 0 : band.paintedStates());
            } finally {
                venc.close();
                if (aenc != null) {
                    aenc.close();
                }
            }
        }
    }

    /**
     * Measured, then applied: the gain that brings the window to the target, found by measuring the source
     * and, where the limiter will act, the gain-and-limiter chain itself (the limiter takes some loudness off
     * peaky speech). Where the gained peaks stay under the limiter's ceiling the limiter passes the audio
     * untouched, so the gain alone lands on the target and no second pass is needed.
     */
    static double normalisingGain(Path source, double start, double end, RenderProfile profile) {
        LoudnessMeter.Level before = LoudnessMeter.level(source, start, end, "");
        if (!Double.isFinite(before.integratedLufs()) || before.integratedLufs() <= -60) {
            return 0;
        }
        double gain = clampGain(profile.targetLufs() - before.integratedLufs());
        if (before.samplePeakDbfs() + gain < 20 * Math.log10(limiterCeiling(profile))) {
            return gain;
        }
        for (int i = 0; i < 2; i++) {
            double after = LoudnessMeter.level(source, start, end, normalise(gain, profile)).integratedLufs();
            double miss = profile.targetLufs() - after;
            if (Math.abs(miss) < 0.2) {
                break;
            }
            gain = clampGain(gain + miss);
        }
        return gain;
    }

    private static double clampGain(double db) {
        return Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, db));
    }

    /** Gain, then a look-ahead limiter under the peak ceiling. */
    private static String normalise(double gainDb, RenderProfile profile) {
        return String.format(Locale.ROOT, ",volume=%.3fdB,alimiter=limit=%.4f:level=false:latency=true", gainDb,
                limiterCeiling(profile));
    }

    /** The limiter's ceiling (linear): half a dB under the true-peak limit, since sample peaks lag true peaks. */
    private static double limiterCeiling(RenderProfile profile) {
        return Math.max(0.0625, Math.min(1, Math.pow(10, (profile.truePeakDb() - 0.5) / 20)));
    }

    private static String audioChain(double duration, double gainDb, RenderProfile profile) {
        StringBuilder chain = new StringBuilder(AudioChain.trim(duration));
        if (profile.targetLufs() != null) {
            chain.append(normalise(gainDb, profile));
        }
        chain.append(",aresample=").append(AUDIO_RATE).append(",aformat=sample_fmts=fltp:channel_layouts=stereo[out]");
        return chain.toString();
    }

    private static long drainAudio(FilterGraph graph, Encoder enc, Mp4Muxer mux, AVStream st, long samplesOut) {
        AVFrame f;
        while ((f = graph.pull()) != null) {
            f.pts(samplesOut);
            samplesOut += f.nb_samples();
            enc.send(f);
            writeAll(enc, mux, st);
        }
        return samplesOut;
    }

    static void writeAll(Encoder enc, Mp4Muxer mux, AVStream st) {
        AVPacket pkt;
        while ((pkt = enc.receive()) != null) {
            mux.write(pkt, enc, st);
        }
    }

    private static Encoder videoEncoder(RenderProfile profile, AVRational rate, boolean globalHeader) {
        if (!"libx264".equals(profile.codec())) {
            try {
                Map<String, String> nvenc = Map.of("preset", "p4", "rc", "vbr", "cq", profile.x264().getOrDefault("crf", "23"),
                        "profile", "high");
                return Encoder.video(profile.codec(), profile.width(), profile.height(), rate, nvenc, globalHeader);
            } catch (Av.AvException e) {
                log.info("{} is not available here ({}); encoding with libx264", profile.codec(), e.getMessage());
            }
        }
        return Encoder.video("libx264", profile.width(), profile.height(), rate, profile.x264(), globalHeader);
    }

    private static double fps(Demuxer demux) {
        AVRational r = frameRate(demux.stream(demux.videoStream()));
        return r.num() / (double) r.den();
    }

    /** The stream's frame rate, capped at 60 (higher rates are rendered at 60). */
    static AVRational frameRate(AVStream st) {
        AVRational r = st.avg_frame_rate();
        if (r.num() <= 0 || r.den() <= 0) {
            r = st.r_frame_rate();
        }
        if (r.num() <= 0 || r.den() <= 0) {
            return av_make_q(30, 1);
        }
        if (r.num() / (double) r.den() > 60) {
            return av_make_q(60, 1);
        }
        return av_make_q(r.num(), r.den());
    }

    /** The video path: one graph per layout segment, rebuilt when the segment changes. */
    private static final class Pipeline {
        private final LayoutDoc layout;
        private final CaptionBand band;
        private final RenderProfile profile;
        private final int rotation;
        private final Decoder decoder;
        private final Encoder encoder;
        private final Mp4Muxer mux;
        private final AVStream stream;
        private final String captionY;
        private final String captionOn;
        private final Map<LayoutDoc.Segment, String> descriptions = new HashMap<>();
        private FilterGraph graph;
        private LayoutDoc.Segment current;
        private long framesOut;

        Pipeline(LayoutDoc layout, CaptionBand band, RenderProfile profile, int rotation, Decoder decoder, Encoder encoder,
                 Mp4Muxer mux, AVStream stream) {
            this.layout = layout;
            this.band = band;
            this.profile = profile;
            this.rotation = rotation;
            this.decoder = decoder;
            this.encoder = encoder;
            this.mux = mux;
            this.stream = stream;
            this.captionY = band == null ? null : band.yExpression();
            this.captionOn = band == null ? null : band.enabledExpression();
        }

        long framesOut() {
            return framesOut;
        }

        void frame(AVFrame f, double t) {
            LayoutDoc.Segment segment = layout.segmentAt(t);
            if (segment != current) {
                closeGraph();
                graph = open(segment, f);
                current = segment;
            }
            f.pts(Math.round(t * 1_000_000));
            graph.push("in", f);
            if (band != null) {
                AVFrame cap = band.at(t);
                cap.pts(f.pts());
                graph.push("cap", cap);
            }
            drain();
        }

        private FilterGraph open(LayoutDoc.Segment segment, AVFrame f) {
            String desc = descriptions.computeIfAbsent(segment,
                    s -> SegmentGraphs.video(s, profile.width(), profile.height(), rotation, captionY, captionOn));
            AVRational sar = decoder.context().sample_aspect_ratio();
            String sarText = sar.num() > 0 && sar.den() > 0 ? sar.num() + "/" + sar.den() : "1/1";
            List<FilterGraph.Source> sources = new ArrayList<>();
            sources.add(new FilterGraph.Source("in", "buffer", String.format(Locale.ROOT,
                    "video_size=%dx%d:pix_fmt=%d:time_base=1/1000000:pixel_aspect=%s", f.width(), f.height(), f.format(), sarText)));
            if (band != null) {
                sources.add(new FilterGraph.Source("cap", "buffer", String.format(Locale.ROOT,
                        "video_size=%dx%d:pix_fmt=%d:time_base=1/1000000:pixel_aspect=1/1", band.width(), band.height(),
                        CaptionBand.pixelFormat())));
            }
            return new FilterGraph(desc, sources, false, 0, GRAPH_THREADS);
        }

        private void drain() {
            AVFrame o;
            while ((o = graph.pull()) != null) {
                o.pts(framesOut++);
                encoder.send(o);
                writeAll(encoder, mux, stream);
            }
        }

        private void closeGraph() {
            if (graph != null) {
                graph.push("in", null);
                if (band != null) {
                    graph.push("cap", null);
                }
                drain();
                graph.close();
                graph = null;
            }
        }

        void finish() {
            closeGraph();
            encoder.send(null);
            writeAll(encoder, mux, stream);
        }

    }
}
