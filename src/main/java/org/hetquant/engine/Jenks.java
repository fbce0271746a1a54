package org.hetquant.engine;

import java.util.Arrays;

/**
 * Fisher–Jenks natural breaks: the partition of sorted values into K contiguous classes that minimizes the total
 * within-class sum of squared deviations (SSE), reported with jenkspy's output semantics
 * {@code [min, upper_1, …, upper_K]} (K + 1 values; {@code upper_K} is the maximum).
 *
 * <p>Two algorithms give the same breaks:
 * <ul>
 *   <li>{@link #breaksTextbook} — the O(K·m²) dynamic programme as jenkspy codes it (docs/method.md §2(d)). Its
 *       comparison is "stored ≥ candidate", and candidates are examined with the last class growing backwards,
 *       so among tied optima the one with the <em>longest last class</em> (smallest start index) is kept at every
 *       (prefix, class count) state.</li>
 *   <li>{@link #breaks} — the same dynamic programme, with each layer evaluated by divide and conquer over the
 *       monotone optimal split points (as in Ckmeans.1d.dp), O(K·m·log m). It applies the textbook tie rule by
 *       taking, at every state, the smallest start index among the candidates with the minimal value.</li>
 * </ul>
 *
 * <p><b>Exact ties.</b> The fast algorithm evaluates a class SSE as {@code sumSq − sum·sum/w}, the textbook
 * expression, from double-double prefix sums: the class sum and sum of squares are exact up to one final
 * rounding. Whenever the textbook's own backwards accumulation is exact (integer or dyadic data of moderate
 * magnitude, as in the tie tests) both algorithms therefore compute bit-identical candidate values and break ties
 * identically. For general real data the two roundings can differ in the last bits, which can only change the
 * result at near-ties (candidate values within a few ulps). Data with exact mathematical ties but inexact
 * arithmetic (e.g. evenly spaced multiples of 0.1) are such near-ties: the textbook's choice among the equally
 * good partitions is then decided by its rounding noise, and the fast algorithm may return another of them
 * (equal SSE up to rounding). Sensor readings after L1 normalization practically never tie.
 *
 * <p><b>Robust divide and conquer.</b> Rounding makes the computed costs only approximately Monge, so a rounded
 * argmin need not be monotone. At each evaluated state the search ranges handed to the neighbours are therefore
 * widened to every candidate whose value is within a rounding-error bound of the minimum: a candidate's error
 * is at most a few ulps of (class sum of squares + previous cost), and the tolerance is {@value #NEAR_TIE_ULPS}
 * such units for the pair compared, taken over the largest class the subproblem can form. The quadrangle
 * inequality of the exact SSE then guarantees that no candidate outside the widened range can be a rounded argmin
 * of a neighbouring state, so the search is exhaustive for the rounded values it compares. The tolerance scales
 * with the local data, so tightly packed small values do not widen the ranges needlessly.
 */
public final class Jenks {

    /** Near-tie tolerance in unit roundoffs (2⁻⁵³) of the magnitudes involved; about 8× the error bound. */
    private static final int NEAR_TIE_ULPS = 64;
    private static final double UNIT_ROUNDOFF = 0x1p-53;

    private Jenks() {
    }

    /**
     * Natural breaks by the textbook dynamic programme, exactly as jenkspy's {@code JenksMatrices}: the class
     * SSE is accumulated backwards as {@code sum_sq − sum²/w} and a candidate replaces the stored one when
     * {@code stored ≥ candidate}.
     *
     * @param sortedDistinct finite values in strictly ascending order (m ≥ 1; units of the data)
     * @param k              number of classes, in [1, m]
     * @return {@code [min, upper_1, …, upper_k]}, k + 1 values
     * @throws IllegalArgumentException if the values are not finite and strictly ascending, or k is out of range
     */
    public static double[] breaksTextbook(double[] sortedDistinct, int k) {
        validate(sortedDistinct, k);
        double[] x = sortedDistinct;
        int m = x.length;
        // cost[l][j]: minimal SSE of the first l+1 values in j+1 classes; start[l][j]: 0-based start of the last
        // class. Infeasible states keep Double.MAX_VALUE, as in jenkspy.
        double[][] cost = new double[m][k];
        int[][] start = new int[m][k];
        for (double[] row : cost) {
            Arrays.fill(row, Double.MAX_VALUE);
        }
        for (int l = 0; l < m; l++) {
            double sum = 0;
            double sumSq = 0;
            double w = 0;
            double sse = 0;
            for (int s = l; s >= 0; s--) {
                double val = x[s];
                w += 1;
                sum += val;
                sumSq += val * val;
                sse = sumSq - (sum * sum) / w;
                if (s > 0) {
                    for (int j = 1; j < k; j++) {
                        double candidate = sse + cost[s - 1][j - 1];
                        if (cost[l][j] >= candidate) {
                            start[l][j] = s;
                            cost[l][j] = candidate;
                        }
                    }
                }
            }
            cost[l][0] = sse;
        }
        return backtrack(x, k, (l, j) -> start[l][j]);
    }

