package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the moments worth posting in a transcript: candidate windows that start and end on sentence
 * boundaries (never inside a word), each scored on named features, combined by configurable weights, and
 * thinned so alternatives do not overlap. Deterministic: the same transcript gives the same suggestions.
 */
public final class SuggestionEngine {
    /** Words that leave a clip's first sentence hanging on what came before. */
    static final Set<String> DANGLING_OPENERS = Set.of("and", "so", "because", "but", "or", "then", "also", "which",
            "that", "it", "he", "she", "they", "this", "these", "those", "them", "him", "her", "its", "their", "plus");

    /** Whether a clip opening on this word would hang on what came before it. */
    public static boolean danglingOpener(String word) {
        return DANGLING_OPENERS.contains(word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z']", ""));
    }

    private final Features features;
    private final Map<String, Double> weights;
    private final double maxOverlap;

    public SuggestionEngine(Map<String, Double> weights, double maxOverlap) {
        this.features = new Features();
        this.weights = weights;
        this.maxOverlap = maxOverlap;
    }

    /** A window of whole sentences {@code first..last} of the transcript. */
    record Candidate(int first, int last, double start, double end, boolean snapped) {
        double duration() {
            return end - start;
        }
    }

    public List<Suggestion> suggest(String assetId, int version, Transcript t, float[] energy, double energyStep,
                                    double sourceDuration, double min, double max, int count) {
        if (t == null || t.segments().isEmpty()) {
            return byTime(assetId, version, sourceDuration, min, max, count);
        }
        List<Candidate> candidates = candidates(t, min, max, sourceDuration);
        features.prepare(t, energy, energyStep);
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, Double> breakdown = features.of(t, c, min, max);
            scored.add(new Scored(c, breakdown, combine(breakdown)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingDouble(s -> s.candidate().start()));
        List<Scored> kept = new ArrayList<>();
        for (Scored s : scored) {
            if (kept.stream().noneMatch(k -> overlap(k.candidate(), s.candidate()) > maxOverlap)) {
                kept.add(s);
            }
            if (kept.size() == count) {
                break;
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            Scored s = kept.get(i);
            Candidate c = s.candidate();
            out.add(new Suggestion(id(assetId, version, c.start(), c.end()), i + 1, Titles.title(t, c, features),
                    Titles.hook(t, c), Titles.reason(s.breakdown(), weights), round(c.start()), round(c.end()),
                    round(s.score()), s.breakdown(), c.snapped()));
        }
        return out;
    }

    record Scored(Candidate candidate, Map<String, Double> breakdown, double score) {
    }

    double combine(Map<String, Double> breakdown) {
        double sum = 0;
        double total = 0;
        for (var e : breakdown.entrySet()) {
            double w = weights.getOrDefault(e.getKey(), 0.0);
            sum += w * e.getValue();
            total += w;
        }
        return total == 0 ? 0 : sum / total;
    }

    /**
     * Every run of whole sentences that fits the target length. A window starts at its first word and ends at
     * its last; when a pause lies next to either end, the end is moved into it (so the cut falls in silence).
     */
    static List<Candidate> candidates(Transcript t, double min, double max, double sourceDuration) {
        List<Transcript.Segment> segs = t.segments();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < segs.size(); i++) {
            for (int j = i; j < segs.size(); j++) {
                double[] start = edge(t, segs.get(i).start(), true, sourceDuration);
                double[] end = edge(t, segs.get(j).end(), false, sourceDuration);
                double duration = end[0] - start[0];
                if (duration > max) {
                    break;
                }
                if (duration >= min) {
                    out.add(new Candidate(i, j, start[0], end[0], start[1] > 0 && end[1] > 0));
                }
            }
        }
        return out;
    }

    /** {cut time, 1 if it sits in a pause}: a little into the pause before a start or after an end. */
    static double[] edge(Transcript t, double at, boolean start, double sourceDuration) {
        for (Transcript.Span p : t.pauses()) {
            boolean adjacent = start ? Math.abs(p.end() - at) <= 0.25 || (p.start() <= at && at <= p.end())
                    : Math.abs(p.start() - at) <= 0.25 || (p.start() <= at && at <= p.end());
            if (adjacent) {
                double cut = start ? Math.max(p.start(), Math.min(at, p.end()) - 0.15) : Math.min(p.end(), Math.max(at, p.start()) + 0.2);
                return new double[]{Math.max(0, Math.min(sourceDuration, cut)), 1};
            }
        }
        double cut = start ? at - 0.05 : at + 0.1;
        return new double[]{Math.max(0, Math.min(sourceDuration, cut)), 0};
    }

    static double overlap(Candidate a, Candidate b) {
        double inter = Math.max(0, Math.min(a.end(), b.end()) - Math.max(a.start(), b.start()));
        return inter / Math.min(a.duration(), b.duration());
    }

    /** Without speech there is nothing to judge: evenly spaced windows of the longest allowed length. */
    static List<Suggestion> byTime(String assetId, int version, double duration, double min, double max, int count) {
        List<Suggestion> out = new ArrayList<>();
        if (duration < min) {
            return out;
        }
        double length = Math.min(max, duration);
        int n = Math.max(1, Math.min(count, (int) Math.floor(duration / length)));
        for (int i = 0; i < n; i++) {
            double start = i * length;
            double end = Math.min(duration, start + length);
            Map<String, Double> breakdown = new LinkedHashMap<>();
            breakdown.put("duration_fit", 1.0);
            String span = Titles.clock(start) + "–" + Titles.clock(end);
            out.add(new Suggestion(id(assetId, version, start, end), i + 1, "Part " + (i + 1) + " (" + span + ")",
                    "No speech to quote: the picture from " + span, "chosen by time: the source has no speech to judge",
                    round(start), round(end), 0.5, breakdown, false));
        }
        return out;
    }

    static String id(String assetId, int version, double start, double end) {
        String key = assetId + "|" + version + "|" + String.format(Locale.ROOT, "%.3f|%.3f", start, end);
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder s = new StringBuilder("sug_");
            String alphabet = "0123456789abcdefghijkmnopqrstuvwxyz";
            for (int i = 0; i < 16; i++) {
                s.append(alphabet.charAt((d[i] & 0xff) % alphabet.length()));
            }
            return s.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
