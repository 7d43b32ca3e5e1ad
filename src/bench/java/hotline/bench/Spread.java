package hotline.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles of one run's samples, and min/median/max of a figure over repeated runs. */
final class Spread {

    private Spread() {}

    /** The {@code p}-th percentile (0..100) of {@code samples}, nearest rank; NaN when there are none. */
    static double percentile(long[] samples, double p) {
        if (samples.length == 0) return Double.NaN;
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static long[] of(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    static double median(List<Double> runs) {
        double[] s = runs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length == 0 ? Double.NaN : s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** "min / median / max" of repeated runs, in {@code format}. */
    static String minMedianMax(List<Double> runs, String format) {
        double min = runs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double max = runs.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, format + " / " + format + " / " + format, min, median(runs), max);
    }
}
