package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GainScaleTest implements SerializableValueTypeContract<GainScale> {

    @Override
    public GainScale value() {
        return GainScale.of(GainScale.Rule.AUTO);
    }

    @Override
    public GainScale equalValue() {
        return new GainScale(GainScale.Rule.AUTO, 45.0);
    }

    @Override
    public List<GainScale> differentValues() {
        return List.of(GainScale.fixed(), new GainScale(GainScale.Rule.AUTO, 50), GainScale.of(GainScale.Rule.FITTED));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(new Invalid(() -> new GainScale(GainScale.Rule.FITTED, 0), "target utilization",
                        "(0, 100]"),
                new Invalid(() -> new GainScale(GainScale.Rule.FITTED, 100.5), "target utilization", "(0, 100]"),
                new Invalid(() -> new GainScale(GainScale.Rule.FITTED, Double.NaN), "target utilization",
                        "(0, 100]"),
                new Invalid(() -> new GainScale(null, 45), "rule"));
    }

    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);
    private static final double D = TABLE.firingThreshold();

    /** Random L1-normalized rows over {@code features} features, some of them tiny. */
    private static double[][] rows(int count, int features, long seed) {
        Random r = new Random(seed);
        double[][] v = new double[count][features];
        for (double[] row : v) {
            double sum = 0;
            for (int f = 0; f < features; f++) {
                row[f] = f % 4 == 0 ? 100 * r.nextDouble() : 0.01 * r.nextDouble();
                sum += row[f];
            }
            for (int f = 0; f < features; f++) {
                row[f] /= sum;
            }
        }
        return v;
    }

    private static ColumnGains uniform(int features, int n) {
        return ColumnGains.dataBlind(features, ColumnGains.uniform(n, 25, 0.01));
    }

    /** Utilization counted through the real encoder, as the nodes produce it. */
    private static double encodedUtilization(ColumnGains gains, double[][] v) {
        ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
        double sum = 0;
        for (double[] row : v) {
            byte[] p = encoder.encode(row);
            sum += Utilization.ofSample(p, 0, p.length);
        }
        return sum / v.length;
    }

    @Test
    void dataBlindFactors() {
        assertEquals(1.0, GainScale.fixed().dataBlindFactor(128), 0.0);
        assertEquals(1.0, GainScale.of(GainScale.Rule.FEATURES).dataBlindFactor(8), 0.0);
        assertEquals(2.0, GainScale.of(GainScale.Rule.FEATURES).dataBlindFactor(16), 0.0);
        assertEquals(16.0, GainScale.of(GainScale.Rule.FEATURES).dataBlindFactor(128), 0.0);
        assertThrows(IllegalStateException.class, () -> GainScale.of(GainScale.Rule.FITTED).dataBlindFactor(8));
    }

    @Test
    void meanUtilizationMatchesTheEncoder() {
        double[][] v = rows(200, 12, 1);
        ColumnGains g = uniform(12, 8);
        assertEquals(encodedUtilization(g, v), GainScale.meanUtilization(g, v, D), 1e-9);
    }

    @Test
    void fittedFactorIsTheSmallestReachingTheTarget() {
        double[][] v = rows(300, 32, 2);
        ColumnGains base = uniform(32, 8);
        for (double target : new double[] {10, 45, 80}) {
            double c = GainScale.fittedFactor(base, v, D, target);
            assertTrue(encodedUtilization(base.scaled(c), v) >= target - 1e-9, "target " + target);
            assertTrue(encodedUtilization(base.scaled(c * (1 - 1e-9)), v) < target, "smaller factor, target " + target);
        }
    }

    @Test
    void fittedFactorMakesEveryPositiveInputFireWhenTheTargetIsOutOfReach() {
        double[][] v = {{0.5, 0.5, 0.0}, {1.0, 0.0, 0.0}};
        ColumnGains base = uniform(3, 4);
        double c = GainScale.fittedFactor(base, v, D, 90);
        // 3 of the 6 inputs are positive: at most 50 % of the units can fire.
        assertEquals(50.0, GainScale.meanUtilization(base.scaled(c), v, D), 1e-9);
        assertEquals(1.0, GainScale.fittedFactor(base, new double[][] {{0, 0, 0}}, D, 45), 0.0);
    }

    /**
     * A share near the smallest double (a row holding values near the largest double beside small ones) cannot fire
     * under any finite gain: the factor stays finite, the scaled gains too, and every other positive input fires.
     */
    @Test
    void aShareTooSmallForAnyFiniteGainLeavesTheFactorFinite() {
        double[][] v = {{0.5, 0.5, Double.MIN_VALUE}, {1.0, 0.0, 0.0}};
        ColumnGains base = uniform(3, 4);
        double c = GainScale.fittedFactor(base, v, D, 90);
        assertTrue(c > 0 && Double.isFinite(c), "factor " + c);
        // 3 of the 6 inputs can fire: the tiny share's units stay silent.
        assertEquals(50.0, GainScale.meanUtilization(base.scaled(c), v, D), 1e-9);
        new ColumnEncoder(base.scaled(c), TABLE);
        // Auto fits when the features' scaling leaves the operating range, as on these rows far below it.
        double[][] low = {{0.98, 0.01, Double.MIN_VALUE}, {0.99, 0.01, 0.0}};
        double auto = GainScale.of(GainScale.Rule.AUTO).factor(base, low, D);
        assertTrue(auto > 0 && Double.isFinite(auto), "auto factor " + auto);
    }

    @Test
    void autoKeepsFeaturesScalingInTheOperatingRangeAndFitsOutsideIt() {
        GainScale auto = GainScale.of(GainScale.Rule.AUTO);
        // Balanced 8 features at v = 1/8 each: every uniform onset below 0.125 fires, inside 35-55 %.
        double[][] balanced = new double[50][8];
        for (double[] row : balanced) {
            java.util.Arrays.fill(row, 0.125);
        }
        ColumnGains eight = uniform(8, 8);
        double u = GainScale.meanUtilization(eight, balanced, D);
        assertTrue(u >= GainScale.BAND_LOW && u <= GainScale.BAND_HIGH, "utilization " + u);
        assertEquals(1.0, auto.factor(eight, balanced, D), 0.0);
        // Very unequal features: F / 8 leaves most neurons silent, so the factor is fitted to 45 %.
        double[][] v = rows(300, 128, 3);
        ColumnGains wide = uniform(128, 8);
        assertTrue(GainScale.meanUtilization(wide.scaled(16), v, D) < GainScale.BAND_LOW);
        double c = auto.factor(wide, v, D);
        assertEquals(GainScale.fittedFactor(wide, v, D, 45), c, 0.0);
        assertEquals(45.0, GainScale.meanUtilization(wide.scaled(c), v, D), 0.5);
    }

    @Test
    void scaledMultipliesEveryGain() {
        ColumnGains g = ColumnGains.of(new double[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new double[] {2.5, 5}, g.scaled(2.5).column(0), 0.0);
        assertArrayEquals(new double[] {7.5, 10}, g.scaled(2.5).column(1), 0.0);
        assertThrows(IllegalArgumentException.class, () -> g.scaled(0));
        assertThrows(IllegalArgumentException.class, () -> g.scaled(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> g.scaled(Double.MAX_VALUE));
    }

    @Test
    void aRowOfAnotherWidthIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GainScale.fittedFactor(uniform(2, 4), new double[][] {{1, 0, 0}}, D, 45));
        assertTrue(e.getMessage().contains("row 0"), e.getMessage());
    }
}
