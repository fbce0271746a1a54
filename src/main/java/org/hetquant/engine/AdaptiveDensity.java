package org.hetquant.engine;

import java.util.Arrays;

/**
 * Data-aware weight density for one column ("density from breaks", docs/method.md §2(d) steps 1–7): from one
 * feature's calibration observations, the n coverage values of its column and their weight factors 1/c.
 *
 * <p>Coverage values are in L1-normalized input units: the column's MC k will respond to inputs v ≥ (D*)·c_k/P
 * before the global gain correction ({@link Calibrator}). The lowest Jenks class (which holds the limit value L
 * standing in for zeros) receives no coverage; the remaining classes' upper bounds delimit K−1 segments that
 * share the n coverage values, evenly spaced within each segment.
 *
 * <p>Only the uniform ("1/x") interpolation exists here. The authors' code also accepts {@code uniform = false},
 * but that branch returns n + K − 1 values for n duplicates (each segment keeps both end points), which cannot
 * fill a column; it is not a well-defined mode of the method.
 */
public final class AdaptiveDensity {

    /** Value appended to every observation column so that coverage is locked to [L, 1]. */
    private static final double APPENDED_OBSERVATION = 1.0;

    private AdaptiveDensity() {
    }

    /**
     * Weight factors of one column from that feature's observation column.
     *
     * <p>Steps: (1) values below L become L and 1.0 is appended; (2) sc = max(⌊s·n⌋, 1), sm = ⌊n/sc⌋;
     * (3) if a single distinct value a remains, the result is {@code linspace(a, L, n)} used <em>directly</em> as
     * factors (the authors' code does not invert it; a quirk, reachable only when every observation is 1.0 or
     * there are none); (4) K = {@link #classCount}; (5) Jenks breaks on the sorted distinct values, keeping the
     * upper bounds b_1..b_K; (6) each segment [b_j, b_{j+1}] gets ⌊n/(K−1)⌋ points and the remainder goes one
     * point each to the narrowest segments (equal widths: lower segment first); (7) each segment contributes the
     * points of {@code linspace(b_j, b_{j+1}, d_j + 1)} without its first one, as factors 1/c. Repeated
     * observations change nothing: only the distinct values matter.
     *
     * @param observations L1-normalized values of one feature, each in [0, 1], any order, repeats allowed (the
     *                     authors' column includes the calibration's zero rows); may be empty
     * @param duplication  n, the number of MCs per column, ≥ 1
     * @param smoothing    s in [0, 1]: 0.25 is the paper's "Adaptive", 0.5 its "Scaled" condition
     * @param limit        L in (0, 1): smaller observations are replaced by L
     * @return n weight factors (dimensionless; 1/c for coverage c in (L, 1]) in the authors' order (descending
     *         within each segment, segments from low to high coverage)
     * @throws IllegalArgumentException on an out-of-range parameter or observation
     */
    public static double[] weightFactors(double[] observations, int duplication, double smoothing, double limit) {
        CalibrationParameters.requireDuplication(duplication);
        CalibrationParameters.requireSmoothing(smoothing);
        CalibrationParameters.requireLimit(limit);
        if (observations == null) {
            throw new IllegalArgumentException("observations must not be null");
        }
        double[] column = new double[observations.length + 1];
        for (int i = 0; i < observations.length; i++) {
            double v = observations[i];
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("observations[" + i + "] must be in [0, 1], was " + v);
            }
            column[i] = v < limit ? limit : v;
        }
        column[observations.length] = APPENDED_OBSERVATION;
        return fromDistinct(Arrays.stream(column).sorted().distinct().toArray(), duplication, smoothing, limit);
    }

    /**
     * Steps 2–7 of {@link #weightFactors} on a column already prepared by step 1: values below L replaced by L,
     * 1.0 appended, sorted and deduplicated. The parameters are not validated again.
     *
     * @param distinct strictly ascending values in [L, 1] whose last value is 1.0
     */
    static double[] fromDistinct(double[] distinct, int duplication, double smoothing, double limit) {
        if (distinct.length == 1) {
            return TorchConventions.linspace(distinct[0], limit, duplication);
        }
        int classes = classCount(duplication, smoothing, distinct.length);
        double[] breaks = Jenks.breaks(distinct, classes);
        int segments = classes - 1;
        // Upper class bounds b_1..b_K are breaks[1..K]; segment j spans [breaks[j+1], breaks[j+2]].
        int[] points = pointsPerSegment(breaks, segments, duplication);
        double[] factors = new double[duplication];
        int next = 0;
        for (int j = 0; j < segments; j++) {
            double[] segment = TorchConventions.linspace(breaks[j + 1], breaks[j + 2], points[j] + 1);
            for (int i = 1; i < segment.length; i++) {
                factors[next++] = 1.0 / segment[i];
            }
        }
        return factors;
    }

    /**
     * Number of Jenks classes K (step 4): with sc = max(⌊s·n⌋, 1) and sm = ⌊n/sc⌋, K = 2 if sm = 1 and
     * K = min(sm, distinct count) otherwise. For s = 0.25 this gives 4 classes and for s = 0.5 two classes at
     * every n ∈ {4, 8, 16, 32} (given enough distinct values).
     *
     * <p>The authors' code also uses min(column length, n) when the column is shorter than sm; that never
     * changes K, because the distinct count cannot exceed the column length and the result is capped at the
     * distinct count anyway, so the column length is not needed.
     *
     * @param duplication   n ≥ 1
     * @param smoothing     s in [0, 1]
     * @param distinctCount number of distinct values in the column (after replacement and the appended 1.0), ≥ 2
     * @return K in [2, max(n, 2)]
     */
    public static int classCount(int duplication, double smoothing, int distinctCount) {
        CalibrationParameters.requireDuplication(duplication);
        CalibrationParameters.requireSmoothing(smoothing);
        if (distinctCount < 2) {
            throw new IllegalArgumentException("distinctCount must be ≥ 2, was " + distinctCount);
        }
        // Python's int(max(s·n, 1)) truncates; s ≤ 1 keeps sc ≤ n, so sm ≥ 1.
        int sc = (int) Math.max(smoothing * duplication, 1.0);
        int sm = duplication / sc;
        return sm == 1 ? 2 : Math.min(sm, distinctCount);
    }

    /**
     * Step 6: ⌊n/(K−1)⌋ points per segment, and the remainder one point each to the narrowest segments (a
     * stable ascending sort of the widths, so equal widths favour the lower segment).
     */
    private static int[] pointsPerSegment(double[] breaks, int segments, int duplication) {
        int base = duplication / segments;
        int remainder = duplication - base * segments;
        Integer[] order = new Integer[segments];
        double[] widths = new double[segments];
        for (int j = 0; j < segments; j++) {
            order[j] = j;
            widths[j] = breaks[j + 2] - breaks[j + 1];
        }
        Arrays.sort(order, (a, b) -> Double.compare(widths[a], widths[b]));
        int[] points = new int[segments];
        Arrays.fill(points, base);
        // remainder < segments, so the authors' round-robin never wraps around.
        for (int i = 0; i < remainder; i++) {
            points[order[i]]++;
        }
        return points;
    }
}
