package dev.clipforge.gpu.transcribe;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Joins the words of neighbouring chunks, which both heard the audio around their join. Where the two
 * agree on a word there (same text, about the same time), that word is the seam: the earlier chunk's words
 * before it, the word once (from the chunk that heard it farther from the edge of its audio), the later
 * chunk's words after it. Where they agree on none, each keeps the words whose middle is on its side of
 * the join. Either way a word both heard is kept once, and a word cut through is not lost.
 */
final class ChunkStitcher {
    /** Two chunks' words are one word when their middles are this close. */
    static final double SAME_WORD = 0.3;

    private ChunkStitcher() {
    }

    /** @param words each chunk's words, in recording time */
    static List<Transcript.Word> stitch(List<TranscriptionPipeline.Chunk> chunks, List<List<Transcript.Word>> words) {
        if (chunks.isEmpty()) {
            return List.of();
        }
        List<Transcript.Word> out = new ArrayList<>(words.get(0));
        for (int i = 1; i < chunks.size(); i++) {
            TranscriptionPipeline.Chunk a = chunks.get(i - 1);
            TranscriptionPipeline.Chunk b = chunks.get(i);
            double join = (a.end() + b.start()) / 2;
            List<Transcript.Word> next = words.get(i);
            int tail = out.size();
            while (tail > 0 && middle(out.get(tail - 1)) >= b.audioStart()) {
                tail--;
            }
            int head = 0;
            while (head < next.size() && middle(next.get(head)) <= a.audioEnd()) {
                head++;
            }
            List<Transcript.Word> before = out.subList(tail, out.size());
            List<Transcript.Word> after = next.subList(0, head);
            List<Transcript.Word> joined = new ArrayList<>(out.subList(0, tail));
            int[] seam = seam(before, after, join);
            if (seam != null) {
                joined.addAll(before.subList(0, seam[0]));
                Transcript.Word heardByA = before.get(seam[0]);
                Transcript.Word heardByB = after.get(seam[1]);
                joined.add(a.audioEnd() - heardByA.end() >= heardByB.start() - b.audioStart() ? heardByA : heardByB);
                joined.addAll(next.subList(seam[1] + 1, next.size()));
            } else {
                before.stream().filter(w -> middle(w) < join).forEach(joined::add);
                next.stream().filter(w -> middle(w) >= join).forEach(joined::add);
            }
            out = joined;
        }
        return inOrder(out);
    }

    /**
     * The pair of words both chunks heard that lies nearest the join, from the longest run of agreement
     * (a longest common subsequence of same words); null when they agree on none.
     */
    static int[] seam(List<Transcript.Word> a, List<Transcript.Word> b, double join) {
        int n = a.size();
        int m = b.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] best = null;
        double bestDistance = Double.MAX_VALUE;
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(a.get(i), b.get(j)) && lcs[i][j] == lcs[i + 1][j + 1] + 1) {
                double distance = Math.abs((middle(a.get(i)) + middle(b.get(j))) / 2 - join);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = new int[]{i, j};
                }
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return best;
    }

    private static boolean same(Transcript.Word a, Transcript.Word b) {
        return Math.abs(middle(a) - middle(b)) < SAME_WORD && spelling(a).equals(spelling(b)) && !spelling(a).isEmpty();
    }

    private static String spelling(Transcript.Word w) {
        return w.text().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}']", "");
    }

    private static double middle(Transcript.Word w) {
        return (w.start() + w.end()) / 2;
    }

    /** Start times never go back: a seam word from the later chunk may be timed a hair before its predecessor. */
    private static List<Transcript.Word> inOrder(List<Transcript.Word> words) {
        List<Transcript.Word> out = new ArrayList<>(words.size());
        double last = 0;
        for (Transcript.Word w : words) {
            double start = Math.max(w.start(), last);
            out.add(start == w.start() ? w : new Transcript.Word(w.text(), start, Math.max(start, w.end()), w.confidence()));
            last = start;
        }
        return out;
    }
}
