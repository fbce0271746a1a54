package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnGainsTest implements SerializableValueTypeContract<ColumnGains> {

    private static double[] rounded(double[] w) {
        double[] r = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            r[i] = Math.round(w[i] * 100.0) / 100.0;
        }
        return r;
    }

    @Test
    void uniformReproducesTheSpecTables() {
        assertArrayEquals(new double[] {25, 37.31, 73.53, 2500},
                rounded(ColumnGains.uniform(4, 25, 0.01)), 0.0);
        assertArrayEquals(new double[] {25, 29.12, 34.86, 43.42, 57.57, 85.37, 165.09, 2500},
                rounded(ColumnGains.uniform(8, 25, 0.01)), 0.0);
    }

    @Test
    void uniformOnsetsAreEvenlySpacedInInputSpace() {
        double dStar = 6.785535;
        double[] onsets = ColumnGains.dataBlind(1, ColumnGains.uniform(16, 25, 0.01)).onsets(0, dStar);
        // Ascending gains → descending onsets, from (D*/P)·1 down to (D*/P)·L, evenly spaced.
        double step = onsets[0] - onsets[1];
        for (int k = 1; k < onsets.length; k++) {
            assertEquals(step, onsets[k - 1] - onsets[k], 1e-12);
        }
        assertEquals(dStar / 25 * 0.01, onsets[15], 1e-12);
        assertEquals(dStar / 25, onsets[0], 1e-12);
    }

    @Test
    void equidistantDropsTheLastFactor() {
        // linspace(1, 100, 5) = 1, 25.75, 50.5, 75.25, (100 dropped), times P = 25.
        assertArrayEquals(new double[] {25, 643.75, 1262.5, 1881.25}, ColumnGains.equidistant(4, 25, 0.01), 1e-9);
    }

    @Test
    void homogeneousAndTheSchemeEnum() {
        assertArrayEquals(new double[] {73, 73, 73}, GainScheme.HOMOGENEOUS.column(3, 73, 0.01), 0.0);
        assertArrayEquals(ColumnGains.uniform(8, 25, 0.01), GainScheme.UNIFORM.column(8, 25, 0.01), 0.0);
        assertArrayEquals(ColumnGains.equidistant(8, 25, 0.01), GainScheme.EQUIDISTANT.column(8, 25, 0.01), 0.0);
    }

    @Test
    void singleNeuronColumnIsTheMostSensitiveGain() {
        assertArrayEquals(new double[] {2500}, ColumnGains.uniform(1, 25, 0.01), 1e-9);
    }

    @Override
    public ColumnGains value() {
        return ColumnGains.of(new double[][] {{1, 2}, {3, 4}});
    }

    @Override
    public ColumnGains equalValue() {
        return ColumnGains.of(new double[][] {{1, 2}, {3, 4}});
    }

    @Override
    public List<ColumnGains> differentValues() {
        return List.of(ColumnGains.of(new double[][] {{1, 2}, {3, 5}}), ColumnGains.of(new double[][] {{1, 2}}),
                ColumnGains.of(new double[][] {{1, 2, 3}, {3, 4, 5}}), ColumnGains.dataBlind(2, new double[] {1, 2}));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(
                new Invalid(() -> ColumnGains.uniform(0, 25, 0.01), "duplication n", ">= 1"),
                new Invalid(() -> ColumnGains.uniform(4, 0, 0.01), "payload", "> 0"),
                new Invalid(() -> ColumnGains.uniform(4, -1, 0.01), "payload", "> 0"),
                new Invalid(() -> ColumnGains.uniform(4, 25, 0), "limit", "(0, 1)"),
                new Invalid(() -> ColumnGains.equidistant(4, 25, 1), "limit", "(0, 1)"),
                new Invalid(() -> ColumnGains.homogeneous(4, Double.NaN), "gain", "> 0"),
                new Invalid(() -> ColumnGains.of(new double[][] {{1, 2}, {1}}), "feature 1", "2"),
                new Invalid(() -> ColumnGains.of(new double[][] {{2, 1}}), "ascending", "feature 0"),
                new Invalid(() -> ColumnGains.of(new double[][] {{1, Double.POSITIVE_INFINITY}}), "gain 1", "finite"));
    }

    @Test
    void perFeatureGainsAreCopied() {
        double[][] g = {{1, 2}, {3, 4}};
        ColumnGains c = ColumnGains.of(g);
        g[0][0] = 99; // defensive copy
        assertEquals(1, c.gain(0, 0), 0.0);
        assertEquals(2, c.features());
        assertEquals(2, c.duplication());
    }

    @Test
    void drivesAreGainTimesInputAndMissingStaysMissing() {
        ColumnGains c = ColumnGains.of(new double[][] {{1, 2}, {3, 4}});
        double[] out = new double[4];
        c.drives(new double[] {0.5, Double.NaN}, out);
        assertEquals(0.5, out[0], 0.0);
        assertEquals(1.0, out[1], 0.0);
        assertTrue(Double.isNaN(out[2]) && Double.isNaN(out[3]));
        assertThrows(IllegalArgumentException.class, () -> c.drives(new double[] {0.5}, out));
    }

    @Test
    void aDriveBeyondTheLargestDoubleOrAnInfiniteInputIsAnErrorNamingTheFeature() {
        ColumnGains c = ColumnGains.dataBlind(2, ColumnGains.uniform(2, 25, 0.01));
        double[] out = new double[4];
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> c.drives(new double[] {0.5, 1e308}, out));
        assertEquals(1, e.feature());
        assertEquals(InvalidValueException.Problem.OVERFLOW, e.problem());
        assertTrue(e.getMessage().contains("25.0 * 1.0E308"), e.getMessage());
        for (double infinite : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            InvalidValueException inf = assertThrows(InvalidValueException.class,
                    () -> c.drives(new double[] {infinite, 0.5}, out));
            assertEquals(0, inf.feature());
            assertEquals(InvalidValueException.Problem.NOT_FINITE, inf.problem());
        }
        c.drives(new double[] {-0.0, Double.MIN_VALUE}, out);
        assertEquals(0L, Double.doubleToRawLongBits(out[0]), "-0.0 gives +0.0");
        assertEquals(25 * Double.MIN_VALUE, out[2], 0.0);
        assertEquals(2500 * Double.MIN_VALUE, out[3], 0.0);
    }

    /**
     * Property: over random inputs spanning the double range, each drive is exactly gain · x in double
     * arithmetic, or the call fails with OVERFLOW exactly when some gain · x is beyond the largest double.
     */
    @Test
    void randomMagnitudesGiveExactDrivesOrAnOverflowError() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(81);
        double[] column = ColumnGains.uniform(8, 25, 0.01);
        ColumnGains c = ColumnGains.dataBlind(1, column);
        double[] out = new double[8];
        int overflows = 0;
        int cases = 100_000;
        for (int i = 0; i < cases; i++) {
            double x = Math.pow(10, -323 + random.nextDouble() * 631.25) * (random.nextBoolean() ? 1 : -1);
            x = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, x));
            boolean overflow = false;
            for (double g : column) {
                overflow |= Double.isInfinite(g * x);
            }
            if (overflow) {
                overflows++;
                double input = x;
                InvalidValueException e = assertThrows(InvalidValueException.class,
                        () -> c.drives(new double[] {input}, out));
                assertEquals(InvalidValueException.Problem.OVERFLOW, e.problem());
            } else {
                c.drives(new double[] {x}, out);
                for (int k = 0; k < 8; k++) {
                    if (out[k] != column[k] * x) {
                        assertEquals(column[k] * x, out[k], 0.0, "x = " + x);
                    }
                }
            }
        }
        assertTrue(overflows > 100 && overflows < cases / 10, "overflows: " + overflows);
    }
}
