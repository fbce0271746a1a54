package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class JenksTest {

    private static double[] sortedDistinct(double... values) {
        return Arrays.stream(values).sorted().distinct().toArray();
    }

    @Test
    void specSanityExample() {
        double[] x = sortedDistinct(1.3, 7.1, 7.3, 2.3, 3.9, 4.1, 7.8, 1.2, 4.3, 7.3, 5.0, 4.3);
        double[] expected = {1.2, 2.3, 5.0, 7.8};
        assertArrayEquals(expected, Jenks.breaksTextbook(x, 3));
        assertArrayEquals(expected, Jenks.breaks(x, 3));
    }

    @Test
    void tiedOptimaKeepTheLongerLastClass() {
        // {1},{2},{4,5} and {1,2},{4},{5} both have SSE 0.5; the textbook keeps the longer last class.
        double[] x = {1, 2, 4, 5};
        double[] expected = {1, 1, 2, 5};
        assertArrayEquals(expected, Jenks.breaksTextbook(x, 3));
        assertArrayEquals(expected, Jenks.breaks(x, 3));
    }

    @Test
    void evenlySpacedIntegersWithManyExactTies() {
        // 200 evenly spaced integers in 3 or 7 classes: class sizes cannot all be equal, so many partitions tie.
        double[] x = new double[200];
        Arrays.setAll(x, i -> i);
        for (int k : new int[] {3, 7}) {
            assertArrayEquals(Jenks.breaksTextbook(x, k), Jenks.breaks(x, k), "k = " + k);
        }
    }

    @Test
    void singleClassAndOneValuePerClass() {
        double[] x = {0.5, 1.5, 4.0};
        assertArrayEquals(new double[] {0.5, 4.0}, Jenks.breaks(x, 1));
        assertArrayEquals(new double[] {0.5, 0.5, 1.5, 4.0}, Jenks.breaks(x, 3));
        assertArrayEquals(new double[] {2.0, 2.0}, Jenks.breaks(new double[] {2.0}, 1));
    }

    @Test
    void textbookIsOptimalOnSmallInputs() {
        Random random = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int m = 1 + random.nextInt(10);
            double[] x = randomDistinct(random, m, trial % 2 == 0);
            int k = 1 + random.nextInt(m);
            double best = bruteForceMinimumSse(x, k);
            double found = partitionSse(x, Jenks.breaksTextbook(x, k));
            assertEquals(best, found, 1e-9 * (1 + best), () -> Arrays.toString(x) + " k=" + k);
        }
    }

    @Test
    void fastEqualsTextbookOnRandomInputsIncludingTies() {
        Random random = new Random(314);
        int cases = 2000;
        int asymmetric = 0;
        for (int trial = 0; trial < cases; trial++) {
            int m = 1 + random.nextInt(40);
            int kind = trial % 4;
            double[] x = switch (kind) {
                case 0, 1 -> randomDistinct(random, m, true);
                case 2 -> Arrays.stream(randomDistinct(random, m, true)).map(v -> v / 8).toArray();
                default -> randomDistinct(random, m, false);
            };
            int k = 1 + random.nextInt(Math.min(m, 8));
            double[] textbook = Jenks.breaksTextbook(x, k);
            assertArrayEquals(textbook, Jenks.breaks(x, k), () -> Arrays.toString(x) + " k=" + k);
            if (kind < 2 && !mirrorSymmetric(x, k, Jenks::breaksTextbook)) {
                asymmetric++;
            }
        }
        // A unique optimum is mirror-symmetric; asymmetry on integer data proves tied optima were exercised.
        assertTrue(asymmetric >= 100, "only " + asymmetric + " integer cases had tied optima");
    }

    @Test
    void fastEqualsTextbookOnLargerRealInputs() {
        Random random = new Random(11);
        for (int trial = 0; trial < 4; trial++) {
            double[] x = randomDistinct(random, 1500, false);
            int k = 2 + random.nextInt(6);
            assertArrayEquals(Jenks.breaksTextbook(x, k), Jenks.breaks(x, k), "k = " + k);
        }
        double[] even = new double[1000];
        Arrays.setAll(even, i -> i / 999.0);
        assertArrayEquals(Jenks.breaksTextbook(even, 4), Jenks.breaks(even, 4));
    }

    @Test
    void issueThirteensSmallestCaseFollowsTheTextbooksRounding() {
        // Rows 2,9 3,8 4,7 L1-normalized: feature 0 observes 2/11, 3/11, 4/11, plus L (the zero rows) and 1.0.
        // [.01, .01, 2/11, 4/11, 1] and [.01, .01, 3/11, 4/11, 1] tie in real arithmetic; the textbook's
        // backward sums make the first one smaller.
        double[] x = {0.01, 2 / 11.0, 3 / 11.0, 4 / 11.0, 1};
        double[] expected = {0.01, 0.01, 2 / 11.0, 4 / 11.0, 1};
        assertArrayEquals(expected, Jenks.breaksTextbook(x, 4));
        assertArrayEquals(expected, Jenks.breaks(x, 4));
        assertTrue(Jenks.solve(x, 4).textbook());
        assertFalse(Arrays.equals(expected, exactOptimum(x, 4)),
                "in exact arithmetic of the stored doubles the other partition wins; rounding decides");
    }

    /**
     * The property test of issue 13: the fast algorithm returns the textbook's breaks, and says so, on values
     * on grids (j/m; tenths computed two ways, with L and 1.0 as the calibration adds them), on the distinct
     * values of grid data with repeats, and on near-ties (grid values moved by a few ulps either way). The
     * exact-arithmetic optimum shows how often the textbook's rounding, not the data, decides.
     */
    @Test
    void fastEqualsTextbookOnGridsDuplicatesAndNearTies() {
        Random random = new Random(2025);
        int cases = 12_500;
        int[] perKind = new int[5];
        int decidedByRounding = 0;
        for (int trial = 0; trial < cases; trial++) {
            int kind = trial % 5;
            double[] x = switch (kind) {
                case 0 -> gridSubset(random, 2 + random.nextInt(40), false);
                case 1 -> tenths(random, false);
                case 2 -> tenths(random, true);
                case 3 -> distinctOfRepeatedGridData(random);
                default -> nearTies(random);
            };
            int k = 1 + random.nextInt(Math.min(x.length, 8));
            double[] textbook = Jenks.breaksTextbook(x, k);
            Jenks.Breaks fast = Jenks.solve(x, k);
            assertArrayEquals(textbook, fast.values(), () -> Arrays.toString(x) + " k=" + k);
            assertTrue(fast.textbook(), () -> Arrays.toString(x) + " k=" + k);
            perKind[kind]++;
            if (x.length <= 14 && !Arrays.equals(textbook, exactOptimum(x, k))) {
                decidedByRounding++;
            }
        }
        assertTrue(cases >= 10_000);
        for (int count : perKind) {
            assertEquals(cases / 5, count);
        }
        // With this seed 791 cases are decided by rounding (the previous fast algorithm, which compared its own
        // double-double values, missed the textbook in 592 of the 12,500); the bound guards the test's strength.
        assertTrue(decidedByRounding >= 500, "only " + decidedByRounding + " cases were decided by rounding");
    }

    @Test
    void fastEqualsTextbookOnLargerGridsWithTiesEverywhere() {
        Random random = new Random(99);
        for (int trial = 0; trial < 12; trial++) {
            int m = 100 + random.nextInt(1900);
            double[] x = new double[m];
            int divisor = m - 1 + random.nextInt(3);
            boolean tenths = trial % 2 == 0;
            Arrays.setAll(x, i -> tenths ? i * 0.1 : i / (double) divisor);
            int k = 2 + random.nextInt(7);
            Jenks.Breaks fast = Jenks.solve(x, k);
            assertArrayEquals(Jenks.breaksTextbook(x, k), fast.values(), "m = " + m + ", k = " + k);
            assertTrue(fast.textbook());
        }
    }

    @Test
    void largeInputsWithNearTiesEverywhereAreReportedAsNotCertified() {
        // 100,000 evenly spaced values: every state ties in real arithmetic and the textbook (2·10¹⁰ steps) is
        // out of reach, so the breaks are an optimum of the double-double costs: balanced classes.
        double[] x = new double[100_000];
        Arrays.setAll(x, i -> i / 99_999.0);
        Jenks.Breaks fast = Jenks.solve(x, 4);
        assertFalse(fast.textbook());
        int[] sizes = classSizes(x, fast.values());
        for (int size : sizes) {
            assertTrue(Math.abs(size - 25_000) <= 1, Arrays.toString(sizes));
        }
        // Integers have exact sums: the same shape is certified at once.
        double[] integers = new double[100_000];
        Arrays.setAll(integers, i -> i);
        assertTrue(Jenks.solve(integers, 4).textbook());
    }

    @Test
    void rejectsInvalidInput() {
        for (BiFunction<double[], Integer, double[]> algorithm :
                java.util.List.<BiFunction<double[], Integer, double[]>>of(Jenks::breaks, Jenks::breaksTextbook)) {
            assertMessage(() -> algorithm.apply(null, 1), "sortedDistinct");
            assertMessage(() -> algorithm.apply(new double[0], 1), "sortedDistinct");
            assertMessage(() -> algorithm.apply(new double[] {1, Double.NaN}, 1), "sortedDistinct[1]");
            assertMessage(() -> algorithm.apply(new double[] {Double.NEGATIVE_INFINITY, 1}, 1), "sortedDistinct[0]");
            assertMessage(() -> algorithm.apply(new double[] {1, 1, 2}, 2), "strictly ascending");
            assertMessage(() -> algorithm.apply(new double[] {2, 1}, 1), "strictly ascending");
            assertMessage(() -> algorithm.apply(new double[] {1, 2, 3}, 0), "[1, 3]");
            assertMessage(() -> algorithm.apply(new double[] {1, 2, 3}, 4), "[1, 3]");
            assertMessage(() -> algorithm.apply(new double[] {1e200, 2e200}, 1), "sum of squares");
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** A random subset (≥ 1 value) of the grid {j/m : 0 ≤ j ≤ m}, sorted; optionally L and 1.0 added. */
    private static double[] gridSubset(Random random, int m, boolean calibrationEnds) {
        java.util.TreeSet<Double> values = new java.util.TreeSet<>();
        int size = 1 + random.nextInt(Math.min(m + 1, 24));
        while (values.size() < size) {
            values.add(random.nextInt(m + 1) / (double) m);
        }
        if (calibrationEnds) {
            values.add(0.01);
            values.add(1.0);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Tenths j·0.1 (rounded products) or j/10.0 (rounded quotients), the latter with L and 1.0 as in calibration. */
    private static double[] tenths(Random random, boolean quotientsWithEnds) {
        java.util.TreeSet<Double> values = new java.util.TreeSet<>();
        int range = 10 + random.nextInt(30);
        int size = 1 + random.nextInt(Math.min(20, range + 1));
        while (values.size() < size) {
            int j = random.nextInt(range + 1);
            values.add(quotientsWithEnds ? j / 10.0 / (range / 10.0) : j * 0.1);
        }
        if (quotientsWithEnds) {
            values.add(0.01);
            values.add(1.0);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Grid readings with repeats, L1-normalized over two channels and prepared as the calibration prepares a
     * feature's values: values below L become L, the zero rows add L, 1.0 is appended, then sorted distinct.
     */
    private static double[] distinctOfRepeatedGridData(Random random) {
        int rows = 2 + random.nextInt(30);
        int levels = 2 + random.nextInt(12);
        double[] column = new double[rows + 2];
        for (int r = 0; r < rows; r++) {
            double a = random.nextInt(levels);
            double b = random.nextInt(levels);
            double v = a + b > 0 ? a / (a + b) : 0;
            column[r] = Math.max(0.01, v);
        }
        column[rows] = 0.01;
        column[rows + 1] = 1.0;
        return Arrays.stream(column).sorted().distinct().toArray();
    }

    /** Grid values j/m each moved by up to three ulps down or up: ties broken by rounding-sized amounts. */
    private static double[] nearTies(Random random) {
        double[] grid = gridSubset(random, 2 + random.nextInt(30), random.nextBoolean());
        for (int i = 0; i < grid.length; i++) {
            int ulps = random.nextInt(7) - 3;
            for (int u = 0; u < Math.abs(ulps); u++) {
                grid[i] = ulps > 0 ? Math.nextUp(grid[i]) : Math.nextDown(grid[i]);
            }
        }
        return Arrays.stream(grid).sorted().distinct().toArray();
    }

    /**
     * The textbook's dynamic programme and tie rule ("stored ≥ candidate", starts descending) in exact rational
     * arithmetic on the stored doubles: costs are scaled by lcm(1..m) so that every class SSE is exact.
     */
    private static double[] exactOptimum(double[] x, int k) {
        int m = x.length;
        java.math.BigInteger lcm = java.math.BigInteger.ONE;
        for (int w = 2; w <= m; w++) {
            java.math.BigInteger bw = java.math.BigInteger.valueOf(w);
            lcm = lcm.multiply(bw).divide(lcm.gcd(bw));
        }
        java.math.BigDecimal scale = new java.math.BigDecimal(lcm);
        java.math.BigDecimal[][] cost = new java.math.BigDecimal[m][k];
        int[][] start = new int[m][k];
        for (int l = 0; l < m; l++) {
            java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
            java.math.BigDecimal sumSq = java.math.BigDecimal.ZERO;
            for (int s = l; s >= 0; s--) {
                java.math.BigDecimal v = new java.math.BigDecimal(x[s]);
                sum = sum.add(v);
                sumSq = sumSq.add(v.multiply(v));
                int w = l - s + 1;
                // SSE·lcm = (w·Σx² − (Σx)²)·(lcm / w), exact.
                java.math.BigDecimal sse = sumSq.multiply(java.math.BigDecimal.valueOf(w)).subtract(sum.multiply(sum))
                        .multiply(scale.divide(java.math.BigDecimal.valueOf(w)));
                if (s == 0) {
                    cost[l][0] = sse;
                } else {
                    for (int j = 1; j < k; j++) {
                        if (cost[s - 1][j - 1] == null) {
                            continue;
                        }
                        java.math.BigDecimal candidate = sse.add(cost[s - 1][j - 1]);
                        if (cost[l][j] == null || cost[l][j].compareTo(candidate) >= 0) {
                            cost[l][j] = candidate;
                            start[l][j] = s;
                        }
                    }
                }
            }
        }
        double[] breaks = new double[k + 1];
        breaks[0] = x[0];
        breaks[k] = x[m - 1];
        int last = m - 1;
        for (int j = k - 1; j >= 1; j--) {
            int s = start[last][j];
            breaks[j] = x[s - 1];
            last = s - 1;
        }
        return breaks;
    }

    /** m distinct sorted values: small integers (dense, so ties abound) or uniform reals in [0, 1). */
    private static double[] randomDistinct(Random random, int m, boolean smallIntegers) {
        if (smallIntegers) {
            int range = m + random.nextInt(6);
            int[] pool = new int[range];
            Arrays.setAll(pool, i -> i);
            for (int i = range - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = pool[i];
                pool[i] = pool[j];
                pool[j] = t;
            }
            return Arrays.stream(pool, 0, m).sorted().asDoubleStream().toArray();
        }
        double[] x;
        do {
            x = random.doubles(m).sorted().distinct().toArray();
        } while (x.length < m);
        return x;
    }

    /** Class sizes of the partition described by breaks (upper bounds are data values). */
    private static int[] classSizes(double[] x, double[] breaks) {
        int k = breaks.length - 1;
        int[] sizes = new int[k];
        int from = 0;
        for (int j = 1; j <= k; j++) {
            int to = Arrays.binarySearch(x, breaks[j]) + 1;
            sizes[j - 1] = to - from;
            from = to;
        }
        return sizes;
    }

    private static boolean mirrorSymmetric(double[] x, int k, BiFunction<double[], Integer, double[]> algorithm) {
        double[] mirrored = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            mirrored[i] = -x[x.length - 1 - i];
        }
        int[] sizes = classSizes(x, algorithm.apply(x, k));
        int[] mirroredSizes = classSizes(mirrored, algorithm.apply(mirrored, k));
        for (int j = 0; j < k; j++) {
            if (sizes[j] != mirroredSizes[k - 1 - j]) {
                return false;
            }
        }
        return true;
    }

    private static double partitionSse(double[] x, double[] breaks) {
        int[] sizes = classSizes(x, breaks);
        double total = 0;
        int from = 0;
        for (int size : sizes) {
            total += sse(x, from, from + size);
            from += size;
        }
        return total;
    }

    private static double sse(double[] x, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += x[i];
        }
        mean /= to - from;
        double total = 0;
        for (int i = from; i < to; i++) {
            total += (x[i] - mean) * (x[i] - mean);
        }
        return total;
    }

    /** Minimum SSE over all partitions into k non-empty contiguous classes, by enumeration. */
    private static double bruteForceMinimumSse(double[] x, int k) {
        return bruteForce(x, 0, k);
    }

    private static double bruteForce(double[] x, int from, int classes) {
        if (classes == 1) {
            return sse(x, from, x.length);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int to = from + 1; to <= x.length - (classes - 1); to++) {
            best = Math.min(best, sse(x, from, to) + bruteForce(x, to, classes - 1));
        }
        return best;
    }
}
