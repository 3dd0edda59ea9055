package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The named features a moment is judged on, each in 0..1. Names are the keys of {@code score_breakdown}
 * and of the weight settings.
 */
final class Features {
    static final String HOOK = "hook";
    static final String SELF_CONTAINED = "self_contained";
    static final String PAYOFF = "payoff";
    static final String COHERENCE = "coherence";
    static final String DENSITY = "density";
    static final String ENERGY = "energy";
    static final String SPEAKER_DYNAMICS = "speaker_dynamics";
    static final String DURATION_FIT = "duration_fit";
    static final String COMPLETENESS = "completeness";
    static final List<String> ALL = List.of(HOOK, SELF_CONTAINED, PAYOFF, COHERENCE, COMPLETENESS, DENSITY, ENERGY,
            SPEAKER_DYNAMICS, DURATION_FIT);

    static final Set<String> STOPWORDS = Set.of("a", "an", "the", "and", "or", "but", "so", "of", "to", "in", "on", "at",
            "for", "with", "by", "from", "up", "about", "into", "over", "after", "is", "are", "was", "were", "be", "been",
            "being", "have", "has", "had", "do", "does", "did", "will", "would", "could", "should", "may", "might", "must",
            "can", "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "its",
            "our", "their", "this", "that", "these", "those", "there", "here", "what", "which", "who", "whom", "when",
            "where", "why", "how", "not", "no", "yes", "if", "then", "than", "as", "just", "very", "really", "also", "too",
            "all", "any", "some", "more", "most", "much", "many", "such", "only", "own", "same", "other", "again", "ever",
            "even", "still", "out", "off", "down", "like", "well", "yeah", "um", "uh", "oh", "okay", "ok", "gonna", "got",
            "get", "mr", "mrs", "one", "himself", "herself", "itself", "themselves");
    static final Set<String> QUESTION_STARTS = Set.of("why", "how", "what", "when", "who", "where", "which", "did", "do",
            "does", "is", "are", "was", "can", "could", "would", "should", "have", "has");
    static final Set<String> STRONG = Set.of("never", "always", "secret", "mistake", "truth", "biggest", "worst", "best",
            "nobody", "everyone", "everybody", "surprising", "actually", "wrong", "crazy", "important", "only", "first",
            "last", "problem", "failed", "fail", "lesson", "changed", "million", "billion", "impossible");
    static final List<String> CONCLUSIONS = List.of("that's why", "which means", "the point", "the lesson", "in the end",
            "bottom line", "turns out", "that is why", "so the", "and that's", "the answer", "the reason");

    private final Map<String, Double> idf;
    private final double meanEnergy;
    private final float[] energy;
    private final double energyStep;
    private final SentenceSpace space;
    private final TopicSegmenter.Topics topics;
    /** Mean similarity of any two sentences of the source: what merely sharing a speaker and a show gives. */
    private final double sourceCohesion;
    /** Mean similarity of neighbouring sentences: what talk that stays on its subject gives. */
    private final double neighbourCohesion;

    Features(Transcript t, float[] energy, double energyStep, SentenceSpace space, TopicSegmenter.Topics topics) {
        Map<String, Integer> df = new HashMap<>();
        for (Transcript.Segment s : t.segments()) {
            Set<String> seen = new HashSet<>(content(s.text()));
            seen.forEach(w -> df.merge(w, 1, Integer::sum));
        }
        Map<String, Double> out = new HashMap<>();
        int n = Math.max(1, t.segments().size());
        df.forEach((w, c) -> out.put(w, Math.log(1.0 + n / (double) c)));
        this.idf = out;
        this.energy = energy == null ? new float[0] : energy;
        this.energyStep = energyStep;
        double sum = 0;
        for (float e : this.energy) {
            sum += e;
        }
        this.meanEnergy = this.energy.length == 0 ? 0 : sum / this.energy.length;
        this.space = space;
        this.topics = topics;
        this.sourceCohesion = space.cohesion(0, space.size() - 1);
        double neighbours = 0;
        for (int i = 1; i < space.size(); i++) {
            neighbours += space.similarity(i - 1, i);
        }
        this.neighbourCohesion = space.size() < 2 ? 1 : neighbours / (space.size() - 1);
    }

    double idf(String word) {
        return idf.getOrDefault(word, 0.0);
    }

