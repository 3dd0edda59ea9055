package dev.clipforge.activities.captions;

import dev.clipforge.common.captions.CaptionDoc;
import dev.clipforge.common.captions.CaptionTheme;
import dev.clipforge.common.transcript.Transcript;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Cues from words: what is shown, when, how it breaks into lines, and how each script is set. */
class CaptionLayoutTest {
    private final CaptionBuilder builder = new CaptionBuilder();

    @Test
    void onlyWordsInsideTheWindowAreShownInClipTime() {
        Transcript t = transcript(List.of("before", "the", "window", "inside", "it", "after"), 0.0, 0.4, 0.1);
        // words at 0.0, 0.5, 1.0, 1.5, 2.0, 2.5; window [0.9, 2.3) keeps "window", "inside", "it"
        CaptionDoc doc = builder.build(t, 0.9, 2.3, CaptionTheme.fullSentence(), null, false);
        List<CaptionDoc.Word> shown = doc.cues().stream().flatMap(c -> c.words().stream()).toList();
        assertThat(shown).extracting(CaptionDoc.Word::text).containsExactly("window", "inside", "it");
        assertThat(shown.get(0).start()).isCloseTo(0.1, within(1e-9));
        assertThat(shown.get(2).end()).isCloseTo(1.4, within(1e-9));
        assertThat(doc.cues().get(doc.cues().size() - 1).end()).isLessThanOrEqualTo(1.4 + 1e-9);
    }

    @Test
    void linesAreBrokenByMeasuredWidthAndNeverInsideAWord() {
        String sentence = "extraordinarily long words like incomprehensibilities and internationalisation keep "
                + "arriving while the speaker continues without any pause whatsoever";
        List<String> words = List.of(sentence.split(" "));
        CaptionTheme theme = CaptionTheme.fullSentence();
        CaptionDoc doc = builder.build(transcript(words, 0, 0.3, 0.05), 0, 100, theme, null, false);
        List<String> seen = new ArrayList<>();
        for (CaptionDoc.Cue c : doc.cues()) {
            assertThat(c.lines().size()).isLessThanOrEqualTo(theme.maxLines());
            for (List<Integer> line : c.lines()) {
                List<String> texts = line.stream().map(i -> c.words().get(i).text()).toList();
                seen.addAll(texts);
                if (texts.size() > 1) {
                    assertThat(CaptionBuilder.width(texts, theme)).as("line %s", texts).isLessThanOrEqualTo(1080 * CaptionBuilder.LINE_WIDTH);
                }
                assertThat(String.join(" ", texts).length()).isLessThanOrEqualTo(theme.maxCharsPerLine());
            }
            assertThat(c.box().x()).isGreaterThanOrEqualTo(0);
            assertThat(c.box().x() + c.box().w()).isLessThanOrEqualTo(1080);
        }
        assertThat(seen).as("every word once, whole and in order").isEqualTo(words);
        assertEveryCueLastsTheMinimum(doc, CaptionBuilder.MIN_CUE, 100);
    }

    @Test
    void everyCueStaysUpLongEnoughAndShortGapsDoNotFlicker() {
        // four sentences: a blink of a word 0.45 s before the next, then a pause, a two-word sentence, a 0.3 s gap
        // and a last word 0.3 s before the clip ends
        List<Transcript.Word> w = List.of(new Transcript.Word("yes", 1.0, 1.15, 1), new Transcript.Word("right", 1.45, 1.7, 1),
                new Transcript.Word("later", 3.7, 4.0, 1), new Transcript.Word("then", 4.1, 4.3, 1),
                new Transcript.Word("end", 4.6, 4.9, 1));
        Transcript t = new Transcript(1, "en", "test", 6, w, List.of(new Transcript.Segment(1.0, 1.15, "yes", 0, 0),
                new Transcript.Segment(1.45, 1.7, "right", 1, 1), new Transcript.Segment(3.7, 4.3, "later then", 2, 3),
                new Transcript.Segment(4.6, 4.9, "end", 4, 4)), List.of(), List.of());
        CaptionDoc doc = builder.build(t, 0, 4.9, CaptionTheme.documentary(), null, false);
        assertThat(doc.cues()).extracting(CaptionDoc.Cue::text).as("the blink is shown with the word after it")
                .containsExactly("yes right", "later then", "end");
        assertEveryCueLastsTheMinimum(doc, CaptionBuilder.MIN_CUE, 4.9);
        CaptionDoc.Cue second = doc.cues().get(1);
        CaptionDoc.Cue last = doc.cues().get(2);
        assertThat(second.end()).as("bridged to the next cue, no blink between").isCloseTo(last.start(), within(1e-9));
        assertThat(second.start() - doc.cues().get(0).end()).as("a real pause leaves the screen clear").isGreaterThan(1);
        assertThat(last.end()).as("only the clip's end cuts a cue short").isCloseTo(4.9, within(1e-9));
    }

