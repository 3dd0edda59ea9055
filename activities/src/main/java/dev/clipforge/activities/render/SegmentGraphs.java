package dev.clipforge.activities.render;

import dev.clipforge.common.layout.LayoutDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filter graph of one layout segment: rotation, crop (following the virtual camera), scale, the
 * layout (focus, split or wide) and the caption overlay, in one graph from the decoded source frame.
 */
final class SegmentGraphs {
    private SegmentGraphs() {
    }

    /**
     * @param outW        output width in pixels
     * @param outH        output height in pixels
     * @param rotation    display rotation of the source, degrees clockwise
     * @param captionY    overlay y expression of the caption band (null: no captions)
     * @param captionOn   expression that is 1 while a caption shows
     */
    static String video(LayoutDoc.Segment segment, int outW, int outH, int rotation, String captionY, String captionOn) {
        String rotate = switch (rotation) {
            case 90 -> "transpose=clock,";
            case 180 -> "hflip,vflip,";
            case 270 -> "transpose=cclock,";
            default -> "";
        };
        String base = switch (segment.mode()) {
            case FOCUS -> "[in]" + rotate + panel(segment.panels().get(0), outW, outH) + "[base]";
            case SPLIT -> {
                int half = even(outH / 2.0);
                yield "[in]" + rotate + "split=2[a][b];"
                        + "[a]" + panel(segment.panels().get(0), outW, half) + "[top];"
                        + "[b]" + panel(segment.panels().get(1), outW, outH - half) + "[bottom];"
                        + "[top][bottom]vstack=inputs=2[base]";
            }
            case WIDE -> {
                int bw = even(outW / 8.0);
                int bh = even(outH / 8.0);
                // the fill is blurred small and scaled up: the same look as a full-size blur at a fraction of the cost
                yield "[in]" + rotate + "split=2[a][b];"
                        + "[a]scale=" + bw + ":" + bh + ":force_original_aspect_ratio=increase:flags=fast_bilinear,crop=" + bw + ":" + bh
                        + ",boxblur=6:2,scale=" + outW + ":" + outH + ":flags=bilinear,setsar=1[bg];"
                        + "[b]scale=" + outW + ":-2:flags=bicubic,setsar=1[fg];"
                        + "[bg][fg]overlay=x=0:y=(H-h)/2[base]";
            }
        };
        if (captionY == null) {
            return base.substring(0, base.length() - "[base]".length()) + ",format=yuv420p[out]";
        }
        return base + ";[base][cap]overlay=x=0:y='" + captionY + "':enable='" + captionOn
                + "':format=yuv420:eof_action=pass,format=yuv420p[out]";
    }

    /** Crop of constant size at the camera's path, scaled to the panel. */
    private static String panel(LayoutDoc.Panel p, int w, int h) {
        int cw = even(p.cropWidth());
        int ch = even(p.cropHeight());
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (LayoutDoc.Keyframe k : p.path()) {
            xs.add(new double[]{k.t(), k.cx() - cw / 2.0});
            ys.add(new double[]{k.t(), k.cy() - ch / 2.0});
        }
        return String.format(Locale.ROOT, "crop=w=%d:h=%d:x='clip(%s,0,iw-ow)':y='clip(%s,0,ih-oh)',scale=%d:%d:flags=bicubic,setsar=1",
                cw, ch, Expressions.piecewiseLinear(xs), Expressions.piecewiseLinear(ys), w, h);
    }

    static int even(double v) {
        return Math.max(2, (int) Math.round(v / 2) * 2);
    }
}
