package org.hetquant.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Fisher–Jenks natural breaks: the partition of sorted values into K contiguous classes that minimizes the total
 * within-class sum of squared deviations (SSE), reported with jenkspy's output semantics
 * {@code [min, upper_1, …, upper_K]} (K + 1 values; {@code upper_K} is the maximum).
 *
 * <p>The reference is {@link #breaksTextbook}, the O(K·m²) dynamic programme exactly as jenkspy codes it
 * (docs/method.md §2(d)): the class SSE is accumulated backwards as {@code sum_sq − sum²/w}, candidates are
 * examined with the last class growing backwards, and a candidate replaces the stored one when "stored ≥
 * candidate". Among candidates with equal <em>computed</em> values it therefore keeps the longest last class, and
 * where two partitions tie in real arithmetic its floating-point rounding decides, not the exact optimum of the
 * doubles (e.g. {0.01, 2/11, 3/11, 4/11, 1} in 4 classes).
 *
 * <p>{@link #breaks} returns the textbook's breaks in O(K·m·log m) on data without near-ties:
 * <ul>
 *   <li>Each layer of the same dynamic programme is evaluated by divide and conquer over the monotone optimal
 *       split points (as in Ckmeans.1d.dp), with class sums from double-double prefix sums.</li>
 *   <li>Every candidate value comes with a rigorous bound on its distance to the textbook's own rounded value
 *       (the textbook's backward summation error grows with the class length w: about (3w + 8)·2⁻⁵³ times the
 *       class's sum of squares, plus the error carried by the previous layer's cost). A state whose best
 *       candidate beats every other one by more than the bounds is decided as the textbook decides it.</li>
 *   <li>A state where two or more candidates are within the bounds (a near-tie, e.g. values on a grid) is
 *       resolved by recomputing those candidates exactly as the textbook does: the backward sums of their last
 *       class and, through the already decided split points, the textbook's cost of the prefix before it.</li>
 *   <li>The divide and conquer hands each half the split points that are near-optimal within the same bounds,
 *       so by the quadrangle inequality of the exact SSE the textbook's split point is never outside the range
 *       searched.</li>
 *   <li>When all sums are exact in double arithmetic (values on a binary grid, e.g. integers, whose sums fit in
 *       53 bits) both computations are bit-identical and the bounds are zero.</li>
 * </ul>
 * Resolving near-ties costs up to O(m) per state. Where the textbook costs at most 2³⁰ steps (K·m²/2; about
 * m ≤ 23,000 at K = 4) and resolving has cost a quarter of that, the textbook itself is run. Beyond that size,
 * resolving stops after 2²⁴ steps, the remaining near-ties are decided on the double-double values, and
 * {@link #solve} reports the result as not certified: its SSE then equals the textbook's up to the stated
 * rounding bounds, but it may be another of the near-tied partitions. This happens only for large inputs
 * with very many near-ties (e.g. 10⁶ continuous values, where the textbook would take hours).
 */
public final class Jenks {

    /** Unit roundoff 2⁻⁵³ with a margin (1 + 10⁻⁶) that covers the γₙ = n·u/(1 − n·u) terms for n ≤ 10⁹. */
    private static final double U = 0x1p-53 * (1 + 1e-6);
    /** Resolution work (textbook summation steps) allowed when the textbook itself is too costly. */
    private static final long MIN_RESOLUTION_BUDGET = 1L << 24;
    /** Largest textbook cost (K·m²/2 inner steps) run as a fallback. */
    private static final double TEXTBOOK_LIMIT = 0x1p30;

    private Jenks() {
    }

    /**
     * Natural breaks and whether they are certified to be the textbook's.
     *
     * @param values   {@code [min, upper_1, …, upper_K]}, K + 1 values
     * @param textbook whether {@code values} are proven equal to {@link #breaksTextbook}'s; false only for large
     *                 inputs with very many near-ties (see the class comment)
     */
    public record Breaks(double[] values, boolean textbook) {
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
     * Natural breaks by the O(K·m·log m) divide-and-conquer dynamic programme, equal to {@link #breaksTextbook}'s
     * (see the class comment for the one exception, reported by {@link #solve}).
     *
     * @param sortedDistinct finite values in strictly ascending order (m ≥ 1; units of the data)
     * @param k              number of classes, in [1, m]
     * @return {@code [min, upper_1, …, upper_k]}, k + 1 values
     * @throws IllegalArgumentException if the values are not finite and strictly ascending, or k is out of range
     */
    public static double[] breaks(double[] sortedDistinct, int k) {
        return solve(sortedDistinct, k).values();
    }

    /**
     * As {@link #breaks}, telling whether the result is certified to be the textbook's.
     *
     * @param sortedDistinct finite values in strictly ascending order (m ≥ 1; units of the data)
     * @param k              number of classes, in [1, m]
     * @throws IllegalArgumentException if the values are not finite and strictly ascending, or k is out of range
     */
    public static Breaks solve(double[] sortedDistinct, int k) {
        validate(sortedDistinct, k);
        int m = sortedDistinct.length;
        double textbookCost = (double) k * m * m / 2;
        FastDp dp = new FastDp(sortedDistinct, k, textbookCost <= TEXTBOOK_LIMIT);
        if (!dp.run()) {
            return new Breaks(breaksTextbook(sortedDistinct, k), true);
        }
        return new Breaks(backtrack(sortedDistinct, k, dp::start), dp.certified());
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

    /** Layered DP with certified divide-and-conquer evaluation of each layer; see the class comment. */
    private static final class FastDp {
        private final double[] x;
        private final int m;
        private final int k;
        // Double-double prefix sums (hi + lo) of x and x² over values 0..i-1.
        private final double[] sumHi;
        private final double[] sumLo;
        private final double[] sqHi;
        private final double[] sqLo;
        /** Whether every partial sum of the values and of their squares is exact in double arithmetic. */
        private final boolean exactSums;
        /** Bound on what the double-double prefix sums' own rounding adds to a class SSE. */
        private final double floor;
        /** Bound on |cheap − double-double| candidate values, apart from the final additions' roundings. */
        private final double cheapError;
        // starts[j][l]: 0-based start of the last class for prefix 0..l in j+1 classes (layers j ≥ 1).
        private final int[][] starts;
        /** The previous and current layer: cost per prefix and a bound on its distance to the textbook's. */
        private double[] previous;
        private double[] previousBound;
        private double[] current;
        private double[] currentBound;
        /** Per candidate start, at the state being evaluated: computed value and its decision bound. */
        private final double[] value;
        private final double[] bound;
        /** The textbook's own cost of state (l, j), keyed j·m + l, where resolving has computed it. */
        private final Map<Long, Double> exact = new HashMap<>();
        /** The textbook's backward SSEs of one resolution (allocated on the first near-tie). */
        private double[] sweep;
        private final boolean textbookAffordable;
        private final long budget;
        private long work;
        private boolean resolving = true;
        private boolean certified = true;
        private boolean aborted;

        FastDp(double[] x, int k, boolean textbookAffordable) {
            this.x = x;
            this.m = x.length;
            this.k = k;
            this.textbookAffordable = textbookAffordable;
            sumHi = new double[m + 1];
            sumLo = new double[m + 1];
            sqHi = new double[m + 1];
            sqLo = new double[m + 1];
            double absTotal = 0;
            double maxAbs = 0;
            for (int i = 0; i < m; i++) {
                double v = x[i];
                addDd(sumHi, sumLo, i, v, 0);
                double sq = v * v;
                addDd(sqHi, sqLo, i, sq, Math.fma(v, v, -sq));
                absTotal += Math.abs(v);
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            exactSums = sumsAreExact(x, absTotal, sqHi[m]);
            // A double-double addition errs by at most about 2u² of the running magnitude: over m additions
            // and a difference of two prefixes, 4·m·u² of the totals. The SSE sees the sum's error times
            // 2·|sum|/w ≤ 2·max|x|.
            floor = 16.0 * m * U * U * (sqHi[m] + 2.1 * maxAbs * absTotal);
            // The high parts alone are within u of each prefix sum: a class sum from them errs by at most
            // 2u·Σ|x| and a sum of squares by 2u·Σx², which the SSE sees as below (plus its own roundings).
            cheapError = 2.02 * U * (sqHi[m] + 2.1 * maxAbs * absTotal) + fastError(sqHi[m]);
            starts = new int[k][];
            value = new double[m];
            bound = new double[m];
            // With the textbook as fallback, resolving may cost up to half of it; without, a fixed amount (large
            // inputs with near-ties everywhere cannot be certified at any reasonable cost).
            budget = textbookAffordable ? Math.max(MIN_RESOLUTION_BUDGET >> 2, (long) k * m * m / 4)
                    : MIN_RESOLUTION_BUDGET;
        }

        /**
         * Whether every partial sum (in any order) of the values, and of their squares, is exactly representable:
         * all values are integer multiples of 2^e with exact squares, and the absolute sums stay below 2^(53+e)
         * and 2^(53+2e). Then the textbook's backward sums and the prefix sums are exact and both algorithms
         * compute bit-identical candidate values.
         */
        private static boolean sumsAreExact(double[] x, double absTotal, double squareTotal) {
            int lowest = Integer.MAX_VALUE;
            for (double v : x) {
                if (v == 0) {
                    continue;
                }
                double a = Math.abs(v);
                if (a < 0x1p-500 || a > 0x1p500 || Math.fma(v, v, -(v * v)) != 0) {
                    return false;
                }
                long significand = (Double.doubleToRawLongBits(a) & ((1L << 52) - 1)) | (1L << 52);
                lowest = Math.min(lowest, Math.getExponent(a) - 52 + Long.numberOfTrailingZeros(significand));
            }
            if (lowest == Integer.MAX_VALUE) {
                return true;
            }
            // Margins: the totals themselves were summed in floating point.
            return absTotal * (1 + 1e-9) < Math.scalb(1.0, 53 + lowest)
                    && squareTotal * (1 + 1e-9) < Math.scalb(1.0, 53 + 2 * lowest);
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

        /** SSE of the class of values s..l (0-based, inclusive), evaluated with the textbook's expression. */
        private double sse(int s, int l) {
            double sum = rangeSum(sumHi, sumLo, s, l + 1);
            double sumSq = rangeSum(sqHi, sqLo, s, l + 1);
            double w = l - s + 1;
            return sumSq - (sum * sum) / w;
        }

        /**
         * A candidate's value from the high parts of the prefix sums only: a few flops, within {@link #cheapError}
         * (plus 2.02u of the magnitudes) of the double-double value, so far candidates are ruled out without it.
         */
        private double cheap(int s, int l) {
            double sum = sumHi[l + 1] - sumHi[s];
            return (sqHi[l + 1] - sqHi[s]) - (sum * sum) / (l - s + 1) + previous[s - 1];
        }

        /** Sum of squares of the class s..l, to within a relative 2⁻¹⁰⁰ or so (error bounds only). */
        private double squares(int s, int l) {
            return sqHi[l + 1] - sqHi[s];
        }

        /** Bound on |textbook SSE − exact SSE| of a class of w values with sum of squares q. */
        private double textbookError(double q, int w) {
            // Backward sums: |Δsum_sq| ≤ γ_w·q and |Δsum|·2|sum|/w ≤ 2γ_(w−1)·q (Cauchy–Schwarz); then the
            // square, the division and the subtraction: about 4u·q.
            return exactSums ? 6 * U * q : (3.0 * w + 8) * U * q;
        }

        /** Bound on |double-double SSE − exact SSE| of a class with sum of squares q. */
        private double fastError(double q) {
            return exactSums ? 6 * U * q : 8 * U * q + floor;
        }

        /**
         * Error bound for the value that decides a start at another prefix: the textbook's while its choices are
         * still being reproduced, the double-double one's once resolving has stopped (the search then only has
         * to be exhaustive for the values it computes itself).
         */
        private double farError(double q, int w) {
            return resolving ? textbookError(q, w) : fastError(q);
        }

        int start(int l, int j) {
            return starts[j][l];
        }

        boolean certified() {
            return certified;
        }

        /** Runs every layer; false if it stopped because running the textbook is cheaper. */
        boolean run() {
            previous = new double[m];
            current = new double[m];
            // With exact sums every bound is 0: one shared array of zeros.
            previousBound = new double[m];
            currentBound = exactSums ? previousBound : new double[m];
            for (int l = 0; l < m; l++) {
                previous[l] = sse(0, l);
                double q = squares(0, l);
                previousBound[l] = exactSums ? 0 : textbookError(q, l + 1) + fastError(q);
            }
            for (int j = 1; j < k; j++) {
                starts[j] = new int[m];
                // Only the full prefix is needed in the last layer.
                int lFrom = j == k - 1 ? m - 1 : j;
                solve(j, lFrom, m - 1, j, m - 1);
                if (aborted) {
                    return false;
                }
                double[] swap = previous;
                previous = current;
                current = swap;
                swap = previousBound;
                previousBound = currentBound;
                currentBound = swap;
            }
            return true;
        }

        /**
         * Fills layer j for prefixes lLo..lHi, knowing that the textbook's start at each of them lies in sLo..sHi.
         */
        private void solve(int j, int lLo, int lHi, int sLo, int sHi) {
            if (lLo > lHi || aborted) {
                return;
            }
            int mid = (lLo + lHi) >>> 1;
            int hi = Math.min(sHi, mid);
            double cheapBest = Double.POSITIVE_INFINITY;
            double carriedMax = 0;
            double previousMax = 0;
            for (int s = hi; s >= sLo; s--) {
                double candidate = cheap(s, mid);
                value[s] = candidate;
                cheapBest = Math.min(cheapBest, candidate);
                carriedMax = Math.max(carriedMax, previousBound[s - 1]);
                previousMax = Math.max(previousMax, Math.abs(previous[s - 1]));
            }
            double qMid = squares(sLo, mid);
            double qHi = squares(sLo, lHi);
            // tolerance(s) ≤ fixed + U·|value[s]| for every start s of the range (see tolerance()).
            double fixed = fastError(qMid) + carriedMax + farError(qHi, lHi - sLo + 1)
                    + U * (qHi + previousMax + carriedMax);
            double carried = textbookError(qMid, mid - sLo + 1) + fastError(qMid) + carriedMax;
            double magnitude = Math.abs(cheapBest) + 2 * cheapError + 2 * fixed + 2.5 * carried;
            // Values are needed exactly (double-double) for every start that can be the best, near-tied with it
            // (within reach), or inside a widened range (within twice the tolerance of the winner, which is
            // itself within reach of the best); the cheap values rule out the rest.
            double reach = 2.5 * carried + 4.1 * U * magnitude;
            double needed = 2 * cheapError + reach + 2 * fixed + 4.2 * U * magnitude;
            double best = Double.POSITIVE_INFINITY;
            int winner = -1;
            // Descending start order with "≤" keeps the smallest start among equal values: the textbook tie rule.
            for (int s = hi; s >= sLo; s--) {
                if (value[s] - cheapBest > needed + 2.1 * U * Math.abs(value[s])) {
                    value[s] = Double.POSITIVE_INFINITY;
                    continue;
                }
                double candidate = sse(s, mid) + previous[s - 1];
                value[s] = candidate;
                if (candidate <= best) {
                    best = candidate;
                    winner = s;
                }
            }
            double winnerValue = best;
            double winnerBound = 0;
            // Once resolving has stopped the result is no longer certified, and the bounds decide nothing.
            if (!exactSums && resolving) {
                // Every candidate's decision bound is at most half of reach, and no candidate beyond best + reach
                // can be near-tied with the best, so only those within reach need their own bound.
                double upper = Double.POSITIVE_INFINITY;
                int nearTies = 0;
                for (int s = sLo; s <= hi; s++) {
                    if (value[s] - best <= reach) {
                        bound[s] = decisionBound(s, mid);
                        upper = Math.min(upper, value[s] + bound[s]);
                    } else {
                        bound[s] = Double.NaN;
                    }
                }
                for (int s = sLo; s <= hi; s++) {
                    if (value[s] - bound[s] <= upper) {
                        nearTies++;
                    }
                }
                winnerBound = bound[winner];
                if (nearTies > 1) {
                    int resolved = resolve(j, mid, sLo, hi, upper);
                    if (resolved >= 0) {
                        winner = resolved;
                        winnerValue = known(j, mid);
                        winnerBound = 0;
                    } else {
                        certified = false;
                        if (textbookAffordable) {
                            aborted = true;
                            return;
                        }
                    }
                }
            }
            current[mid] = winnerValue;
            currentBound[mid] = winnerBound;
            starts[j][mid] = winner;
            // Hand each half every start that could be the textbook's there (quadrangle inequality, see above).
            // tolerance(s) ≤ fixed + U·|value[s]| gives a quick test for the (many) far candidates.
            double winnerTolerance = tolerance(winner, mid, lHi);
            double reject = fixed + winnerTolerance + U * Math.abs(value[winner]);
            int nearLo = winner;
            int nearHi = winner;
            for (int s = sLo; s <= hi; s++) {
                double gap = value[s] - value[winner];
                if (gap * (1 - U) <= reject && gap <= tolerance(s, mid, lHi) + winnerTolerance) {
                    nearLo = Math.min(nearLo, s);
                    nearHi = s;
                }
            }
            solve(j, lLo, mid - 1, sLo, nearHi);
            solve(j, mid + 1, lHi, nearLo, sHi);
        }

        /** Bound on the distance between start s's computed value at prefix mid and the textbook's value. */
        private double decisionBound(int s, int mid) {
            double q = squares(s, mid);
            double carried = textbookError(q, mid - s + 1) + fastError(q) + previousBound[s - 1];
            // Plus the roundings of both final additions (|textbook value| ≤ |computed value| + carried).
            return carried + 1.01 * U * (2 * Math.abs(value[s]) + carried);
        }

        /**
         * Distance within which start s's computed value at prefix mid can lie from the exact value of a start
         * that is chosen at another prefix up to lHi: the candidate's own error at mid plus the error of the
         * deciding value for the longest class it forms in the subproblem ({@link #farError}).
         */
        private double tolerance(int s, int mid, int lHi) {
            double qHi = squares(s, lHi);
            double carried = previousBound[s - 1];
            double magnitude = qHi + Math.abs(previous[s - 1]) + carried;
            return fastError(squares(s, mid)) + carried + U * Math.abs(value[s])
                    + farError(qHi, lHi - s + 1) + U * magnitude;
        }

        /**
         * Decides a near-tie at state (mid, j) as the textbook does: recomputes every near-tied candidate with
         * the textbook's backward sums and its own cost of the prefix before the class.
         *
         * @return the textbook's start (its cost stored in {@link #exact}), or −1 if the work budget ran
         *         out (resolution then stops for the rest of the run)
         */
        private int resolve(int j, int mid, int sLo, int hi, double upper) {
            int lowest = hi;
            for (int s = sLo; s <= hi; s++) {
                if (value[s] - bound[s] <= upper) {
                    lowest = s;
                    break;
                }
            }
            if (sweep == null) {
                sweep = new double[m];
            }
            if (Double.isNaN(textbookSse(lowest, mid, sweep))) {
                return -1;
            }
            double best = Double.POSITIVE_INFINITY;
            int winner = -1;
            for (int s = hi; s >= lowest; s--) {
                if (!(value[s] - bound[s] <= upper)) {
                    continue;
                }
                double sse = sweep[s];
                double before = exactCost(s - 1, j - 1);
                if (Double.isNaN(before)) {
                    return -1;
                }
                double candidate = sse + before;
                if (candidate <= best) {
                    best = candidate;
                    winner = s;
                }
            }
            store(j, mid, best);
            return winner;
        }

        /** The textbook's cost of state (l, j), through the decided starts; NaN if the budget ran out. */
        private double exactCost(int l, int j) {
            int[] pending = new int[j + 1];
            int top = 0;
            int ll = l;
            int jj = j;
            double cost;
            while (true) {
                cost = known(jj, ll);
                if (!Double.isNaN(cost)) {
                    break;
                }
                if (jj == 0) {
                    cost = textbookSse(0, ll, null);
                    if (Double.isNaN(cost)) {
                        return cost;
                    }
                    store(0, ll, cost);
                    break;
                }
                pending[top++] = ll;
                ll = starts[jj][ll] - 1;
                jj--;
            }
            for (int t = top - 1; t >= 0; t--) {
                int layer = j - t;
                int state = pending[t];
                int s = starts[layer][state];
                double sse = textbookSse(s, state, null);
                if (Double.isNaN(sse)) {
                    return sse;
                }
                cost = sse + cost;
                store(layer, state, cost);
            }
            return cost;
        }

        /**
         * The textbook's SSE of class s..l, summed backwards from l as jenkspy does; with {@code all} non-null,
         * also that of every class t..l (s ≤ t ≤ l) in {@code all[t]}. NaN if the budget ran out.
         */
        private double textbookSse(int s, int l, double[] all) {
            if (!spend(l - s + 1)) {
                return Double.NaN;
            }
            double sum = 0;
            double sumSq = 0;
            double w = 0;
            double sse = 0;
            for (int i = l; i >= s; i--) {
                double val = x[i];
                w += 1;
                sum += val;
                sumSq += val * val;
                sse = sumSq - (sum * sum) / w;
                if (all != null) {
                    all[i] = sse;
                }
            }
            return sse;
        }

        private void store(int j, int l, double cost) {
            exact.put((long) j * m + l, cost);
        }

        /** The textbook's cost of state (l, j) if resolving has computed it, else NaN. */
        private double known(int j, int l) {
            Double cost = exact.get((long) j * m + l);
            return cost == null ? Double.NaN : cost;
        }

        /** Counts resolution work; false (and no more resolving) once the budget is spent. */
        private boolean spend(long steps) {
            work += steps;
            if (work > budget) {
                resolving = false;
                // Nothing is resolved any more: let the memory go.
                sweep = null;
                exact.clear();
                return false;
            }
            return true;
        }
    }
}
