package dev.clipforge.activities.qa;

import dev.clipforge.activities.media.FrameGrabs;
import dev.clipforge.activities.captions.Fonts;
import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visual-debug sheet: at sampled moments, the source frame with face boxes, track ids, the active
 * speaker and the crop window, next to the output frame with its caption box.
 */
final class ContactSheet {
    static final int MOMENTS = 6;
    static final int SOURCE_W = 480;
    static final int OUTPUT_H = 270;

    private ContactSheet() {
    }

    static byte[] draw(Path source, Path preview, LayoutDoc layout, CaptionDoc captions, VisualTimeline timeline)
            throws IOException {
        double duration = layout.windowEnd() - layout.windowStart();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < MOMENTS; i++) {
            times.add(duration * (i + 0.5) / MOMENTS);
        }
        List<Double> sourceTimes = times.stream().map(t -> t + layout.windowStart()).toList();
        List<FrameGrabs.Grabbed> src = FrameGrabs.grab(source, sourceTimes);
        List<FrameGrabs.Grabbed> out = FrameGrabs.grab(preview, times);
        int sourceH = (int) Math.round(SOURCE_W * (double) layout.sourceHeight() / layout.sourceWidth());
        int outW = (int) Math.round(OUTPUT_H * 9.0 / 16.0);
        int rowH = Math.max(sourceH, OUTPUT_H) + 24;
        BufferedImage sheet = new BufferedImage(SOURCE_W + outW + 30, rowH * MOMENTS, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(24, 24, 28));
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        g.setFont(Fonts.forText("Noto Sans", "t", 12));
        for (int i = 0; i < MOMENTS; i++) {
            double t = times.get(i);
            int y0 = i * rowH + 18;
            g.setColor(Color.WHITE);
            LayoutDoc.Segment seg = layout.segmentAt(t);
            g.drawString(String.format(Locale.ROOT, "t=%.2fs  %s", t, seg.mode().name().toLowerCase(Locale.ROOT)), 6, y0 - 4);
            g.drawImage(src.get(i).image(), 6, y0, SOURCE_W, sourceH, null);
            double sx = SOURCE_W / (double) layout.sourceWidth();
            double sy = sourceH / (double) layout.sourceHeight();
            VisualTimeline.Sample sample = timeline.at(t + layout.windowStart());
            if (sample != null) {
                for (VisualTimeline.TrackedFace f : sample.faces()) {
                    boolean speaking = f.speaking() > 0.5;
                    g.setColor(speaking ? new Color(60, 220, 90) : new Color(230, 200, 60));
                    g.setStroke(new BasicStroke(speaking ? 3 : 1.5f));
                    Box b = f.box();
                    g.drawRect(6 + (int) (b.x() * SOURCE_W), y0 + (int) (b.y() * sourceH), (int) (b.w() * SOURCE_W),
                            (int) (b.h() * sourceH));
                    g.drawString("#" + f.track() + (speaking ? " speaking" : ""), 8 + (int) (b.x() * SOURCE_W),
                            y0 + (int) (b.y() * sourceH) - 3);
                }
            }
            g.setColor(new Color(80, 170, 255));
            g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
            for (LayoutDoc.Panel p : seg.panels()) {
                Box c = p.cropAt(t);
                g.drawRect(6 + (int) (c.x() * sx), y0 + (int) (c.y() * sy), (int) (c.w() * sx), (int) (c.h() * sy));
            }
            int ox = SOURCE_W + 20;
            g.drawImage(out.get(i).image(), ox, y0, outW, OUTPUT_H, null);
            CaptionDoc.Cue cue = captions == null ? null : captions.cueAt(t);
            if (cue != null) {
                double k = OUTPUT_H / (double) captions.outputHeight();
                g.setColor(new Color(255, 80, 200));
                g.setStroke(new BasicStroke(1.5f));
                g.drawRect(ox + (int) (cue.box().x() * k), y0 + (int) (cue.box().y() * k), (int) (cue.box().w() * k),
                        (int) (cue.box().h() * k));
            }
        }
        g.dispose();
        return FrameGrabs.png(sheet);
    }
}
