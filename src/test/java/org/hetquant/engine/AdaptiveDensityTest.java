package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AdaptiveDensityTest {

    private static final double L = 0.01;
    private static final double TOLERANCE = 1e-12;

    /** Coverage values c = 1/factor, in the order returned. */
    private static double[] coverage(double[] factors) {
        return Arrays.stream(factors).map(f -> 1 / f).toArray();
    }

    @Test
    void scaledConditionIsOneSegmentAboveTheLowestClass() {
        // n = 4, s = 0.5: sc = 2, sm = 2 → K = 2. Column {0.01, 0.2, 0.3, 1}; the 2-class SSEs are
        // {0.01}|{0.2,0.3,1} = 0.38, {0.01,0.2}|{0.3,1} = 0.26305, {0.01,0.2,0.3}|{1} = 0.0434 → b = (0.3, 1).
        // One segment (0.3, 1] with 4 points: 0.475, 0.65, 0.825, 1.
        double[] factors = AdaptiveDensity.weightFactors(new double[] {0, 0.2, 0.3}, 4, 0.5, L);
        assertArrayEquals(new double[] {0.475, 0.65, 0.825, 1.0}, coverage(factors), TOLERANCE);
    }

    @Test
    void adaptiveConditionGivesRemainderToNarrowestSegments() {
        // n = 8, s = 0.25: sc = 2, sm = 4 → K = 4. Column {0.01, 0.02, 0.2, 0.22, 0.6, 0.62, 1} has four clear
        // clusters → b = (0.02, 0.22, 0.62, 1). Segment widths 0.2, 0.4, 0.38: 2 points each plus the remainder
        // of 2 for the two narrowest (first and third) → 3, 2, 3 points.
        double[] factors = AdaptiveDensity.weightFactors(new double[] {0, 0.02, 0.2, 0.22, 0.6, 0.62}, 8, 0.25, L);
        double[] expected = {
            0.02 + 0.2 / 3, 0.02 + 0.4 / 3, 0.22,
            0.42, 0.62,
            0.62 + 0.38 / 3, 0.62 + 0.76 / 3, 1.0};
        assertArrayEquals(expected, coverage(factors), TOLERANCE);
    }

    @Test
    void equalWidthsFavourTheLowerSegment() {
        // Column {0.01, 0.25, 0.5, 0.75, 1} in K = 4 classes merges the cheapest pair {0.01, 0.25} (SSE 0.0288
        // against 0.03125) → b = (0.25, 0.5, 0.75, 1): three segments of width exactly 0.25. The remainder of 2
        // goes to the first two → 3, 3, 2 points.
        double[] factors = AdaptiveDensity.weightFactors(new double[] {0, 0.25, 0.5, 0.75}, 8, 0.25, L);
        double[] expected = {1.0 / 3, 5.0 / 12, 0.5, 7.0 / 12, 2.0 / 3, 0.75, 0.875, 1.0};
        assertArrayEquals(expected, coverage(factors), TOLERANCE);
    }

    @Test
    void classCountIsCappedAtTheDistinctValues() {
        // n = 4, s = 0.25: sm = 4, but the column {0.01, 0.5, 1} has 3 distinct values → K = 3, one per class:
        // b = (0.01, 0.5, 1); segments (0.01, 0.5] and (0.5, 1] get 2 points each.
        double[] factors = AdaptiveDensity.weightFactors(new double[] {0, 0.5}, 4, 0.25, L);
        assertArrayEquals(new double[] {0.255, 0.5, 0.75, 1.0}, coverage(factors), TOLERANCE);
    }

    @Test
    void singleDistinctValueReturnsLinspaceDownToTheLimitAsFactors() {
        // Only the appended 1.0 (or only 1.0 observations): linspace(1, L, n) is returned as is, not inverted.
        double[] expected = {1.0, 0.67, 0.34, 0.01};
        assertArrayEquals(expected, AdaptiveDensity.weightFactors(new double[0], 4, 0.25, L), TOLERANCE);
        assertArrayEquals(expected, AdaptiveDensity.weightFactors(new double[] {1, 1}, 4, 0.25, L), TOLERANCE);
    }

    @Test
    void onlyDistinctValuesMatterAndSmallValuesBecomeTheLimit() {
        double[] reference = AdaptiveDensity.weightFactors(new double[] {0, 0.3, 0.2}, 8, 0.25, L);
        assertArrayEquals(reference,
                AdaptiveDensity.weightFactors(new double[] {0.2, 0.2, 0.3, 0, 0, 0.3}, 8, 0.25, L));
        assertArrayEquals(reference, AdaptiveDensity.weightFactors(new double[] {0.005, 0.2, 0.3}, 8, 0.25, L));
    }

    @Test
    void classCountsOfThePaperConditions() {
        for (int n : new int[] {4, 8, 16, 32}) {
            assertEquals(4, AdaptiveDensity.classCount(n, 0.25, 1000), "Adaptive, n = " + n);
            assertEquals(2, AdaptiveDensity.classCount(n, 0.5, 1000), "Scaled, n = " + n);
            assertEquals(Math.min(n, 20), AdaptiveDensity.classCount(n, 0.0, 20), "jagged, n = " + n);
            assertEquals(2, AdaptiveDensity.classCount(n, 1.0, 1000), "s = 1, n = " + n);
        }
    }

    @Test
    void segmentCountsOfThePaperConditions() {
        Random random = new Random(5);
        double[] observations = random.doubles(300).map(u -> u * u * 0.4).toArray();
        for (int n : new int[] {4, 8, 16, 32}) {
            // Scaled: one segment ending at 1, so the coverage values are evenly spaced.
            double[] scaled = coverage(AdaptiveDensity.weightFactors(observations, n, 0.5, L));
            assertEquals(1.0, scaled[n - 1], TOLERANCE);
            assertEquals(1, countSegments(scaled), "Scaled, n = " + n);
            // Adaptive: three segments, hence (for n ≥ 4) three distinct spacings.
            double[] adaptive = coverage(AdaptiveDensity.weightFactors(observations, n, 0.25, L));
            assertEquals(n, adaptive.length);
            assertEquals(3, countSegments(adaptive), "Adaptive, n = " + n);
        }
    }

    /** Number of runs of equal spacing in ascending coverage values (n ≥ 2 per segment assumed by callers). */
    private static int countSegments(double[] ascending) {
        int segments = 1;
        double spacing = ascending.length > 1 ? ascending[1] - ascending[0] : 0;
        for (int i = 2; i < ascending.length; i++) {
            double next = ascending[i] - ascending[i - 1];
            if (Math.abs(next - spacing) > 1e-9) {
                segments++;
                // The first point of a new segment is spaced from the previous segment's end by the new spacing.
                spacing = next;
            }
        }
        return segments;
    }

    @Test
    void rejectsInvalidArguments() {
        double[] ok = {0.1, 0.2};
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 0, 0.25, L), "duplication n", ">= 1");
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 4, -0.1, L), "smoothing", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 4, 1.5, L), "smoothing", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 4, Double.NaN, L), "smoothing", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 4, 0.25, 0), "limit", "(0, 1)");
        assertMessage(() -> AdaptiveDensity.weightFactors(ok, 4, 0.25, 1), "limit", "(0, 1)");
        assertMessage(() -> AdaptiveDensity.weightFactors(null, 4, 0.25, L), "observations");
        assertMessage(() -> AdaptiveDensity.weightFactors(new double[] {0.1, 0.2, 1.5}, 4, 0.25, L),
                "observations[2]", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.weightFactors(new double[] {Double.NaN}, 4, 0.25, L),
                "observations[0]", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.weightFactors(new double[] {-0.1}, 4, 0.25, L),
                "observations[0]", "[0, 1]");
        assertMessage(() -> AdaptiveDensity.classCount(4, 0.25, 1), "distinctCount", "≥ 2");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