    /**
     * Natural breaks by the exact O(K·m·log m) divide-and-conquer dynamic programme; returns the same breaks as
     * {@link #breaksTextbook}, including its tie rule (see the class comment for the floating-point caveat).
     *
     * @param sortedDistinct finite values in strictly ascending order (m ≥ 1; units of the data)
     * @param k              number of classes, in [1, m]
     * @return {@code [min, upper_1, …, upper_k]}, k + 1 values
     * @throws IllegalArgumentException if the values are not finite and strictly ascending, or k is out of range
     */
    public static double[] breaks(double[] sortedDistinct, int k) {
        validate(sortedDistinct, k);
        FastDp dp = new FastDp(sortedDistinct, k);
        dp.run();
        return backtrack(sortedDistinct, k, dp::start);
    }

    @FunctionalInterface
    private interface StartTable {
        /** 0-based start of the last class of the optimal partition of values 0..l into j+1 classes. */
        int start(int l, int j);
    }

    private static double[] backtrack(double[] x, int k, StartTable table) {
        int m = x.length;
        double[] breaks = new double[k + 1];
        breaks[0] = x[0];
        breaks[k] = x[m - 1];
        int last = m - 1;
        for (int j = k - 1; j >= 1; j--) {
            int s = table.start(last, j);
            breaks[j] = x[s - 1];
            last = s - 1;
        }
        return breaks;
    }

