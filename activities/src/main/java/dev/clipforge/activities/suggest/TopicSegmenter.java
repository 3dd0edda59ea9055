package dev.clipforge.activities.suggest;

import dev.clipforge.common.transcript.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a transcript into runs of sentences on one topic, TextTiling-style (Hearst 1997) over sentence
 * embeddings: at every gap between sentences, the blocks of {@link #BLOCK} sentences on each side are compared
 * by the cosine of their centroids; a gap whose similarity dips well below the peaks on both sides (its depth)
 * is a change of topic. Depths above the conservative cutoff of TextTiling (mean minus half a standard deviation
 * of the valleys' depths) and above {@link #MIN_DEPTH} become boundaries. Topics shorter than the shortest clip
 * are then merged into a neighbour across their weaker boundary, so every topic can hold a clip.
 */
final class TopicSegmenter {
    /** Sentences on each side of a gap: fewer makes one short aside look like a new topic. */
    static final int BLOCK = 3;
    /** A dip this shallow (in cosine) is noise between sentences on the same subject, whatever its rank. */
    static final double MIN_DEPTH = 0.1;

    private TopicSegmenter() {
    }

    /** Sentences {@code first..last}, inclusive, on one topic. */
    record Topic(int first, int last) {
    }

    /**
     * @param topics     in transcript order, covering every sentence
     * @param similarity block similarity at each gap: {@code similarity[g]} is between sentences g-1 and g
     * @param depth      depth of each gap's dip (0 where it is no valley)
     */
    record Topics(List<Topic> topics, double[] similarity, double[] depth) {
        int topicOf(int sentence) {
            for (int i = 0; i < topics.size(); i++) {
                if (sentence <= topics.get(i).last()) {
                    return i;
                }
            }
            return topics.size() - 1;
        }

        List<Integer> boundaries() {
            return topics.stream().skip(1).map(Topic::first).toList();
        }
    }

    static Topics segment(SentenceSpace space, List<Transcript.Segment> segments, double minSeconds) {
        int n = space.size();
        double[] similarity = new double[n];
        for (int g = 1; g < n; g++) {
            similarity[g] = round(space.similarity(Math.max(0, g - BLOCK), g - 1, g, Math.min(n - 1, g + BLOCK - 1)));
        }
        double[] depth = new double[n];
        List<Integer> valleys = new ArrayList<>();
        for (int g = 1; g < n; g++) {
            boolean valley = (g == 1 || similarity[g] <= similarity[g - 1]) && (g == n - 1 || similarity[g] <= similarity[g + 1]);
            if (valley && n > 2) {
                depth[g] = round(peak(similarity, g, -1) - similarity[g] + peak(similarity, g, 1) - similarity[g]);
                valleys.add(g);
            }
        }
        double mean = valleys.stream().mapToDouble(g -> depth[g]).average().orElse(0);
        double sd = Math.sqrt(valleys.stream().mapToDouble(g -> (depth[g] - mean) * (depth[g] - mean)).average().orElse(0));
        double cutoff = Math.max(MIN_DEPTH, mean - sd / 2);
        List<Integer> boundaries = new ArrayList<>();
        for (int g : valleys) {
            if (depth[g] > cutoff) {
                boundaries.add(g);
            }
        }
        mergeShort(boundaries, depth, segments, minSeconds);
        List<Topic> topics = new ArrayList<>();
        int first = 0;
        for (int b : boundaries) {
            topics.add(new Topic(first, b - 1));
            first = b;
        }
        if (n > 0) {
            topics.add(new Topic(first, n - 1));
        }
        return new Topics(topics, similarity, depth);
    }

    /** The highest similarity reached climbing from gap {@code g} in direction {@code step} while it rises. */
    private static double peak(double[] similarity, int g, int step) {
        double top = similarity[g];
        for (int i = g + step; i >= 1 && i < similarity.length && similarity[i] >= top; i += step) {
            top = similarity[i];
        }
        return top;
    }

    /** Removes, shortest topic first, the weaker boundary of every topic too short to hold a clip. */
    private static void mergeShort(List<Integer> boundaries, double[] depth, List<Transcript.Segment> segments, double minSeconds) {
        while (!boundaries.isEmpty()) {
            int shortest = -1;
            double shortestSeconds = Double.MAX_VALUE;
            for (int i = 0; i <= boundaries.size(); i++) {
                int first = i == 0 ? 0 : boundaries.get(i - 1);
                int last = i == boundaries.size() ? segments.size() - 1 : boundaries.get(i) - 1;
                double seconds = segments.get(last).end() - segments.get(first).start();
                if (seconds < minSeconds && seconds < shortestSeconds) {
                    shortest = i;
                    shortestSeconds = seconds;
                }
            }
            if (shortest < 0) {
                return;
            }
            int before = shortest - 1;
            int after = shortest;
            boolean hasBefore = before >= 0;
            boolean hasAfter = after < boundaries.size();
            int drop = !hasBefore ? after : !hasAfter ? before
                    : depth[boundaries.get(before)] <= depth[boundaries.get(after)] ? before : after;
            boundaries.remove(drop);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
