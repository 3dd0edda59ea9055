package dev.clipforge.activities.captions;

import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.text.Bidi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one caption state (a cue, its active word, the pop step) into a transparent ABGR image the size
 * of the cue's box at render scale. Render caches these by state, so drawing happens only when the text
 * or the animation step changes.
 */
public final class CaptionPainter {
    /** Pop animation: the word starts this much larger and settles over the steps. */
    static final double POP_SCALE = 0.18;
    public static final int POP_STEPS = 4;

    private CaptionPainter() {
    }

    /**
     * The states of one cue, drawn from word sprites: each word is drawn once plain and once per highlight
     * step, and a state is those sprites put together, so a cue of n words costs about 2n word drawings
     * rather than n for every state. Sprites sit on whole output pixels with the word's sub-pixel offset
     * drawn inside them, so a state looks exactly as if drawn directly.
     */
    public static final class CueArt {
        private final CaptionDoc.Cue cue;
        private final CaptionTheme theme;
        private final double scale;
        private final List<Placed> placed;
        private final Map<String, Sprite> sprites = new HashMap<>();

        private record Sprite(BufferedImage image, int x, int y) {
        }

        public CueArt(CaptionDoc.Cue cue, CaptionTheme theme, double scale) {
            this.cue = cue;
            this.theme = theme;
            this.scale = scale;
            this.placed = layout(cue, theme);
        }

        /**
         * One caption state as an image the size of the cue's box at render scale.
         *
         * @param active  index of the word being spoken, or -1
         * @param popStep 0..{@link #POP_STEPS}: frames since the active word began (pop animation)
         */
        public BufferedImage paint(int active, int popStep) {
            int w = Math.max(1, (int) Math.ceil(cue.box().w() * scale));
            int h = Math.max(1, (int) Math.ceil(cue.box().h() * scale));
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_4BYTE_ABGR);
            Graphics2D g = img.createGraphics();
            paintInto(g, 0, 0, active, popStep);
            g.dispose();
            return img;
        }

        /** Draws the state with the cue box's top-left corner at output pixel (x, y). */
        public void paintInto(Graphics2D g, int x, int y, int active, int popStep) {
            if (theme.boxColor() != null) {
                Graphics2D box = (Graphics2D) g.create();
                hints(box);
                box.translate(x, y);
                box.scale(scale, scale);
                box.setColor(color(theme.boxColor()));
                box.fill(new RoundRectangle2D.Double(0, 0, cue.box().w(), cue.box().h(), theme.fontSize() * 0.5, theme.fontSize() * 0.5));
                box.dispose();
            }
            for (Placed p : placed) {
                boolean isActive = p.word() == active;
                int step = isActive && "pop".equals(theme.animation()) ? popStep : 0;
                Sprite sprite = sprites.computeIfAbsent(p.word() + ":" + isActive + ":" + step, k -> sprite(p, isActive, step));
                g.drawImage(sprite.image(), x + sprite.x(), y + sprite.y(), null);
            }
        }