    @Test
    void aWordTooQuickToShowAloneSharesItsCueWithTheNext() {
        CaptionTheme theme = CaptionTheme.singleWordInstant();
        List<Transcript.Word> w = List.of(new Transcript.Word("of", 1.0, 1.08, 1), new Transcript.Word("course", 1.1, 1.5, 1),
                new Transcript.Word("not", 2.0, 2.3, 1));
        Transcript t = new Transcript(1, "en", "test", 4, w, List.of(new Transcript.Segment(1.0, 2.3, "", 0, 2)), List.of(),
                List.of());
        CaptionDoc doc = builder.build(t, 0, 4, theme, null, false);
        assertThat(doc.cues()).extracting(CaptionDoc.Cue::text).containsExactly("OF COURSE", "NOT");
        assertThat(doc.cues().get(0).lines()).as("on one line").hasSize(1);
        assertEveryCueLastsTheMinimum(doc, CaptionBuilder.MIN_WORD_CUE, 4);
    }

    /** Every cue is up at least {@code min}, except one the clip's end cuts. */
    static void assertEveryCueLastsTheMinimum(CaptionDoc doc, double min, double clipEnd) {
        for (CaptionDoc.Cue c : doc.cues()) {
            if (Math.abs(c.end() - clipEnd) > 1e-9) {
                assertThat(c.end() - c.start()).as("cue '%s' at %.2f s", c.text(), c.start()).isGreaterThanOrEqualTo(min - 1e-9);
            }
        }
    }

    @Test
    void chineseIsSetInTheShippedCjkFontWithoutSpacesBetweenWords() {
        CaptionTheme theme = CaptionTheme.fullSentence();
        List<String> words = List.of("我们", "今天", "讨论", "字幕");
        CaptionDoc doc = builder.build(transcript(words, 0, 0.4, 0.1), 0, 10, theme, null, false);
        assertThat(doc.cues()).hasSize(1);
        assertThat(doc.cues().get(0).text()).isEqualTo("我们今天讨论字幕");
        assertThat(Fonts.familyFor(theme.fontFamily(), "字幕")).isEqualTo("Noto Sans CJK");
        assertThat(Fonts.forText(theme.fontFamily(), "字幕", 60).canDisplayUpTo("我们今天讨论字幕テスト한국어")).isEqualTo(-1);
        // real glyphs, not one missing-glyph box repeated: different characters paint differently
        BufferedImage a = paintWord("字", theme);
        BufferedImage b = paintWord("幕", theme);
        assertThat(inkCount(a)).isGreaterThan(200);
        assertThat(inkDifference(a, b)).isGreaterThan(100);
        assertThat(CaptionDoc.spaced("한국어", "자막")).as("Korean keeps its spaces").isTrue();
    }

    @Test
    void rightToLeftLinesStartAtTheRightAndTheHighlightFollowsTheSpokenWord() {
        CaptionTheme theme = CaptionTheme.fullSentence();
        List<String> words = List.of("שלום", "לכולם", "וברוכים", "הבאים");
        CaptionDoc doc = builder.build(transcript(words, 0, 0.4, 0.1), 0, 10, theme, null, false);
        CaptionDoc.Cue cue = doc.cues().get(0);
        assertThat(cue.rightToLeft()).isTrue();
        double firstX = highlightCentreX(cue, theme, 0);
        double lastX = highlightCentreX(cue, theme, words.size() - 1);
        assertThat(firstX).as("the first word is drawn at the right").isGreaterThan(cue.box().w() / 2);
        assertThat(lastX).as("the last at the left").isLessThan(cue.box().w() / 2);
        for (CaptionPainter.Placed p : CaptionPainter.layout(cue, theme)) {
            double x = highlightCentreX(cue, theme, p.word());
            assertThat(x).as("highlight of word %d", p.word()).isBetween(p.x(), p.right());
        }
    }

