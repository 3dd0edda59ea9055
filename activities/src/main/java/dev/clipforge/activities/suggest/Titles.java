package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Readable titles, hooks and reasons written from the transcript itself when no language model is configured. */
final class Titles {
    private static final Map<String, String> PHRASES = Map.of(
            Features.HOOK, "a strong opening line",
            Features.SELF_CONTAINED, "it stands on its own",
            Features.PAYOFF, "it ends on a conclusion",
            Features.COHERENCE, "it stays on one subject",
            Features.COMPLETENESS, "it tells its subject whole",
            Features.DENSITY, "it is dense with content",
            Features.ENERGY, "a lively delivery",
            Features.SPEAKER_DYNAMICS, "back-and-forth between speakers",
            Features.DURATION_FIT, "it fits the target length");

    private Titles() {
    }

    /** The window's most distinctive phrase (adjacent content words weighted by rarity in the source), in title case. */
    static String title(Transcript t, SuggestionEngine.Candidate c, Features features) {
        List<Transcript.Segment> segs = t.segments().subList(c.first(), c.last() + 1);
        String best = null;
        double bestScore = -1;
        for (Transcript.Segment s : segs) {
            List<String> tokens = Features.tokens(s.text());
            for (int i = 0; i < tokens.size(); i++) {
                for (int len = 1; len <= 3 && i + len <= tokens.size(); len++) {
                    List<String> phrase = tokens.subList(i, i + len);
                    if (Features.STOPWORDS.contains(phrase.get(0)) || Features.STOPWORDS.contains(phrase.get(len - 1))) {
                        continue;
                    }
                    double score = 0;
                    for (String w : phrase) {
                        score += Features.STOPWORDS.contains(w) ? 0 : features.idf(w) * Math.min(1, w.length() / 6.0);
                    }
                    score *= len == 1 ? 1 : 1.15;
                    if (score > bestScore) {
                        bestScore = score;
                        best = String.join(" ", phrase);
                    }
                }
            }
        }
        if (best == null) {
            return "Moment at " + clock(c.start());
        }
        StringBuilder out = new StringBuilder();
        for (String w : best.split(" ")) {
            out.append(out.length() == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }

    /** The opening line, as the viewer hears it first. */
    static String hook(Transcript t, SuggestionEngine.Candidate c) {
        String first = t.segments().get(c.first()).text().trim();
        String[] words = first.split("\\s+");
        String line = words.length <= 16 ? first : String.join(" ", java.util.Arrays.copyOf(words, 16)) + "…";
        return line.isEmpty() ? line : Character.toUpperCase(line.charAt(0)) + line.substring(1);
    }

    /** Which features carried the score, in words. */
    static String reason(Map<String, Double> breakdown, Map<String, Double> weights) {
        List<Map.Entry<String, Double>> contributions = new ArrayList<>();
        for (var e : breakdown.entrySet()) {
            contributions.add(Map.entry(e.getKey(), e.getValue() * weights.getOrDefault(e.getKey(), 0.0)));
        }
        contributions.sort(Comparator.comparingDouble((Map.Entry<String, Double> e) -> e.getValue()).reversed());
        List<String> parts = new ArrayList<>();
        for (var e : contributions.subList(0, Math.min(3, contributions.size()))) {
            if (breakdown.get(e.getKey()) >= 0.5) {
                parts.add(PHRASES.getOrDefault(e.getKey(), e.getKey()) + String.format(Locale.ROOT, " (%s %.2f)",
                        e.getKey(), breakdown.get(e.getKey())));
            }
        }
        String weakest = breakdown.entrySet().stream().filter(e -> weights.getOrDefault(e.getKey(), 0.0) > 0)
                .min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        String text = parts.isEmpty() ? "no feature stands out" : "Chosen for " + String.join(", ", parts);
        return weakest != null && breakdown.get(weakest) < 0.4
                ? text + "; weakest: " + weakest + String.format(Locale.ROOT, " %.2f", breakdown.get(weakest)) : text;
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
