package dev.clipforge.activities.suggest;

/**
 * A transcript's sentences as unit vectors, with running sums so that any run of sentences can be judged in
 * time proportional to the vector size, not to the run's length.
 */
final class SentenceSpace {
    private final float[][] vectors;
    private final double[][] prefix;

    SentenceSpace(float[][] vectors) {
        this.vectors = vectors;
        int dims = vectors.length == 0 ? 0 : vectors[0].length;
        this.prefix = new double[vectors.length + 1][dims];
        for (int i = 0; i < vectors.length; i++) {
            for (int d = 0; d < dims; d++) {
                prefix[i + 1][d] = prefix[i][d] + vectors[i][d];
            }
        }
    }

    int size() {
        return vectors.length;
    }

    /** The sum of the vectors of sentences {@code first..last}, inclusive. */
    double[] sum(int first, int last) {
        double[] out = new double[prefix[0].length];
        for (int d = 0; d < out.length; d++) {
            out[d] = prefix[last + 1][d] - prefix[first][d];
        }
        return out;
    }

    /** Cosine similarity of two sentences. */
    double similarity(int a, int b) {
        return Vectors.dot(vectors[a], vectors[b]);
    }

    /**
     * Mean cosine similarity over the pairs of distinct sentences in {@code first..last}: how closely the run
     * keeps to one meaning. With unit vectors, |sum|^2 = n + 2 * (sum over pairs), so no pair is visited.
     */
    double cohesion(int first, int last) {
        int n = last - first + 1;
        if (n < 2) {
            return 1;
        }
        double[] s = sum(first, last);
        return (Vectors.dot(s, s) - n) / (n * (double) (n - 1));
    }

    /** Cosine similarity of the centroids of two runs of sentences. */
    double similarity(int firstA, int lastA, int firstB, int lastB) {
        return Vectors.cosine(sum(firstA, lastA), sum(firstB, lastB));
    }
}
