package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;
import dev.clipforge.workflows.stages.Suggestion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the moments worth posting in a transcript: the transcript is split into topics over sentence embeddings
 * ({@link TopicSegmenter}), candidate windows start and end on sentence boundaries (never inside a word) inside
 * one topic, each is scored on named features combined by configurable weights, and the best are thinned so
 * alternatives do not overlap. An optional {@link MomentReranker} may then reorder and retitle the best few.
 * Without a reranker it is deterministic: the same transcript gives the same suggestions.
 */
public final class SuggestionEngine {
    /** Words that leave a clip's first sentence hanging on what came before. */
    static final Set<String> DANGLING_OPENERS = Set.of("and", "so", "because", "but", "or", "then", "also", "which",
            "that", "it", "he", "she", "they", "this", "these", "those", "them", "him", "her", "its", "their", "plus");

    /** Whether a clip opening on this word would hang on what came before it. */
    public static boolean danglingOpener(String word) {
        return DANGLING_OPENERS.contains(word.toLowerCase(Locale.ROOT).replaceAll("[^a-z']", ""));
    }

    private final Map<String, Double> weights;
    private final double maxOverlap;
    private final SentenceEmbedder embedder;
    private final MomentReranker reranker;

    /** The embedded default: features and in-process sentence embeddings, no language model. */
    public SuggestionEngine(Map<String, Double> weights, double maxOverlap) {
        this(weights, maxOverlap, MiniLmSentenceEmbedder.INSTANCE, MomentReranker.NONE);
    }

    public SuggestionEngine(Map<String, Double> weights, double maxOverlap, SentenceEmbedder embedder,
                            MomentReranker reranker) {
        this.weights = weights;
        this.maxOverlap = maxOverlap;
        this.embedder = embedder;
        this.reranker = reranker;
    }

    /** A window of whole sentences {@code first..last} of the transcript. */
    record Candidate(int first, int last, double start, double end, boolean snapped) {
        double duration() {
            return end - start;
        }
    }

    /**
     * @param reranked whether a reranker's answer ordered and titled the suggestions
     * @param warnings what the reranker reported (a failed call, a rejected answer), for the log
     */
    public record Ranking(List<Suggestion> suggestions, boolean reranked, List<String> warnings) {
    }

    public List<Suggestion> suggest(String assetId, int version, Transcript t, float[] energy, double energyStep,
                                    double sourceDuration, double min, double max, int count) {
        return rank(assetId, version, t, energy, energyStep, sourceDuration, min, max, count, () -> {
        }).suggestions();
    }

