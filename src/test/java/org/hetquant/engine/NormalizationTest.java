package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest implements SerializableValueTypeContract<Normalization> {

    @Override
    public Normalization value() {
        return Normalization.withShift(-2.0);
    }

    @Override
    public Normalization equalValue() {
        return Normalization.fit(new double[][] {{1, -2}, {3, 0}}, true);
    }

    @Override
    public List<Normalization> differentValues() {
        // A non-negative minimum shifts by 0 but keeps the shift (and its clamping) on: not the same as no shift.
        return List.of(Normalization.withoutShift(), Normalization.withShift(-3.0), Normalization.withShift(5.0));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(new Invalid(() -> Normalization.withShift(Double.NaN), "globalMinimum", "finite"),
                new Invalid(() -> Normalization.withShift(Double.NEGATIVE_INFINITY), "globalMinimum", "finite"),
                new Invalid(() -> Normalization.fit(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}, true),
                        "feature 0 of row 1", "finite"));
    }

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
        Normalization n = Normalization.fit(new double[][] {{-1, 2}, {0, 3}}, true);
        assertEquals(-1.0, n.offset(), 0.0);
        double[] out = new double[2];
        assertEquals(0, n.apply(new double[] {-1, 2}, out, 0));
        assertArrayEquals(new double[] {0.0, 1.0}, out, 0.0); // (0, 3) / 3
        assertEquals(0, n.apply(new double[] {1, 1}, out, 1));
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0); // (2, 2) / 4
    }

    @Test
    void positiveMinimumDoesNotShift() {
        Normalization n = Normalization.fit(new double[][] {{0.5, 2}, {1, 3}}, true);
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
        for (Normalization n : new Normalization[] {Normalization.withoutShift(), Normalization.withShift(-1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> n.apply(new double[] {Double.NEGATIVE_INFINITY, 1}, new double[2], 3));
            assertTrue(e.getMessage().contains("feature 0") && e.getMessage().contains("row 3"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.fit(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, true));
        assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void inPlaceApplicationWorks() {
        double[] row = {2, 6};
        Normalization.withoutShift().apply(row, row, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, row, 0.0);
    }
}
