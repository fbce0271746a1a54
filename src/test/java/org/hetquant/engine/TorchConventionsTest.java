package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** torch's conventions as the calibrator's gain correction uses them (docs/method.md §2(d), steps 8–9). */
class TorchConventionsTest {

    /** torch.median's definition: the element at sorted index ⌊(N−1)/2⌋. */
    private static double sortedLowerMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }

    @Test
    void lowerMedianIsTheSortedElementAtIndexFloorOfNMinusOneOverTwo() {
        assertEquals(2.0, TorchConventions.lowerMedian(new double[] {4, 1, 3, 2}), 0.0, "even count: the lower one");
        assertEquals(3.0, TorchConventions.lowerMedian(new double[] {5, 1, 3, 2, 4}), 0.0);
        assertEquals(7.5, TorchConventions.lowerMedian(new double[] {7.5}), 0.0);
        assertEquals(1.0, TorchConventions.lowerMedian(new double[] {2, 1}), 0.0);
    }

    @Test
    void lowerMedianEqualsTheSortedDefinitionBitForBitOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(11);
        for (int c = 0; c < 20_000; c++) {
            int n = random.nextInt(1, c < 10_000 ? 12 : 600);
            double[] values = new double[n];
            // Coverage-like values (1/gain factors), and small integers so that ties abound.
            if (random.nextBoolean()) {
                Arrays.setAll(values, i -> 1.0 / random.nextDouble(1, 100));
            } else {
                Arrays.setAll(values, i -> random.nextInt(5));
            }
            double[] copy = values.clone();
            double expected = sortedLowerMedian(values);
            assertEquals(Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits(TorchConventions.lowerMedian(values)), "case " + c + ", n = " + n);
            assertArrayEquals(copy, values, 0.0, "input must not be modified");
        }
    }

    @Test
    void lowerMedianRejectsEmptyAndNonFiniteInput() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> TorchConventions.lowerMedian(new double[0]));
        assertTrue(empty.getMessage().contains("at least one value"), empty.getMessage());
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> TorchConventions.lowerMedian(new double[] {1, bad}));
            assertTrue(e.getMessage().contains("values[1] must be finite"), e.getMessage());
        }
    }

    @Test
    void linspaceHitsBothEndsExactly() {
        assertArrayEquals(new double[] {0.01, 0.34, 0.67, 1.0}, TorchConventions.linspace(0.01, 1, 4), 1e-15);
        double[] l = TorchConventions.linspace(0.01, 1, 33);
        assertEquals(0.01, l[0], 0.0);
        assertEquals(1.0, l[32], 0.0);
        assertArrayEquals(new double[] {0.25}, TorchConventions.linspace(0.25, 1, 1), 0.0);
    }
}
