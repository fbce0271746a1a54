package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void exactL1() {
        double[] out = new double[3];
        assertEquals(0, Normalization.withoutShift().apply(new double[] {1, 3, 4}, out, 0));
        assertArrayEquals(new double[] {0.125, 0.375, 0.5}, out, 0.0);
    }

    @Test
    void zeroSumRowGivesZeros() {
        double[] out = new double[3];
        Normalization.withoutShift().apply(new double[] {0, 0, 0}, out, 0);
        assertArrayEquals(new double[] {0, 0, 0}, out, 0.0);
    }

    @Test
    void missingFeatureStaysMissingAndIsLeftOutOfTheSum() {
        double[] out = new double[3];
        Normalization.withoutShift().apply(new double[] {1, Double.NaN, 3}, out, 0);
        assertEquals(0.25, out[0], 0.0);
        assertTrue(Double.isNaN(out[1]));
        assertEquals(0.75, out[2], 0.0);
    }

    @Test
    void shiftSubtractsTheNegativeGlobalMinimum() {
        Normalization n = Normalization.fit(new double[][] {{-1, 2}, {0, 3}}, NegativePolicy.SHIFT);
        assertEquals(-1.0, n.offset(), 0.0);
        double[] out = new double[2];
        assertEquals(0, n.apply(new double[] {-1, 2}, out, 0));
        assertArrayEquals(new double[] {0.0, 1.0}, out, 0.0); // (0, 3) / 3
        assertEquals(0, n.apply(new double[] {1, 1}, out, 1));
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0); // (2, 2) / 4
    }

    @Test
    void positiveMinimumDoesNotShift() {
        Normalization n = Normalization.fit(new double[][] {{0.5, 2}, {1, 3}}, NegativePolicy.SHIFT);
        assertEquals(0.0, n.offset(), 0.0);
        double[] out = new double[2];
        n.apply(new double[] {1, 3}, out, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, out, 0.0);
    }

    @Test
    void valuesStillNegativeAfterTheShiftAreClampedAndCounted() {
        Normalization n = Normalization.withShift(-1.0);
        double[] out = new double[3];
        assertEquals(2, n.apply(new double[] {-3, -2, 1}, out, 7));
        assertArrayEquals(new double[] {0, 0, 1}, out, 0.0);
    }

    @Test
    void negativeWithoutShiftNamesFeatureAndRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.withoutShift().apply(new double[] {1, -0.5}, new double[2], 42));
        assertTrue(e.getMessage().contains("feature 1"), e.getMessage());
        assertTrue(e.getMessage().contains("row 42"), e.getMessage());
    }

    @Test
    void infinityIsAnErrorNamingFeatureAndRow() {
        for (Normalization n : new Normalization[] {Normalization.withoutShift(), Normalization.withShift(-1),
                Normalization.clipping(), Normalization.withFeatureOffsets(new double[] {-1, 0})}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> n.apply(new double[] {Double.NEGATIVE_INFINITY, 1}, new double[2], 3));
            assertTrue(e.getMessage().contains("feature 0") && e.getMessage().contains("row 3"), e.getMessage());
        }
        for (NegativePolicy policy : new NegativePolicy[] {NegativePolicy.SHIFT, NegativePolicy.OFFSET}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Normalization.fit(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, policy));
            assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("row 1"), e.getMessage());
        }
    }

    @Test
    void inPlaceApplicationWorks() {
        double[] row = {2, 6};
        Normalization.withoutShift().apply(row, row, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, row, 0.0);
    }

    @Test
    void clipSetsNegativesToZeroCountsThemAndLearnsNothing() {
        Normalization n = Normalization.fit(new double[][] {{-5, 1}}, NegativePolicy.CLIP);
        assertEquals(Normalization.clipping(), n);
        assertEquals(NegativePolicy.CLIP, n.policy());
        double[] out = new double[3];
        assertEquals(1, n.apply(new double[] {-2, 1, 3}, out, 0));
        assertArrayEquals(new double[] {0, 0.25, 0.75}, out, 0.0);
        // Scale-free: a row times 10 normalizes to the same values.
        double[] scaled = new double[3];
        n.apply(new double[] {-20, 10, 30}, scaled, 1);
        assertArrayEquals(out, scaled, 1e-15);
    }

    @Test
    void offsetSubtractsEachFeaturesOwnNegativeMinimum() {
        Normalization n = Normalization.fit(new double[][] {{-2, 1, 5}, {0, 3, Double.NaN}, {4, -1, 6}},
                NegativePolicy.OFFSET);
        assertArrayEquals(new double[] {-2, -1, 0}, n.featureOffsets(), 0.0);
        double[] out = new double[3];
        // (0 + 2, 1 + 1, 1 - 0) = (2, 2, 1) / 5
        assertEquals(0, n.apply(new double[] {0, 1, 1}, out, 0));
        assertArrayEquals(new double[] {0.4, 0.4, 0.2}, out, 1e-15);
        // Below a learned minimum: clipped and counted.
        assertEquals(1, n.apply(new double[] {-3, 0, 2}, out, 1));
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3}, out, 1e-15);
    }

    @Test
    void offsetRejectsARowOfAnotherWidthAndAnAllMissingFeatureIsNotShifted() {
        Normalization n = Normalization.fit(new double[][] {{-1, Double.NaN}}, NegativePolicy.OFFSET);
        assertArrayEquals(new double[] {-1, 0}, n.featureOffsets(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> n.apply(new double[] {1, 2, 3}, new double[3], 4));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("3 features"), e.getMessage());
    }

    @Test
    void errorPolicyFitsToThePlainNormalization() {
        assertEquals(Normalization.withoutShift(), Normalization.fit(new double[][] {{-1, 2}}, NegativePolicy.ERROR));
        assertEquals(NegativePolicy.ERROR, Normalization.withoutShift().policy());
    }

    @Test
    void onlyOffsetAndShiftFitOnData() {
        assertTrue(NegativePolicy.OFFSET.fits() && NegativePolicy.SHIFT.fits());
        assertTrue(!NegativePolicy.CLIP.fits() && !NegativePolicy.ERROR.fits());
    }
}
