package dev.clipforge.activities.suggest;

import java.util.List;

/**
 * A second opinion on the best moments the features found: it may reorder them and write their titles, hooks
 * and reasons, but it only ever names moments it was shown, by id, so every window stays one the engine cut.
 */
public interface MomentReranker {
    /** Keeps the features' order and the engine's own titles. */
    MomentReranker NONE = new MomentReranker() {
        @Override
        public int topK() {
            return 0;
        }

        @Override
        public String identity() {
            return "";
        }

        @Override
        public Reranking rerank(List<Moment> moments, Runnable stillAlive) {
            return Reranking.unchanged(List.of());
        }
    };

    /** How many of the best non-overlapping moments it wants to see. */
    int topK();

    /** What would change its answers (provider, model, address); empty for no reranker. Part of cache keys. */
    String identity();

    /**
     * @param moments    the best moments in the features' order, each with a short id
     * @param stillAlive runs while the reranker waits, so a caller can say it is alive (an activity heartbeats)
     */
    Reranking rerank(List<Moment> moments, Runnable stillAlive);

    /** A candidate shown to the reranker: its id, its window in source time, and the words spoken in it. */
    record Moment(String id, double startSeconds, double endSeconds, String text) {
    }

    /** The reranker's word on one moment, which it names by id. */
    record Pick(String id, String title, String hook, String reason) {
    }

    /**
     * @param picks    moments in the reranker's order, best first; moments it left out follow in the features' order
     * @param applied  whether the reranker's answer was used; false when it failed and the features' order stands
     * @param warnings what went wrong, for the log: a failed call, an answer rejected, entries dropped
     */
    record Reranking(List<Pick> picks, boolean applied, List<String> warnings) {
        public static Reranking unchanged(List<String> warnings) {
            return new Reranking(List.of(), false, warnings);
        }
    }
}
