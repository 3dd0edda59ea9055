package dev.clipforge.activities.suggest;

/** The little vector arithmetic the suggestion features need, on embedding vectors. */
final class Vectors {
    private Vectors() {
    }

    static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * (double) b[i];
        }
        return sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    static double cosine(double[] a, double[] b) {
        double na = Math.sqrt(dot(a, a));
        double nb = Math.sqrt(dot(b, b));
        return na == 0 || nb == 0 ? 0 : dot(a, b) / (na * nb);
    }
}