    Map<String, Double> of(Transcript t, SuggestionEngine.Candidate c, double min, double max) {
        List<Transcript.Segment> segs = t.segments().subList(c.first(), c.last() + 1);
        Map<String, Double> f = new LinkedHashMap<>();
        f.put(HOOK, hook(segs.get(0).text()));
        f.put(SELF_CONTAINED, selfContained(segs.get(0).text()));
        f.put(PAYOFF, payoff(segs.get(segs.size() - 1).text(), c.snapped()));
        f.put(COHERENCE, coherence(c));
        f.put(COMPLETENESS, completeness(t, c, max));
        f.put(DENSITY, density(t, c));
        f.put(ENERGY, energy(c));
        f.put(SPEAKER_DYNAMICS, dynamics(t, c));
        double ideal = Math.max(min, Math.min(max, 0.6 * max));
        f.put(DURATION_FIT, round(1 - Math.min(1, Math.abs(c.duration() - ideal) / ideal)));
        return f;
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (!w.isBlank()) {
                out.add(w);
            }
        }
        return out;
    }

    static List<String> content(String text) {
        return tokens(text).stream().filter(w -> !STOPWORDS.contains(w) && w.length() > 2).toList();
    }

    static double hook(String opening) {
        List<String> words = tokens(opening);
        if (words.isEmpty()) {
            return 0;
        }
        if (SuggestionEngine.DANGLING_OPENERS.contains(words.get(0))) {
            return 0.1;
        }
        double h = 0.3;
        if (opening.trim().endsWith("?") || QUESTION_STARTS.contains(words.get(0))) {
            h += 0.3;
        }
        if (words.stream().anyMatch(w -> w.matches("\\d+.*"))) {
            h += 0.15;
        }
        if (words.contains("you") || words.contains("your")) {
            h += 0.1;
        }
        if (words.stream().anyMatch(STRONG::contains)) {
            h += 0.2;
        }
        if (words.size() <= 14) {
            h += 0.1;
        }
        return round(Math.min(1, h));
    }

    static double selfContained(String opening) {
        List<String> words = tokens(opening);
        if (words.isEmpty()) {
            return 0;
        }
        double s = 1;
        if (SuggestionEngine.DANGLING_OPENERS.contains(words.get(0))) {
            s -= 0.6;
        }
        for (int i = 1; i < Math.min(3, words.size()); i++) {
            if (Set.of("it", "this", "that", "they", "he", "she", "them").contains(words.get(i))) {
                s -= 0.2;
                break;
            }
        }
        return round(Math.max(0, s));
    }

    static double payoff(String closing, boolean snapped) {
        String lower = closing.toLowerCase(Locale.ROOT);
        double p = 0.2;
        if (closing.trim().matches(".*[.!]$")) {
            p += 0.2;
        }
        if (CONCLUSIONS.stream().anyMatch(lower::contains)) {
            p += 0.3;
        }
        if (snapped) {
            p += 0.3;
        }
        List<String> words = tokens(closing);
        if (!words.isEmpty() && SuggestionEngine.DANGLING_OPENERS.contains(words.get(words.size() - 1))) {
            p -= 0.3;
        }
        return round(Math.max(0, Math.min(1, p)));
    }

    /**
     * How closely the window's sentences keep to one meaning, from their embeddings: their mean pairwise
     * similarity, placed between the source's mean (0: no more related than any two sentences of the source) and
     * the mean of neighbouring sentences (1: every pair as close as sentences that follow each other). A single
     * sentence gives no evidence either way.
     */
    double coherence(SuggestionEngine.Candidate c) {
        if (c.last() == c.first()) {
            return 0.7;
        }
        double spread = neighbourCohesion - sourceCohesion;
        if (spread <= 1e-6) {
            return 0.5;
        }
        double cohesion = space.cohesion(c.first(), c.last());
        return round(Math.max(0, Math.min(1, (cohesion - sourceCohesion) / spread)));
    }

    /**
     * How much of its topic the window tells: the share of the topic's speech it covers, out of as much as a clip
     * of the longest allowed length could cover. A clip that carries its whole subject needs nothing before it.
     */
    double completeness(Transcript t, SuggestionEngine.Candidate c, double max) {
        TopicSegmenter.Topic topic = topics.topics().get(topics.topicOf(c.first()));
        List<Transcript.Segment> segs = t.segments();
        double topicSeconds = segs.get(topic.last()).end() - segs.get(topic.first()).start();
        double windowSeconds = segs.get(c.last()).end() - segs.get(c.first()).start();
        double reachable = Math.min(topicSeconds, max);
        return reachable <= 0 ? 1 : round(Math.min(1, windowSeconds / reachable));
    }

    /** Spoken words per second: lively talk is dense; long silences and filler are not. */
    static double density(Transcript t, SuggestionEngine.Candidate c) {
        List<Transcript.Word> words = t.wordsIn(c.start(), c.end());
        double wps = words.size() / Math.max(1e-3, c.duration());
        double contentShare = words.isEmpty() ? 0
                : words.stream().filter(w -> !STOPWORDS.contains(w.text().toLowerCase(Locale.ROOT))).count() / (double) words.size();
        double pace = 1 / (1 + Math.exp(-(wps - 1.8) * 2.5));
        return round(0.7 * pace + 0.3 * contentShare);
    }

    double energy(SuggestionEngine.Candidate c) {
        if (energy.length == 0 || meanEnergy <= 0) {
            return 0.5;
        }
        int a = (int) (c.start() / energyStep);
        int b = Math.min(energy.length, (int) (c.end() / energyStep));
        double sum = 0;
        for (int i = a; i < b; i++) {
            sum += energy[i];
        }
        double mean = b > a ? sum / (b - a) : 0;
        return round(Math.max(0, Math.min(1, 0.5 + 0.5 * (mean / meanEnergy - 1))));
    }

    /** Turn-taking as the audio shows it: short exchanges between pauses rather than one long monologue. */
    static double dynamics(Transcript t, SuggestionEngine.Candidate c) {
        long turns = t.pauses().stream().filter(p -> p.start() > c.start() && p.end() < c.end() && p.duration() >= 0.4).count();
        double perMinute = turns / Math.max(1e-3, c.duration() / 60);
        return round(Math.min(1, perMinute / 12));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
