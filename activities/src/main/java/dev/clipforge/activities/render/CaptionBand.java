package dev.clipforge.activities.render;

import dev.clipforge.activities.captions.CaptionPainter;
import dev.clipforge.common.captions.CaptionDoc;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.ffmpeg.swscale.SwsContext;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_ABGR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVA420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * The caption layer fed to the filter graph: a transparent band as wide as the output and as tall as the
 * tallest cue, moved to each cue's place by the overlay's y expression. A caption state (cue, spoken
 * word, pop step) is painted once, converted once to the YUVA the overlay blends in, and reused while it
 * lasts: no per-frame colour conversion.
 */
final class CaptionBand implements AutoCloseable {
    /** Painted states kept: they are used in time order, so a few suffice. */
    private static final int CACHE = 6;

    private final CaptionDoc doc;
    private final double scale;
    private final int width;
    private final int height;
    private final double fps;
    private final SwsContext toYuva;
    private final AVFrame empty;
    private final Map<String, AVFrame> cache = new LinkedHashMap<>(16, 0.75f, true);
    private long painted;
    /** Word sprites of the cue on screen: its states are made from them. */
    private CaptionPainter.CueArt art;
    private int artCue = -1;

    CaptionBand(CaptionDoc doc, int outW, double fps) {
        this.doc = doc;
        this.scale = outW / (double) doc.outputWidth();
        this.fps = fps;
        this.width = outW;
        double tallest = doc.cues().stream().mapToDouble(c -> c.box().h()).max().orElse(2);
        this.height = SegmentGraphs.even(Math.ceil(tallest * scale) + 2);
        this.toYuva = sws_getContext(width, height, AV_PIX_FMT_ABGR, width, height, AV_PIX_FMT_YUVA420P,
                SWS_BICUBIC | SWS_ACCURATE_RND, null, null, (DoublePointer) null);
        this.empty = frame(new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR));
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    long paintedStates() {
        return painted;
    }

    /** Overlay y of the band, per cue. */
    String yExpression() {
        List<double[]> steps = new ArrayList<>();
        for (CaptionDoc.Cue c : doc.cues()) {
            steps.add(new double[]{c.start(), c.end(), Math.round(c.box().y() * scale)});
        }
        return Expressions.stepwise(steps);
    }

    String enabledExpression() {
        List<double[]> spans = new ArrayList<>();
        for (CaptionDoc.Cue c : doc.cues()) {
            spans.add(new double[]{c.start(), c.end()});
        }
        return Expressions.within(spans);
    }

    /** The band for clip time {@code t} (owned by this object; the graph takes its own reference). */
    AVFrame at(double t) {
        int index = -1;
        for (int i = 0; i < doc.cues().size(); i++) {
            CaptionDoc.Cue c = doc.cues().get(i);
            if (t >= c.start() && t < c.end()) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return empty;
        }
        CaptionDoc.Cue cue = doc.cues().get(index);
        String animation = doc.theme().animation();
        int active = "none".equals(animation) ? -1 : cue.activeWord(t);
        int step = 0;
        if ("pop".equals(animation) && active >= 0) {
            step = Math.min(CaptionPainter.POP_STEPS, (int) Math.floor((t - cue.words().get(active).start()) * fps));
        }
        String key = index + ":" + active + ":" + step;
        AVFrame cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        if (art == null || artCue != index) {
            art = new CaptionPainter.CueArt(cue, doc.theme(), scale);
            artCue = index;
        }
        BufferedImage band = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        Graphics2D g = band.createGraphics();
        art.paintInto(g, (int) Math.round(cue.box().x() * scale), 0, active, step);
        g.dispose();
        AVFrame f = frame(band);
        painted++;
        cache.put(key, f);
        if (cache.size() > CACHE) {
            var eldest = cache.entrySet().iterator().next();
            av_frame_free(eldest.getValue());
            cache.remove(eldest.getKey());
        }
        return f;
    }

    /** The pixel format of the frames this band hands out. */
    static int pixelFormat() {
        return AV_PIX_FMT_YUVA420P;
    }

    private AVFrame frame(BufferedImage image) {
        AVFrame abgr = av_frame_alloc();
        abgr.format(AV_PIX_FMT_ABGR);
        abgr.width(image.getWidth());
        abgr.height(image.getHeight());
        av_frame_get_buffer(abgr, 32);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        BytePointer data = abgr.data(0);
        int stride = abgr.linesize(0);
        int row = image.getWidth() * 4;
        for (int y = 0; y < image.getHeight(); y++) {
            data.position((long) y * stride).put(pixels, y * row, row);
        }
        data.position(0);
        AVFrame yuva = av_frame_alloc();
        yuva.format(AV_PIX_FMT_YUVA420P);
        yuva.width(width);
        yuva.height(height);
        av_frame_get_buffer(yuva, 32);
        sws_scale(toYuva, abgr.data(), abgr.linesize(), 0, height, yuva.data(), yuva.linesize());
        av_frame_free(abgr);
        return yuva;
    }

    @Override
    public void close() {
        cache.values().forEach(f -> av_frame_free(f));
        cache.clear();
        av_frame_free(empty);
        sws_freeContext(toYuva);
    }
}
