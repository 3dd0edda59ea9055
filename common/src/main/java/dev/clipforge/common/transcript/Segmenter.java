package dev.clipforge.common.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups words into sentence-like segments. Recognisers without punctuation give only timing, so a
 * segment ends at sentence punctuation when there is some, or at a pause long enough to be one.
 */
public final class Segmenter {
    /** A gap this long between words ends a segment even without punctuation. */
    public static final double SENTENCE_PAUSE = 0.45;
    /** Segments longer than this are split at their longest inner gap. */
    public static final double MAX_SEGMENT = 20.0;

    private Segmenter() {
    }

    public static List<Transcript.Segment> segments(List<Transcript.Word> words) {
        return segments(words, List.of());
    }

    /** Segments that also end wherever a detected pause of at least {@link #SENTENCE_PAUSE} separates two words. */
    public static List<Transcript.Segment> segments(List<Transcript.Word> words, List<Transcript.Span> pauses) {
        List<Transcript.Segment> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < words.size(); i++) {
            boolean last = i == words.size() - 1;
            boolean punct = words.get(i).text().matches(".*[.!?]$");
            boolean gap = !last && (words.get(i + 1).start() - words.get(i).end() >= SENTENCE_PAUSE
                    || pauseBetween(pauses, words.get(i), words.get(i + 1)));
            if (last || punct || gap) {
                split(words, start, i, out);
                start = i + 1;
            }
        }
        return out;
    }

    private static boolean pauseBetween(List<Transcript.Span> pauses, Transcript.Word a, Transcript.Word b) {
        for (Transcript.Span p : pauses) {
            if (p.duration() >= SENTENCE_PAUSE && p.start() >= a.start() && p.end() <= b.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Drops words a recogniser heard in what voice activity says is silence (most of the word inside a
     * pause): recognisers fill long silences with short hallucinated words.
     */
    public static List<Transcript.Word> withoutWordsInSilence(List<Transcript.Word> words, List<Transcript.Span> pauses) {
        List<Transcript.Word> out = new ArrayList<>();
        for (Transcript.Word w : words) {
            double inside = 0;
            for (Transcript.Span p : pauses) {
                inside += Math.max(0, Math.min(w.end(), p.end()) - Math.max(w.start(), p.start()));
            }
            double length = Math.max(1e-3, w.end() - w.start());
            if (inside / length < 0.6) {
                out.add(w);
            }
        }
        return out;
    }

    private static void split(List<Transcript.Word> words, int from, int to, List<Transcript.Segment> out) {
        if (words.get(to).end() - words.get(from).start() <= MAX_SEGMENT || to == from) {
            out.add(segment(words, from, to));
            return;
        }
        int cut = from;
        double widest = -1;
        for (int i = from; i < to; i++) {
            double gap = words.get(i + 1).start() - words.get(i).end();
            if (gap > widest) {
                widest = gap;
                cut = i;
            }
        }
        split(words, from, cut, out);
        split(words, cut + 1, to, out);
    }

    static Transcript.Segment segment(List<Transcript.Word> words, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i <= to; i++) {
            if (i > from) {
                text.append(' ');
            }
            text.append(words.get(i).text());
        }
        return new Transcript.Segment(words.get(from).start(), words.get(to).end(), text.toString(), from, to);
    }
}