    private static void validate(double[] sortedDistinct, int k) {
        if (sortedDistinct == null || sortedDistinct.length == 0) {
            throw new IllegalArgumentException("sortedDistinct must hold at least one value");
        }
        double sumSq = 0;
        for (int i = 0; i < sortedDistinct.length; i++) {
            double v = sortedDistinct[i];
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sortedDistinct[" + i + "] must be finite, was " + v);
            }
            if (i > 0 && !(v > sortedDistinct[i - 1])) {
                throw new IllegalArgumentException("sortedDistinct must be strictly ascending, but sortedDistinct["
                        + i + "] = " + v + " ≤ sortedDistinct[" + (i - 1) + "] = " + sortedDistinct[i - 1]);
            }
            sumSq += v * v;
        }
        if (!Double.isFinite(sumSq)) {
            throw new IllegalArgumentException("sortedDistinct: the sum of squares overflows; values must be "
                    + "small enough for their squares to sum to a finite double");
        }
        if (k < 1 || k > sortedDistinct.length) {
            throw new IllegalArgumentException("k (number of classes) must be in [1, " + sortedDistinct.length
                    + "] (the number of distinct values), was " + k);
        }
    }

    /** Layered DP with divide-and-conquer evaluation of each layer; see the class comment. */
    private static final class FastDp {
        private final int m;
        private final int k;
        // Double-double prefix sums (hi + lo) of x and x² over values 0..i-1.
        private final double[] sumHi;
        private final double[] sumLo;
        private final double[] sqHi;
        private final double[] sqLo;
        /** Absolute floor of the near-tie tolerance, covering the double-double residuals of the prefix sums. */
        private final double toleranceFloor;
        // starts[j][l]: 0-based start of the last class for prefix 0..l in j+1 classes (layers j ≥ 1).
        private final int[][] starts;
        private double[] previous;
        private double[] current;
        private final double[] scratch;

        FastDp(double[] x, int k) {
            this.m = x.length;
            this.k = k;
            sumHi = new double[m + 1];
            sumLo = new double[m + 1];
            sqHi = new double[m + 1];
            sqLo = new double[m + 1];
            for (int i = 0; i < m; i++) {
                double v = x[i];
                addDd(sumHi, sumLo, i, v, 0);
                double sq = v * v;
                addDd(sqHi, sqLo, i, sq, Math.fma(v, v, -sq));
            }
            toleranceFloor = NEAR_TIE_ULPS * UNIT_ROUNDOFF * UNIT_ROUNDOFF * sqHi[m];
            starts = new int[k][];
            scratch = new double[m];
        }

        /** Writes prefix[i+1] = prefix[i] + (a + b) in double-double arithmetic. */
        private static void addDd(double[] hi, double[] lo, int i, double a, double b) {
            double s = hi[i] + a;
            double bb = s - hi[i];
            double err = (hi[i] - (s - bb)) + (a - bb);
            double t = lo[i] + b + err;
            double h = s + t;
            hi[i + 1] = h;
            lo[i + 1] = t - (h - s);
        }

        /** Difference of two double-double prefix values, rounded once to double. */
        private static double rangeSum(double[] hi, double[] lo, int from, int to) {
            double d = hi[to] - hi[from];
            double bb = d - hi[to];
            double err = (hi[to] - (d - bb)) + (-hi[from] - bb);
            return d + (err + (lo[to] - lo[from]));
        }

        /** SSE of the class of values s..l (0-based, inclusive), evaluated as the textbook does. */
        double sse(int s, int l) {
            double sum = rangeSum(sumHi, sumLo, s, l + 1);
            double sumSq = rangeSum(sqHi, sqLo, s, l + 1);
            double w = l - s + 1;
            return sumSq - (sum * sum) / w;
        }

        int start(int l, int j) {
            return starts[j][l];
        }

        void run() {
            previous = new double[m];
            current = new double[m];
            for (int l = 0; l < m; l++) {
                previous[l] = sse(0, l);
            }
            for (int j = 1; j < k; j++) {
                starts[j] = new int[m];
                // Only the full prefix is needed in the last layer.
                int lFrom = j == k - 1 ? m - 1 : j;
                solve(j, lFrom, m - 1, j, m - 1);
                double[] swap = previous;
                previous = current;
                current = swap;
            }
        }

        /**
         * Bound on the magnitudes entering the candidate with start s at any prefix up to lMax: the class sum of
         * squares (the SSE's rounding error is a few ulps of it) plus the previous layer's cost.
         */
        private double magnitude(int s, int lMax) {
            return (sqHi[lMax + 1] - sqHi[s]) + previous[s - 1];
        }

        /**
         * Fills layer j for prefixes lLo..lHi, knowing that every rounded argmin start lies in sLo..sHi.
         */
        private void solve(int j, int lLo, int lHi, int sLo, int sHi) {
            if (lLo > lHi) {
                return;
            }
            int mid = (lLo + lHi) >>> 1;
            int hi = Math.min(sHi, mid);
            double best = Double.POSITIVE_INFINITY;
            int bestStart = -1;
            // Descending start order with "≤" keeps the smallest start among equal minima: the textbook tie rule.
            for (int s = hi; s >= sLo; s--) {
                double candidate = sse(s, mid) + previous[s - 1];
                scratch[s] = candidate;
                if (candidate <= best) {
                    best = candidate;
                    bestStart = s;
                }
            }
            current[mid] = best;
            starts[j][mid] = bestStart;
            double bestMagnitude = magnitude(bestStart, lHi);
            int nearLo = bestStart;
            int nearHi = bestStart;
            for (int s = sLo; s <= hi; s++) {
                double tolerance = NEAR_TIE_ULPS * UNIT_ROUNDOFF * (magnitude(s, lHi) + bestMagnitude)
                        + toleranceFloor;
                if (scratch[s] - best <= tolerance) {
                    nearLo = Math.min(nearLo, s);
                    nearHi = s;
                }
            }
            solve(j, lLo, mid - 1, sLo, nearHi);
            solve(j, mid + 1, lHi, nearLo, sHi);
        }
    }
}
