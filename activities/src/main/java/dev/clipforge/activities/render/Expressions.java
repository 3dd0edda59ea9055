package dev.clipforge.activities.render;

import java.util.List;
import java.util.Locale;

/** FFmpeg expressions of time {@code t}: a path that filters evaluate for every frame. */
final class Expressions {
    private Expressions() {
    }

    /**
     * A piecewise-linear function through {@code points} ({t, value}), constant before the first and after the
     * last. Written as a flat sum of gated pieces, so long paths do not nest.
     */
    static String piecewiseLinear(List<double[]> points) {
        if (points.size() == 1) {
            return num(points.get(0)[1]);
        }
        StringBuilder e = new StringBuilder();
        e.append("lt(t,").append(num(points.get(0)[0])).append(")*").append(num(points.get(0)[1]));
        for (int i = 0; i + 1 < points.size(); i++) {
            double[] a = points.get(i);
            double[] b = points.get(i + 1);
            if (b[0] - a[0] <= 1e-6) {
                continue;
            }
            e.append("+gte(t,").append(num(a[0])).append(")*lt(t,").append(num(b[0])).append(")*");
            if (Math.abs(b[1] - a[1]) < 1e-6) {
                e.append(num(a[1]));
            } else {
                double slope = (b[1] - a[1]) / (b[0] - a[0]);
                e.append("(").append(num(a[1])).append("+").append(num(slope)).append("*(t-").append(num(a[0])).append("))");
            }
        }
        double[] last = points.get(points.size() - 1);
        e.append("+gte(t,").append(num(last[0])).append(")*").append(num(last[1]));
        return e.toString();
    }

    /** 1 inside any of the intervals ({start, end}), 0 elsewhere. */
    static String within(List<double[]> intervals) {
        return sum(intervals, iv -> "");
    }

    /** A value per interval ({start, end, value}), 0 elsewhere. */
    static String stepwise(List<double[]> intervals) {
        return sum(intervals, iv -> "*" + num(iv[2]));
    }

    /** The sum over intervals of an indicator of [start, end), each times its factor. */
    private static String sum(List<double[]> intervals, java.util.function.Function<double[], String> factor) {
        if (intervals.isEmpty()) {
            return "0";
        }
        StringBuilder e = new StringBuilder();
        for (double[] iv : intervals) {
            if (e.length() > 0) {
                e.append('+');
            }
            e.append("gte(t,").append(num(iv[0])).append(")*lt(t,").append(num(iv[1])).append(')').append(factor.apply(iv));
        }
        return e.toString();
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("\\.?0+$", "");
    }
}
