package dev.clipforge.activities.captions;

import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.common.visual.Box;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the words of a clip window into caption cues: re-timed to the clip, broken into lines by measured
 * width (a word is never split), held on screen long enough to read and without flicker between cues,
 * and placed where no face is.
 */
public final class CaptionBuilder {
    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** Share of the output width a line may use. */
    static final double LINE_WIDTH = 0.84;
    /** A gap shorter than this between cues is bridged, so the caption does not blink off and on. */
    static final double BRIDGE_GAP = 0.5;
    /** Shortest time a sentence cue stays up (words are merged into cues until each lasts this long). */
    static final double MIN_CUE = 0.7;
    /** Shortest time a word-at-a-time cue stays up: shorter, since it follows speech word by word. */
    static final double MIN_WORD_CUE = 0.2;
    /** A pause this long inside a sentence starts a new cue. */
    static final double CUE_PAUSE = 0.7;

    public CaptionDoc build(Transcript transcript, double windowStart, double windowEnd, CaptionTheme theme,
                            LayoutDoc layout, boolean keepOffFaces) {
        int outW = layout == null ? 1080 : layout.outputWidth();
        int outH = layout == null ? 1920 : layout.outputHeight();
        double duration = windowEnd - windowStart;
        List<String> warnings = new ArrayList<>();
        List<CaptionDoc.Word> words = new ArrayList<>();
        List<Integer> sentenceStarts = new ArrayList<>();
        if (transcript != null) {
            int previousSegment = -1;
            for (int i = 0; i < transcript.words().size(); i++) {
                Transcript.Word w = transcript.words().get(i);
                double mid = (w.start() + w.end()) / 2;
                if (mid < windowStart || mid >= windowEnd) {
                    continue;
                }
                int segment = segmentOf(transcript, i);
                if (segment != previousSegment) {
                    sentenceStarts.add(words.size());
                    previousSegment = segment;
                }
                String text = theme.uppercase() ? w.text().toUpperCase(Locale.ROOT) : w.text();
                words.add(new CaptionDoc.Word(text, clamp(w.start() - windowStart, duration), clamp(w.end() - windowStart, duration)));
            }
        }
        if (words.isEmpty()) {
            return new CaptionDoc(theme, outW, outH, List.of(), List.of("no speech in the clip window"));
        }
        double min = "word".equals(theme.mode()) ? MIN_WORD_CUE : MIN_CUE;
        List<List<CaptionDoc.Word>> groups = longEnough("word".equals(theme.mode())
                ? words.stream().map(List::of).toList()
                : chunks(words, sentenceStarts, theme, outW), theme, outW, min);
        List<CaptionDoc.Cue> cues = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<CaptionDoc.Word> cueWords = groups.get(g);
            double start = cueWords.get(0).start();
            double nextStart = g + 1 < groups.size() ? groups.get(g + 1).get(0).start() : duration;
            double end = Math.max(cueWords.get(cueWords.size() - 1).end(), start + min);
            if (nextStart - end < BRIDGE_GAP) {
                end = nextStart;
            }
            List<List<Integer>> lines = cueLines(cueWords, theme, outW);
            boolean rtl = Fonts.rightToLeft(cueWords.stream().map(CaptionDoc.Word::text).reduce("", String::concat));
            cues.add(new CaptionDoc.Cue(start, Math.min(end, duration), cueWords, lines, null, null, rtl));
        }
        List<CaptionDoc.Cue> placed = new ArrayList<>();
        int onFaces = 0;
        for (CaptionDoc.Cue c : cues) {
            CaptionDoc.Cue p = place(c, theme, layout, outW, outH, keepOffFaces);
            if (overlapsFaces(p.box(), layout, p.start(), p.end())) {
                onFaces++;
            }
            placed.add(p);
        }
        if (onFaces > 0) {
            warnings.add(onFaces + " caption(s) overlap a face: no face-free place was found");
        }
        return new CaptionDoc(theme, outW, outH, placed, warnings);
    }

    private static int segmentOf(Transcript t, int wordIndex) {
        for (int s = 0; s < t.segments().size(); s++) {
            if (wordIndex >= t.segments().get(s).firstWord() && wordIndex <= t.segments().get(s).lastWord()) {
                return s;
            }
        }
        return -1;
    }

    /** Sentence chunks that fill at most {@code maxLines} measured lines; long pauses start a new chunk. */
    static List<List<CaptionDoc.Word>> chunks(List<CaptionDoc.Word> words, List<Integer> sentenceStarts, CaptionTheme theme,
                                              int outW) {
        List<List<CaptionDoc.Word>> out = new ArrayList<>();
        List<CaptionDoc.Word> current = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            CaptionDoc.Word w = words.get(i);
            boolean newSentence = sentenceStarts.contains(i) && !current.isEmpty();
            boolean pause = !current.isEmpty() && w.start() - current.get(current.size() - 1).end() >= CUE_PAUSE;
            List<CaptionDoc.Word> trial = new ArrayList<>(current);
            trial.add(w);
            boolean overflow = !current.isEmpty() && lines(trial, theme, outW).size() > theme.maxLines();
            if (newSentence || pause || overflow) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(w);
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    /**
     * Gives every cue its minimum time on screen. A cue whose successor starts sooner takes the successor's
     * first words (a quick "of" is shown with the word after it) until it lasts long enough; one that cannot
     * take them without breaking the theme's lines joins the cue before it. Only the clip's end (the last cue)
     * or words packed too tightly for any line may leave a cue short.
     */
    static List<List<CaptionDoc.Word>> longEnough(List<List<CaptionDoc.Word>> chunks, CaptionTheme theme, int outW,
                                                  double min) {
        List<List<CaptionDoc.Word>> groups = new ArrayList<>();
        chunks.forEach(c -> groups.add(new ArrayList<>(c)));
        for (int g = 0; g < groups.size(); g++) {
            List<CaptionDoc.Word> cue = groups.get(g);
            while (g + 1 < groups.size() && groups.get(g + 1).get(0).start() - cue.get(0).start() < min) {
                List<CaptionDoc.Word> next = groups.get(g + 1);
                List<CaptionDoc.Word> trial = new ArrayList<>(cue);
                trial.add(next.get(0));
                if (!fits(trial, theme, outW)) {
                    break;
                }
                cue.add(next.remove(0));
                if (next.isEmpty()) {
                    groups.remove(g + 1);
                }
            }
            boolean tooShort = g + 1 < groups.size() && groups.get(g + 1).get(0).start() - cue.get(0).start() < min;
            if (tooShort && g > 0) {
                List<CaptionDoc.Word> joined = new ArrayList<>(groups.get(g - 1));
                joined.addAll(cue);
                if (fits(joined, theme, outW)) {
                    groups.set(g - 1, joined);
                    groups.remove(g);
                    g--;
                }
            }
        }
        return groups;
    }

    private static boolean fits(List<CaptionDoc.Word> words, CaptionTheme theme, int outW) {
        return cueLines(words, theme, outW).size() <= theme.maxLines();
    }

    /**
     * A cue's lines. A word-at-a-time cue holds more than one word only when a word was too quick to show alone;
     * those words share one line.
     */
    static List<List<Integer>> cueLines(List<CaptionDoc.Word> words, CaptionTheme theme, int outW) {
        return lines(words, theme, outW, "word".equals(theme.mode()) ? words.size() : theme.maxWordsPerLine());
    }

    static List<List<Integer>> lines(List<CaptionDoc.Word> words, CaptionTheme theme, int outW) {
        return lines(words, theme, outW, theme.maxWordsPerLine());
    }

    /** Greedy line filling by measured width, word and character caps; a word longer than a line gets its own. */
    static List<List<Integer>> lines(List<CaptionDoc.Word> words, CaptionTheme theme, int outW, int maxWords) {
        double max = outW * LINE_WIDTH;
        List<List<Integer>> lines = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            List<String> candidate = new ArrayList<>(text);
            candidate.add(words.get(i).text());
            boolean fits = width(candidate, theme) <= max && line.size() < maxWords
                    && characters(candidate) <= theme.maxCharsPerLine();
            if (!fits && !line.isEmpty()) {
                lines.add(line);
                line = new ArrayList<>();
                candidate = new ArrayList<>(List.of(words.get(i).text()));
            }
            line.add(i);
            text = candidate;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static int characters(List<String> words) {
        int n = 0;
        for (int i = 0; i < words.size(); i++) {
            n += words.get(i).codePointCount(0, words.get(i).length());
            if (i > 0 && CaptionDoc.spaced(words.get(i - 1), words.get(i))) {
                n++;
            }
        }
        return n;
    }

    /** Measured width of a line of words as the painter sets them: stroked words, gaps widened by the stroke. */
    static double width(List<String> words, CaptionTheme theme) {
        double total = 0;
        for (int i = 0; i < words.size(); i++) {
            total += advance(words.get(i), theme);
            if (i > 0) {
                total += gap(words.get(i - 1), words.get(i), theme);
            }
        }
        return total + theme.strokeWidth() * 2;
    }

    static double advance(String word, CaptionTheme theme) {
        return Fonts.forText(theme.fontFamily(), word, theme.fontSize()).getStringBounds(word, FRC).getWidth();
    }

    /** The space between two words; Chinese and Japanese words run together, kept apart only by their strokes. */
    static double gap(String left, String right, CaptionTheme theme) {
        if (!CaptionDoc.spaced(left, right)) {
            return theme.strokeWidth();
        }
        Font font = Fonts.forText(theme.fontFamily(), " ", theme.fontSize());
        return font.getStringBounds(" ", FRC).getWidth() + theme.strokeWidth() * 1.5;
    }

    static double lineHeight(CaptionTheme theme) {
        return theme.fontSize() * 1.25;
    }

    /** The block's size, and the first zone (in preference order) where it covers no face during the cue. */
    private static CaptionDoc.Cue place(CaptionDoc.Cue c, CaptionTheme theme, LayoutDoc layout, int outW, int outH,
                                        boolean keepOffFaces) {
        double widest = 0;
        for (List<Integer> line : c.lines()) {
            widest = Math.max(widest, width(line.stream().map(i -> c.words().get(i).text()).toList(), theme));
        }
        double pad = theme.boxColor() != null ? theme.fontSize() * 0.35 : theme.fontSize() * 0.15;
        double w = Math.min(outW * 0.96, widest + 2 * pad);
        double h = c.lines().size() * lineHeight(theme) + 2 * pad;
        boolean split = layout != null && layout.segments().stream()
                .anyMatch(s -> s.mode() == LayoutDoc.Mode.SPLIT && s.start() < c.end() && s.end() > c.start());
        List<String> order = new ArrayList<>();
        String preferred = "auto".equals(theme.position()) ? (split ? "middle" : "lower") : theme.position();
        order.add(preferred);
        for (String z : List.of("lower", "middle", "upper")) {
            if (!order.contains(z)) {
                order.add(z);
            }
        }
        boolean avoid = keepOffFaces || "auto".equals(theme.position());
        Box best = null;
        String bestZone = null;
        double bestOverlap = Double.MAX_VALUE;
        for (String zone : avoid ? order : List.of(preferred)) {
            Box box = zoneBox(zone, w, h, outW, outH);
            double overlap = faceOverlap(box, layout, c.start(), c.end());
            if (overlap < bestOverlap - 1e-9) {
                best = box;
                bestZone = zone;
                bestOverlap = overlap;
            }
            if (overlap == 0) {
                break;
            }
        }
        return new CaptionDoc.Cue(c.start(), c.end(), c.words(), c.lines(), best, bestZone, c.rightToLeft());
    }

    /** Safe areas of a 9:16 frame: lower third above the platform UI, upper band below it, the middle seam. */
    static Box zoneBox(String zone, double w, double h, int outW, int outH) {
        double cy = switch (zone) {
            case "upper" -> outH * 0.18;
            case "middle" -> outH * 0.5;
            default -> outH * 0.74;
        };
        return new Box((outW - w) / 2, cy - h / 2, w, h);
    }

    static double faceOverlap(Box box, LayoutDoc layout, double start, double end) {
        if (layout == null) {
            return 0;
        }
        double total = 0;
        for (LayoutDoc.OutputFaces f : layout.faces()) {
            if (f.t() < start - 0.1 || f.t() > end + 0.1) {
                continue;
            }
            for (LayoutDoc.FaceInOutput face : f.boxes()) {
                total += box.intersection(face.box());
            }
        }
        return total;
    }

    static boolean overlapsFaces(Box box, LayoutDoc layout, double start, double end) {
        return faceOverlap(box, layout, start, end) > 0;
    }

    private static double clamp(double t, double duration) {
        return Math.max(0, Math.min(duration, t));
    }
}
