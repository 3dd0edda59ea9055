package dev.clipforge.common.captions;

import dev.clipforge.common.visual.Box;

import java.util.List;

/**
 * Captions of one clip in clip time, laid out for the output frame: cues, their lines (by word), and
 * where each cue sits (output pixels at the plan's output size).
 */
public record CaptionDoc(CaptionTheme theme, int outputWidth, int outputHeight, List<Cue> cues, List<String> warnings) {

    public record Word(String text, double start, double end) {
    }

    /**
     * @param lines word indices of each line, top to bottom
     * @param box   where the caption block is drawn
     * @param zone  lower, upper or middle: where it was placed, after avoiding faces
     */
    public record Cue(double start, double end, List<Word> words, List<List<Integer>> lines, Box box, String zone,
                      boolean rightToLeft) {
        public String text() {
            StringBuilder out = new StringBuilder();
            for (List<Integer> line : lines) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                for (int i = 0; i < line.size(); i++) {
                    String word = words.get(line.get(i)).text();
                    if (i > 0 && spaced(words.get(line.get(i - 1)).text(), word)) {
                        out.append(' ');
                    }
                    out.append(word);
                }
            }
            return out.toString();
        }

        /** Index of the word being spoken at {@code t}, or -1 between words. */
        public int activeWord(double t) {
            for (int i = 0; i < words.size(); i++) {
                if (t >= words.get(i).start() && t < words.get(i).end()) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Whether a space separates two adjacent words: not between Chinese or Japanese characters, which run together. */
    public static boolean spaced(String left, String right) {
        return left.isEmpty() || right.isEmpty() || !isCjk(left.codePointBefore(left.length())) || !isCjk(right.codePointAt(0));
    }

    /** Han, kana and CJK punctuation: scripts written without spaces between words (Korean uses spaces). */
    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
    }

    public Cue cueAt(double t) {
        for (Cue c : cues) {
            if (t >= c.start() && t < c.end()) {
                return c;
            }
        }
        return null;
    }
}
