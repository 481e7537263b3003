import java.util.Arrays;
import java.util.List;
import java.util.Objects;

public class StatisticsTest {
    private static final double[] SPREAD = {2, 4, 4, 4, 5, 5, 7, 9};

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void checkArray(double[] expected, double[] actual) {
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError("expected " + Arrays.toString(expected) + " but was " + Arrays.toString(actual));
        }
    }

    private static void checkRejected(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected rejection: " + what);
    }

    static void testMeans() {
        checkEquals(2.5, Statistics.mean(new double[] {1, 2, 3, 4}));
        checkEquals(-3.0, Statistics.mean(new double[] {-3}));
        checkEquals(5.0 / 3, Statistics.mean(new int[] {1, 2, 2}));
        checkEquals(3.5, Statistics.weightedMean(new double[] {2, 4}, new double[] {1, 3}));
        checkEquals(4.0, Statistics.weightedMean(new double[] {4}, new double[] {2}));
        checkRejected(() -> Statistics.mean(new double[] {}), "empty mean");
        checkRejected(() -> Statistics.mean(new int[] {}), "empty int mean");
        checkRejected(() -> Statistics.weightedMean(new double[] {1, 2}, new double[] {1}), "length mismatch");
        checkRejected(() -> Statistics.weightedMean(new double[] {1, 2}, new double[] {1, -1}), "zero weights");
        checkRejected(() -> Statistics.weightedMean(new double[] {}, new double[] {}), "empty weighted");
    }

    static void testMedianAndSortingCopy() {
        double[] values = {5, 1, 3};
        checkEquals(3.0, Statistics.median(values));
        checkArray(new double[] {5, 1, 3}, values);
        checkEquals(2.5, Statistics.median(new double[] {4, 1, 3, 2}));
        checkEquals(7.0, Statistics.median(new double[] {7}));
        checkEquals(4.5, Statistics.median(new double[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
        checkRejected(() -> Statistics.median(new double[] {}), "empty median");
    }

    static void testMode() {
        checkEquals(2, Statistics.mode(new int[] {3, 1, 2, 2, 3}));
        checkEquals(5, Statistics.mode(new int[] {5, 5, 1}));
        checkEquals(1, Statistics.mode(new int[] {3, 1, 2}));
        checkEquals(1, Statistics.mode(new int[] {1, 3, 2}));
        checkEquals(1, Statistics.mode(new int[] {3, 2, 1}));
        checkEquals(2, Statistics.mode(new int[] {1, 2, 2}));
        checkEquals(2, Statistics.mode(new int[] {-1, -1, 2, 2, 2}));
        checkEquals(4, Statistics.mode(new int[] {4}));
        checkRejected(() -> Statistics.mode(new int[] {}), "empty mode");
    }

    static void testRange() {
        checkEquals(7.0, Statistics.range(SPREAD));
        checkEquals(8.0, Statistics.range(new double[] {3, -5, 1}));
        checkEquals(9.0, Statistics.range(new double[] {10, 4, 1}));
        checkEquals(0.0, Statistics.range(new double[] {6}));
        checkRejected(() -> Statistics.range(new double[] {}), "empty range");
    }

    static void testVarianceAndStandardDeviation() {
        checkEquals(4.0, Statistics.variance(SPREAD, false));
        checkEquals(2.0, Statistics.standardDeviation(SPREAD, false));
        checkEquals(32.0 / 7, Statistics.variance(SPREAD, true));
        checkEquals(Math.sqrt(32.0 / 7), Statistics.standardDeviation(SPREAD, true));
        checkEquals(0.0, Statistics.variance(new double[] {3}, false));
        checkEquals(2.0, Statistics.variance(new double[] {1, 3}, true));
        checkRejected(() -> Statistics.variance(new double[] {3}, true), "sample of one");
    }

    static void testQuartiles() {
        checkArray(new double[] {2.5, 4.5, 6.5}, Statistics.quartiles(new double[] {8, 7, 6, 5, 4, 3, 2, 1}));
        checkArray(new double[] {2.5, 5, 7.5}, Statistics.quartiles(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}));
        checkArray(new double[] {3, 5, 7}, Statistics.quartiles(new double[] {7, 3}));
        checkArray(new double[] {1, 2, 3}, Statistics.quartiles(new double[] {3, 2, 1}));
        checkArray(new double[] {4, 4, 4}, Statistics.quartiles(new double[] {4}));
        checkRejected(() -> Statistics.quartiles(new double[] {}), "empty quartiles");
    }

    static void testPercentile() {
        double[] values = {50, 10, 40, 20, 30};
        checkEquals(10.0, Statistics.percentile(values, 0));
        checkEquals(20.0, Statistics.percentile(values, 25));
        checkEquals(25.0, Statistics.percentile(values, 37.5));
        checkEquals(45.0, Statistics.percentile(values, 87.5));
        checkEquals(50.0, Statistics.percentile(values, 100));
        checkEquals(3.75, Statistics.percentile(new double[] {1, 2, 4, 8}, 62.5));
        checkEquals(6.0, Statistics.percentile(new double[] {6}, 50));
        checkRejected(() -> Statistics.percentile(values, -0.5), "below 0");
        checkRejected(() -> Statistics.percentile(values, 100.5), "above 100");
        checkRejected(() -> Statistics.percentile(new double[] {}, 50), "empty percentile");
    }

    static void testOutliersAtTheFences() {
        checkEquals(List.of(), Statistics.outliers(new double[] {0, 2, 4, 6, 8, 10, 12, 23}));
        checkEquals(List.of(24.0), Statistics.outliers(new double[] {0, 2, 4, 6, 8, 10, 12, 24}));
        checkEquals(List.of(), Statistics.outliers(new double[] {-9, 2, 4, 6, 8, 10, 12, 14}));
        checkEquals(List.of(-10.0), Statistics.outliers(new double[] {-10, 2, 4, 6, 8, 10, 12, 14}));
        checkEquals(List.of(-10.0, 24.0), Statistics.outliers(new double[] {-10, 2, 4, 6, 8, 10, 12, 24}));
        checkEquals(List.of(100.0), Statistics.outliers(new double[] {1, 2, 100, 3, 4, 5, 6, 7, 8}));
    }
}
