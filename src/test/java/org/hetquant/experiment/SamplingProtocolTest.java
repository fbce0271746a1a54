package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplingProtocolTest {

    private static final int[] LABELS = SyntheticSession.saturation(1).labels();

    private static int[] countPerClass(int[] positions, int[] labels) {
        int[] counts = new int[8];
        for (int p : positions) {
            counts[labels[p] - 1]++;
        }
        return counts;
    }

    @Test
    void paperDefaults() {
        SamplingProtocol p = SamplingProtocol.paper();
        assertEquals(16, p.perClass());
        assertEquals(8, p.folds());
    }

    /**
     * The authors' plan for their seed-314 session, from their pipeline's calls replayed in Python (NumPy 2.4 legacy
     * stream after the generation, pandas-style {@code choice(512, 16, replace=True)} per class,
     * {@code RandomState(314)} shuffles for the folds, CPython 3.11 {@code random.seed(314)} and
     * {@code random.sample} for the order).
     */
    @Test
    void replaysTheAuthorsPlanAfterTheirGeneration() {
        SyntheticSession session = SyntheticSession.saturation(314);
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(session.labels(), 314,
                session.resamplingStream().orElseThrow());
        int[] source = plan.sourceRows();
        assertArrayEquals(new int[] {511, 355, 42, 261, 441}, Arrays.copyOf(source, 5));
        assertArrayEquals(new int[] {3625, 3784, 3727, 4002, 3991, 3960, 3706, 3858, 3595},
                Arrays.copyOfRange(source, 119, 128));
        assertArrayEquals(new int[] {0, 5, 2, 6, 2, 7, 7, 1, 3, 0, 5, 3, 1, 4, 6, 4},
                Arrays.copyOf(plan.foldAssignment(), 16));
        assertArrayEquals(new int[] {49, 57, 9, 22, 0, 84, 39, 28, 119, 107, 72, 76, 43, 89, 105, 115},
                plan.trainIndices(0));
        assertArrayEquals(new int[] {15, 120, 35, 4, 34, 83, 36, 7, 30, 20}, Arrays.copyOf(plan.testIndices(0), 10));
        assertArrayEquals(new int[] {77, 58, 5, 109, 16, 123, 25, 38, 35, 118, 81, 6, 54, 69, 101, 82},
                plan.trainIndices(7));
        // Both sessions consume the same draws, so they share the plan; the stream given is not consumed.
        SyntheticSession concentration = SyntheticSession.concentration(314);
        assertEquals(plan, SamplingProtocol.paper().plan(concentration.labels(), 314,
                concentration.resamplingStream().orElseThrow()));
        NumPyLegacyStream stream = session.resamplingStream().orElseThrow();
        SamplingProtocol.paper().plan(session.labels(), 314, stream);
        assertEquals(plan, SamplingProtocol.paper().plan(session.labels(), 314, stream));
    }

    @Test
    void workingSetIsSixteenPerClassDrawnFromTheRightClass() {
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(LABELS, 314);
        assertEquals(128, plan.size());
        int[] source = plan.sourceRows();
        int[] label = plan.labels();
        for (int p = 0; p < plan.size(); p++) {
            assertEquals(p / 16 + 1, label[p], "working-set position " + p + " is grouped by ascending class");
            assertEquals(label[p], LABELS[source[p]], "position " + p + " drawn from its own class");
        }
    }

    @Test
    void foldsAreStratifiedFewShotSplits() {
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(LABELS, 314);
        int[] label = plan.labels();
        int[] timesInTrain = new int[plan.size()];
        for (int k = 0; k < plan.folds(); k++) {
            int[] train = plan.trainIndices(k);
            int[] test = plan.testIndices(k);
            assertEquals(16, train.length);
            assertEquals(112, test.length);
            assertArrayEquals(new int[] {2, 2, 2, 2, 2, 2, 2, 2}, countPerClass(train, label), "fold " + k);
            assertArrayEquals(new int[] {14, 14, 14, 14, 14, 14, 14, 14}, countPerClass(test, label), "fold " + k);

            boolean[] seen = new boolean[plan.size()];
            for (int p : train) {
                seen[p] = true;
                timesInTrain[p]++;
                assertEquals(k, plan.foldAssignment()[p]);
            }
            for (int p : test) {
                assertTrue(!seen[p], "fold " + k + ": position " + p + " in both train and test");
                seen[p] = true;
            }
            for (int p = 0; p < seen.length; p++) {
                assertTrue(seen[p], "fold " + k + ": position " + p + " missing");
            }
        }
        for (int p = 0; p < timesInTrain.length; p++) {
            assertEquals(1, timesInTrain[p], "each position trains in exactly one fold: " + p);
        }
    }

    @Test
    void foldMembershipIsShuffledWithinClass() {
        // Round-robin dealing without the shuffle would put positions 0 and 8 of every class in fold 0.
        int[] fold = SamplingProtocol.paper().plan(LABELS, 314).foldAssignment();
        int[] unshuffled = new int[fold.length];
        for (int p = 0; p < fold.length; p++) {
            unshuffled[p] = (p % 16) % 8;
        }
        assertNotEquals(Arrays.toString(unshuffled), Arrays.toString(fold));
    }

    @Test
    void seedMakesItRepeatable() {
        SamplingProtocol protocol = SamplingProtocol.paper();
        assertEquals(protocol.plan(LABELS, 11), protocol.plan(LABELS, 11));
        assertArrayEquals(protocol.plan(LABELS, 11).trainIndices(3), protocol.plan(LABELS, 11).trainIndices(3));
        assertNotEquals(Arrays.toString(protocol.plan(LABELS, 11).sourceRows()),
                Arrays.toString(protocol.plan(LABELS, 12).sourceRows()));
        assertNotEquals(Arrays.toString(protocol.plan(LABELS, 11).foldAssignment()),
                Arrays.toString(protocol.plan(LABELS, 12).foldAssignment()));
    }

    /**
     * Resampling is uniform with replacement: with 4 rows per class and 16 draws per class, duplicates are
     * forced, and over 400 seeds each row is drawn 1600 ± 35 (binomial SD) times; ±10 % is ≈ 4.6 SD.
     */
    @Test
    void resamplingIsUniformWithReplacement() {
        int[] labels = new int[16];
        for (int r = 0; r < 16; r++) {
            labels[r] = r / 4 + 1;
        }
        int[] drawn = new int[16];
        SamplingProtocol protocol = SamplingProtocol.paper();
        for (long seed = 0; seed < 400; seed++) {
            for (int row : protocol.plan(labels, seed).sourceRows()) {
                drawn[row]++;
            }
        }
        for (int r = 0; r < 16; r++) {
            assertEquals(1600, drawn[r], 160, "row " + r);
        }
    }

    @Test
    void uncommonLabelsAndUnevenFolds() {
        int[] labels = {-3, 7, 7, -3, 7};
        SamplingProtocol.Plan plan = new SamplingProtocol(5, 2).plan(labels, 1);
        assertEquals(10, plan.size());
        assertArrayEquals(new int[] {-3, -3, -3, -3, -3, 7, 7, 7, 7, 7}, plan.labels());
        // scikit-learn's allotment deals the sorted labels round-robin over the folds: fold 0 gets positions 0, 2,
        // 4, 6, 8 (3 of class -3, 2 of class 7), fold 1 the others (2 and 3).
        int[] train0 = plan.trainIndices(0);
        assertEquals(5, train0.length);
        assertEquals(3, Arrays.stream(train0).filter(p -> p < 5).count());
        assertEquals(2, Arrays.stream(plan.trainIndices(1)).filter(p -> p < 5).count());
        assertEquals(10, train0.length + plan.testIndices(0).length);
    }

    @Test
    void shiftSubtractsNegativeGlobalMinimumOnly() {
        double[][] negative = {{1, -0.5}, {0.25, 2}};
        double[][] shifted = SamplingProtocol.shiftToNonNegative(negative);
        assertArrayEquals(new double[] {1.5, 0}, shifted[0], 0.0);
        assertArrayEquals(new double[] {0.75, 2.5}, shifted[1], 0.0);
        assertEquals(-0.5, negative[0][1], 0.0, "input untouched");

        double[][] positive = {{0.3, 0.1}, {0.2, 0.4}};
        assertArrayEquals(positive[1], SamplingProtocol.shiftToNonNegative(positive)[1], 0.0);
    }

    @Test
    void workingSetShiftUsesTheResampledMinimum() {
        // Concentration has small negative entries; the shift must be the minimum over the drawn rows only.
        SyntheticSession session = SyntheticSession.concentration(314);
        double[][] x = session.features();
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(session.labels(), 3);
        double[][] working = plan.workingSet(x);
        int[] source = plan.sourceRows();

        double drawnMin = Double.POSITIVE_INFINITY;
        for (int row : source) {
            for (double v : x[row]) {
                drawnMin = Math.min(drawnMin, v);
            }
        }
        assertTrue(drawnMin < 0, "this seed draws a negative entry");
        double offset = -drawnMin;
        double workingMin = Double.POSITIVE_INFINITY;
        for (int p = 0; p < working.length; p++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(x[source[p]][j] + offset, working[p][j], 1e-12);
                workingMin = Math.min(workingMin, working[p][j]);
            }
        }
        assertEquals(0.0, workingMin, 0.0);
        double fullMin = Arrays.stream(x).flatMapToDouble(Arrays::stream).min().orElseThrow();
        assertTrue(fullMin < drawnMin, "full-data minimum differs, so using it would fail the check above");
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SamplingProtocol(4, 8));
        assertTrue(e.getMessage().contains("perClass"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SamplingProtocol(16, 1));
        assertTrue(e.getMessage().contains("folds"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SamplingProtocol.paper().plan(new int[0], 1));
        e = assertThrows(IllegalArgumentException.class,
                () -> SamplingProtocol.paper().plan(LABELS, 1).trainIndices(8));
        assertTrue(e.getMessage().contains("fold"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SamplingProtocol.shiftToNonNegative(new double[][] {{0, Double.NaN}}));
        assertTrue(e.getMessage().contains("row 0, feature 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SamplingProtocol.paper().plan(LABELS, 1).workingSet(new double[10][8]));
        assertTrue(e.getMessage().contains("rows"), e.getMessage());
    }
}
