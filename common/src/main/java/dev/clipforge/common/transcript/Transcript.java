package dev.clipforge.common.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * A word-timed transcript in source time: what transcription stores, suggestions and captions read,
 * and {@code GET /v1/assets/{id}/transcript} serves.
 *
 * @param speech  speech regions from voice activity detection (empty when unknown)
 * @param pauses  silences between speech regions, long enough to cut on
 */
public record Transcript(int analysisVersion, String language, String provider, double durationSeconds,
                         List<Word> words, List<Segment> segments, List<Span> speech, List<Span> pauses) {

    /** @param confidence 0..1, or 1 when the provider gives none (sidecar text) */
    public record Word(String text, double start, double end, double confidence) {
    }

    /** A sentence-like stretch of words: {@code firstWord..lastWord} index the word list, inclusive. */
    public record Segment(double start, double end, String text, int firstWord, int lastWord) {
    }

    public record Span(double start, double end) {
        public double duration() {
            return end - start;
        }
    }

    public double endSeconds() {
        return words.isEmpty() ? 0 : words.get(words.size() - 1).end();
    }

    /** Words whose middle falls inside [start, end). */
    public List<Word> wordsIn(double start, double end) {
        List<Word> out = new ArrayList<>();
        for (Word w : words) {
            double mid = (w.start() + w.end()) / 2;
            if (mid >= start && mid < end) {
                out.add(w);
            }
        }
        return out;
    }
}