    /** @param stillAlive runs while a reranker waits on its service, so an activity can heartbeat */
    public Ranking rank(String assetId, int version, Transcript t, float[] energy, double energyStep,
                        double sourceDuration, double min, double max, int count, Runnable stillAlive) {
        if (t == null || t.segments().isEmpty()) {
            return new Ranking(byTime(assetId, version, sourceDuration, min, max, count), false, List.of());
        }
        SentenceSpace space = new SentenceSpace(embedder.embed(t.segments().stream().map(Transcript.Segment::text).toList()));
        TopicSegmenter.Topics topics = TopicSegmenter.segment(space, t.segments(), min);
        List<Candidate> candidates = candidates(t, topics, min, max, sourceDuration);
        Features features = new Features(t, energy, energyStep, space, topics);
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates) {
            Map<String, Double> breakdown = features.of(t, c, min, max);
            scored.add(new Scored(c, breakdown, combine(breakdown)));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingDouble(s -> s.candidate().start()));
        List<Written> written = new ArrayList<>();
        for (Scored s : nonOverlapping(scored, Math.max(count, reranker.topK()))) {
            written.add(new Written(s, Titles.title(t, s.candidate(), features), Titles.hook(t, s.candidate()),
                    Titles.reason(s.breakdown(), weights)));
        }
        MomentReranker.Reranking reranking = rerank(t, written, stillAlive);
        List<Written> ordered = reorder(written, reranking);
        List<Suggestion> out = new ArrayList<>();
        for (int i = 0; i < Math.min(count, ordered.size()); i++) {
            Written w = ordered.get(i);
            Candidate c = w.scored().candidate();
            out.add(new Suggestion(id(assetId, version, c.start(), c.end()), i + 1, w.title(), w.hook(), w.reason(),
                    round(c.start()), round(c.end()), round(w.scored().score()), w.scored().breakdown(), c.snapped()));
        }
        return new Ranking(out, reranking.applied(), reranking.warnings());
    }

    record Scored(Candidate candidate, Map<String, Double> breakdown, double score) {
    }

    /** The best {@code wanted} candidates, best first, none sharing too much of a better one. */
    private List<Scored> nonOverlapping(List<Scored> best, int wanted) {
        List<Scored> kept = new ArrayList<>();
        for (Scored s : best) {
            if (kept.size() == wanted) {
                break;
            }
            if (kept.stream().noneMatch(k -> overlap(k.candidate(), s.candidate()) > maxOverlap)) {
                kept.add(s);
            }
        }
        return kept;
    }

    /** A kept candidate with the words it will be shown with. */
    record Written(Scored scored, String title, String hook, String reason) {
    }

    /** Shows the reranker the best {@code topK} kept moments, each by a short id ({@code m1} is the features' best). */
    private MomentReranker.Reranking rerank(Transcript t, List<Written> written, Runnable stillAlive) {
        if (reranker.topK() == 0 || written.isEmpty()) {
            return MomentReranker.Reranking.unchanged(List.of());
        }
        List<MomentReranker.Moment> moments = new ArrayList<>();
        for (int i = 0; i < Math.min(reranker.topK(), written.size()); i++) {
            Written w = written.get(i);
            Candidate c = w.scored().candidate();
            String text = t.segments().subList(c.first(), c.last() + 1).stream().map(s -> s.text().strip())
                    .collect(Collectors.joining(" "));
            moments.add(new MomentReranker.Moment(momentId(i), c.start(), c.end(), text));
        }
        return reranker.rerank(moments, stillAlive);
    }

    static String momentId(int index) {
        return "m" + (index + 1);
    }

    /**
     * The reranker's picks first, in its order and with its words, then every other kept moment in the features'
     * order. Windows always come from the engine's own candidates: a pick only names one by id, and a pick naming
     * no moment that was shown is ignored.
     */
    static List<Written> reorder(List<Written> written, MomentReranker.Reranking reranking) {
        if (!reranking.applied()) {
            return written;
        }
        Map<String, Integer> byId = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            byId.put(momentId(i), i);
        }
        List<Written> out = new ArrayList<>();
        Set<Integer> taken = new HashSet<>();
        for (MomentReranker.Pick p : reranking.picks()) {
            Integer index = byId.get(p.id());
            if (index != null && taken.add(index)) {
                out.add(new Written(written.get(index).scored(), p.title(), p.hook(), p.reason()));
            }
        }
        for (int i = 0; i < written.size(); i++) {
            if (!taken.contains(i)) {
                out.add(written.get(i));
            }
        }
        return out;
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
     * Every run of whole sentences that fits the target length and stays inside one topic. A window starts at its
     * first word and ends at its last; when a pause lies next to either end, the end is moved into it (so the cut
     * falls in silence). Should no window fit inside any topic (sentences longer than the gap between the shortest
     * and the longest clip), windows may cross topics rather than there being none.
     */
    static List<Candidate> candidates(Transcript t, TopicSegmenter.Topics topics, double min, double max,
                                      double sourceDuration) {
        List<Candidate> out = new ArrayList<>();
        for (TopicSegmenter.Topic topic : topics.topics()) {
            out.addAll(candidates(t, topic.first(), topic.last(), min, max, sourceDuration));
        }
        return out.isEmpty() ? candidates(t, 0, t.segments().size() - 1, min, max, sourceDuration) : out;
    }

    private static List<Candidate> candidates(Transcript t, int first, int last, double min, double max,
                                              double sourceDuration) {
        List<Transcript.Segment> segs = t.segments();
        List<Candidate> out = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            for (int j = i; j <= last; j++) {
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
