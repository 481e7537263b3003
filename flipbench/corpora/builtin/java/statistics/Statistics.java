import java.util.ArrayList;
import java.util.List;

/** Descriptive statistics over arrays of numbers. Empty input is rejected everywhere. */
public class Statistics {
    public static double mean(double[] values) {
        requireNonEmpty(values.length);
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
        }
        return sum / values.length;
    }

    public static double mean(int[] values) {
        return mean(toDoubles(values));
    }

    public static double weightedMean(double[] values, double[] weights) {
        requireNonEmpty(values.length);
        if (weights.length != values.length) {
            throw new IllegalArgumentException("need one weight per value");
        }
        double total = 0;
        double weightSum = 0;
        for (int i = 0; i < values.length; i++) {
            total += values[i] * weights[i];
            weightSum += weights[i];
        }
        if (weightSum == 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        return total / weightSum;
    }

    public static double median(double[] values) {
        requireNonEmpty(values.length);
        double[] sorted = sorted(values);
        return medianOf(sorted, 0, sorted.length);
    }

    /** The most frequent value; ties go to the smallest value. */
    public static int mode(int[] values) {
        requireNonEmpty(values.length);
        int best = values[0];
        int bestCount = 0;
        for (int i = 0; i < values.length; i++) {
            int count = 0;
            for (int j = 0; j < values.length; j++) {
                if (values[j] == values[i]) {
                    count++;
                }
            }
            if (count > bestCount || (count == bestCount && values[i] < best)) {
                best = values[i];
                bestCount = count;
            }
        }
        return best;
    }

    public static double range(double[] values) {
        requireNonEmpty(values.length);
        double min = values[0];
        double max = values[0];
        for (int i = 1; i < values.length; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        return max - min;
    }

    /** Population variance, or sample variance (divided by n - 1) when sample is true. */
    public static double variance(double[] values, boolean sample) {
        requireNonEmpty(values.length);
        int n = values.length;
        if (sample && n < 2) {
            throw new IllegalArgumentException("sample variance needs two values");
        }
        double m = mean(values);
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = values[i] - m;
            squares += d * d;
        }
        return squares / (sample ? n - 1 : n);
    }

    public static double standardDeviation(double[] values, boolean sample) {
        return Math.sqrt(variance(values, sample));
    }

    /** {Q1, median, Q3}: Q1 and Q3 are medians of the lower and upper halves, excluding the middle value. */
    public static double[] quartiles(double[] values) {
        requireNonEmpty(values.length);
        double[] s = sorted(values);
        int n = s.length;
        if (n == 1) {
            return new double[] {s[0], s[0], s[0]};
        }
        return new double[] {medianOf(s, 0, n / 2), medianOf(s, 0, n), medianOf(s, (n + 1) / 2, n)};
    }

    /** Percentile p (0-100) with linear interpolation between neighbouring ranks. */
    public static double percentile(double[] values, double p) {
        requireNonEmpty(values.length);
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile out of range: " + p);
        }
        double[] s = sorted(values);
        double rank = p / 100 * (s.length - 1);
        int low = (int) Math.floor(rank);
        if (low + 1 >= s.length) {
            return s[low];
        }
        return s[low] + (rank - low) * (s[low + 1] - s[low]);
    }

    /** Values more than 1.5 interquartile ranges outside the quartiles, in input order. */
    public static List<Double> outliers(double[] values) {
        double[] q = quartiles(values);
        double spread = q[2] - q[0];
        double low = q[0] - 1.5 * spread;
        double high = q[2] + 1.5 * spread;
        List<Double> result = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (values[i] < low || values[i] > high) {
                result.add(values[i]);
            }
        }
        return result;
    }

    private static double medianOf(double[] sorted, int from, int to) {
        int n = to - from;
        int mid = from + n / 2;
        if (n % 2 == 1) {
            return sorted[mid];
        }
        return (sorted[mid - 1] + sorted[mid]) / 2;
    }

    // insertion sort on a copy
    private static double[] sorted(double[] values) {
        double[] s = values.clone();
        for (int i = 1; i < s.length; i++) {
            double key = s[i];
            int j = i - 1;
            while (j >= 0 && s[j] > key) {
                s[j + 1] = s[j];
                j--;
            }
            s[j + 1] = key;
        }
        return s;
    }

    private static double[] toDoubles(int[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static void requireNonEmpty(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("no values");
        }
    }
}