    @Test
    void aLatinRunInsideHebrewKeepsItsOwnOrder() {
        CaptionTheme theme = CaptionTheme.fullSentence();
        List<String> words = List.of("זה", "Open", "Source", "טוב");
        CaptionDoc doc = builder.build(transcript(words, 0, 0.4, 0.1), 0, 10, theme, null, false);
        CaptionDoc.Cue cue = doc.cues().get(0);
        assertThat(cue.lines()).hasSize(1);
        double[] x = new double[words.size()];
        for (CaptionPainter.Placed p : CaptionPainter.layout(cue, theme)) {
            x[p.word()] = p.x();
        }
        assertThat(x[0]).as("Hebrew reads right to left").isGreaterThan(x[2]);
        assertThat(x[1]).as("the English run reads left to right").isLessThan(x[2]);
        assertThat(x[3]).as("the last Hebrew word is leftmost").isLessThan(x[1]);
        assertThat(highlightCentreX(cue, theme, 2)).isGreaterThan(highlightCentreX(cue, theme, 1));
    }

    @Test
    void arabicIsShapedWithTheShippedArabicFont() {
        CaptionTheme theme = CaptionTheme.fullSentence();
        assertThat(Fonts.familyFor("Roboto", "مرحبا")).isEqualTo("Noto Sans Arabic");
        // joined letters: the shaped word is narrower than its letters set one by one in isolated forms
        double joined = CaptionBuilder.advance("مرحبا", theme);
        double isolated = "مرحبا".chars().mapToDouble(c -> CaptionBuilder.advance(String.valueOf((char) c), theme)).sum();
        assertThat(joined).isLessThan(isolated * 0.95);
    }

    /** The centre of the highlight-coloured pixels when word {@code active} is the spoken one. */
    private static double highlightCentreX(CaptionDoc.Cue cue, CaptionTheme theme, int active) {
        BufferedImage img = new CaptionPainter.CueArt(cue, theme, 1).paint(active, 0);
        Color hl = CaptionPainter.color(theme.highlightColor());
        double sum = 0;
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int argb = img.getRGB(x, y);
                if ((argb >>> 24) > 200 && near(argb, hl)) {
                    sum += x;
                    n++;
                }
            }
        }
        assertThat(n).as("highlighted pixels for word %d", active).isGreaterThan(50);
        return sum / n;
    }

    private static boolean near(int argb, Color c) {
        return Math.abs(((argb >> 16) & 0xff) - c.getRed()) < 40 && Math.abs(((argb >> 8) & 0xff) - c.getGreen()) < 40
                && Math.abs((argb & 0xff) - c.getBlue()) < 40;
    }

    private static BufferedImage paintWord(String word, CaptionTheme theme) {
        CaptionDoc doc = new CaptionBuilder().build(transcript(List.of(word), 0, 0.4, 0.1), 0, 10, theme, null, false);
        return new CaptionPainter.CueArt(doc.cues().get(0), theme, 1).paint(-1, 0);
    }

    private static int inkCount(BufferedImage img) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) >>> 24) > 128) {
                    n++;
                }
            }
        }
        return n;
    }

    private static int inkDifference(BufferedImage a, BufferedImage b) {
        int n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (((a.getRGB(x, y) >>> 24) > 128) != ((b.getRGB(x, y) >>> 24) > 128)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** One sentence: word i spans [i * step, i * step + length]. */
    static Transcript transcript(List<String> words, double first, double length, double gap) {
        List<Transcript.Word> out = new ArrayList<>();
        double step = length + gap;
        for (int i = 0; i < words.size(); i++) {
            out.add(new Transcript.Word(words.get(i), first + i * step, first + i * step + length, 1));
        }
        double end = out.get(out.size() - 1).end();
        return new Transcript(1, "und", "test", end, out,
                List.of(new Transcript.Segment(first, end, String.join(" ", words), 0, words.size() - 1)),
                List.of(), List.of());
    }
}
