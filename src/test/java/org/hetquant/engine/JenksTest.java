package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
