package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnGainsTest {

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

    @Test
    void invalidParametersNameTheParameterAndRange() {
        assertMessage(() -> ColumnGains.uniform(0, 25, 0.01), "duplication n", ">= 1");
        assertMessage(() -> ColumnGains.uniform(4, 0, 0.01), "payload", "> 0");
        assertMessage(() -> ColumnGains.uniform(4, -1, 0.01), "payload", "> 0");
        assertMessage(() -> ColumnGains.uniform(4, 25, 0), "limit", "(0, 1)");
        assertMessage(() -> ColumnGains.equidistant(4, 25, 1), "limit", "(0, 1)");
        assertMessage(() -> ColumnGains.homogeneous(4, Double.NaN), "gain", "> 0");
    }

    @Test
    void perFeatureGainsAreValidated() {
        assertMessage(() -> ColumnGains.of(new double[][] {{1, 2}, {1}}), "feature 1", "2");
        assertMessage(() -> ColumnGains.of(new double[][] {{2, 1}}), "ascending", "feature 0");
        assertMessage(() -> ColumnGains.of(new double[][] {{1, Double.POSITIVE_INFINITY}}), "gain 1", "finite");
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

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should mention '" + p + "'");
        }
    }
}