        private Sprite sprite(Placed p, boolean active, int popStep) {
            Shape outline = outline(p.layout(), p.x(), p.baseline(), theme, active, popStep);
            Rectangle2D b = outline.getBounds2D();
            double margin = theme.strokeWidth() + theme.fontSize() * 0.06 + 2 / scale;
            int x0 = (int) Math.floor((b.getMinX() - margin) * scale);
            int y0 = (int) Math.floor((b.getMinY() - margin) * scale);
            int x1 = (int) Math.ceil((b.getMaxX() + margin) * scale);
            int y1 = (int) Math.ceil((b.getMaxY() + margin) * scale);
            BufferedImage img = new BufferedImage(Math.max(1, x1 - x0), Math.max(1, y1 - y0), BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = img.createGraphics();
            hints(g);
            g.translate(-x0, -y0);
            g.scale(scale, scale);
            drawWord(g, outline, theme, active);
            g.dispose();
            return new Sprite(img, x0, y0);
        }
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** A word where the painter sets it, in plan pixels relative to the cue's box. */
    public record Placed(int word, TextLayout layout, double x, double baseline) {
        public double right() {
            return x + layout.getAdvance();
        }
    }

    /**
     * Where each word of the cue goes: lines centred in the box, words in visual order by the Unicode
     * bidi algorithm (a right-to-left line starts at the right; a left-to-right run inside it keeps its order).
     */
    public static List<Placed> layout(CaptionDoc.Cue cue, CaptionTheme theme) {
        List<Placed> out = new ArrayList<>();
        double lineH = CaptionBuilder.lineHeight(theme);
        double top = (cue.box().h() - cue.lines().size() * lineH) / 2;
        for (int l = 0; l < cue.lines().size(); l++) {
            List<Integer> line = cue.lines().get(l);
            double baseline = top + l * lineH + theme.fontSize() * 0.95;
            List<String> texts = line.stream().map(i -> cue.words().get(i).text()).toList();
            Integer[] visual = visualOrder(line, texts, cue.rightToLeft());
            double x = (cue.box().w() - (CaptionBuilder.width(texts, theme) - theme.strokeWidth() * 2)) / 2;
            String previous = null;
            for (Integer wordIndex : visual) {
                String text = cue.words().get(wordIndex).text();
                if (previous != null) {
                    x += CaptionBuilder.gap(previous, text, theme);
                }
                TextLayout tl = new TextLayout(text, Fonts.forText(theme.fontFamily(), text, theme.fontSize()), CaptionBuilder.FRC);
                out.add(new Placed(wordIndex, tl, x, baseline));
                x += tl.getAdvance();
                previous = text;
            }
        }
        return out;
    }

    private static Integer[] visualOrder(List<Integer> line, List<String> texts, boolean rightToLeft) {
        String joined = String.join(" ", texts);
        Bidi bidi = new Bidi(joined, rightToLeft ? Bidi.DIRECTION_RIGHT_TO_LEFT : Bidi.DIRECTION_LEFT_TO_RIGHT);
        byte[] levels = new byte[texts.size()];
        int offset = 0;
        for (int i = 0; i < texts.size(); i++) {
            levels[i] = (byte) bidi.getLevelAt(offset);
            offset += texts.get(i).length() + 1;
        }
        Integer[] order = line.toArray(new Integer[0]);
        Bidi.reorderVisually(levels, 0, order, 0, order.length);
        return order;
    }

    /** The word's outline where it is drawn, enlarged about its centre while it is highlighted. */
    private static Shape outline(TextLayout tl, double x, double baseline, CaptionTheme theme, boolean active, int popStep) {
        double s = 1;
        if (active && "karaoke".equals(theme.animation())) {
            s = 1.08;
        } else if (active && "pop".equals(theme.animation())) {
            s = 1 + POP_SCALE * Math.max(0, POP_STEPS - popStep) / POP_STEPS;
        }
        double cx = x + tl.getAdvance() / 2;
        double cy = baseline - theme.fontSize() * 0.35;
        AffineTransform at = new AffineTransform();
        at.translate(cx, cy);
        at.scale(s, s);
        at.translate(-tl.getAdvance() / 2, theme.fontSize() * 0.35);
        return tl.getOutline(at);
    }

    private static void drawWord(Graphics2D g, Shape outline, CaptionTheme theme, boolean active) {
        if (theme.shadow()) {
            AffineTransform shadow = AffineTransform.getTranslateInstance(theme.fontSize() * 0.04, theme.fontSize() * 0.05);
            g.setColor(new Color(0, 0, 0, 140));
            g.fill(shadow.createTransformedShape(outline));
        }
        if (theme.strokeWidth() > 0) {
            g.setColor(color(theme.strokeColor()));
            g.setStroke(new BasicStroke(theme.strokeWidth() * 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        boolean highlight = active && !"none".equals(theme.animation());
        g.setColor(color(highlight ? theme.highlightColor() : theme.textColor()));
        g.fill(outline);
    }

    /** #RRGGBB or #RRGGBBAA. */
    public static Color color(String hex) {
        String h = hex.startsWith("#") ? hex.substring(1) : hex;
        int r = Integer.parseInt(h.substring(0, 2), 16);
        int gg = Integer.parseInt(h.substring(2, 4), 16);
        int b = Integer.parseInt(h.substring(4, 6), 16);
        int a = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) : 255;
        return new Color(r, gg, b, a);
    }

}
