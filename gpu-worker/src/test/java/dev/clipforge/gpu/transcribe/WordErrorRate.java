package dev.clipforge.gpu.transcribe;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Word error rate: word-level edit distance over reference length, after lower-casing and dropping punctuation. */
public final class WordErrorRate {
    private WordErrorRate() {
    }

    public static List<String> normalise(String text) {
        String clean = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9' ]", " ").trim();
        return clean.isEmpty() ? List.of() : Arrays.asList(clean.split("\\s+"));
    }

    public static int errors(List<String> reference, List<String> hypothesis) {
        return distances(reference, hypothesis)[reference.size()][hypothesis.size()];
    }

    /** Of the edits that turn {@code reference} into {@code hypothesis}: words inserted, and words lost. */
    public static int[] insertionsDeletions(String reference, String hypothesis) {
        List<String> ref = normalise(reference);
        List<String> hyp = normalise(hypothesis);
        int[][] d = distances(ref, hyp);
        int i = ref.size();
        int j = hyp.size();
        int inserted = 0;
        int lost = 0;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (ref.get(i - 1).equals(hyp.get(j - 1)) ? 0 : 1)) {
                i--;
                j--;
            } else if (j > 0 && d[i][j] == d[i][j - 1] + 1) {
                inserted++;
                j--;
            } else {
                lost++;
                i--;
            }
        }
        return new int[]{inserted, lost};
    }

    private static int[][] distances(List<String> reference, List<String> hypothesis) {
        int[][] d = new int[reference.size() + 1][hypothesis.size() + 1];
        for (int i = 0; i <= reference.size(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= hypothesis.size(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= reference.size(); i++) {
            for (int j = 1; j <= hypothesis.size(); j++) {
                int sub = reference.get(i - 1).equals(hypothesis.get(j - 1)) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + sub);
            }
        }
        return d;
    }

    public static double of(String reference, String hypothesis) {
        List<String> ref = normalise(reference);
        return errors(ref, normalise(hypothesis)) / (double) ref.size();
    }
}
