package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Expected folds from scikit-learn's {@code StratifiedKFold._make_test_folds} (the authors' copy in
 * {@code LimitedStratifiedKFold}) run with NumPy 2.4's {@code RandomState(seed)}: classes in order of first
 * appearance, uneven class and fold sizes.
 */
class StratifiedFoldsTest {

    private static final int[] LABELS = {3, 1, 2, 3, 1, 2, 2, 3, 1, 1, 3, 2, 2, 1, 3};

    @Test
    void foldsAsScikitLearnDrawsThem() {
        assertArrayEquals(new int[] {3, 2, 1, 1, 1, 2, 0, 2, 0, 3, 0, 3, 2, 1, 0},
                StratifiedFolds.assign(LABELS, 4, new NumPyLegacyStream(314)));
        assertArrayEquals(new int[] {0, 1, 1, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1},
                StratifiedFolds.assign(LABELS, 2, new NumPyLegacyStream(7)));
        assertArrayEquals(new int[] {1, 3, 8}, StratifiedFolds.select(new int[] {0, 2, 1, 2, 1, 1, 1, 1, 2}, 2, true));
    }

    @Test
    void foldCountOutsideItsRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(LABELS, 1, new NumPyLegacyStream(1)));
        assertThrows(IllegalArgumentException.class, () -> StratifiedFolds.assign(LABELS, 16, new NumPyLegacyStream(1)));
        // scikit-learn refuses more folds than any class has members: here every class has 5.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.assign(LABELS, 8, new NumPyLegacyStream(314)));
        assertEquals("folds k = 8 exceeds the size of every class (the largest has 5 samples)", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> StratifiedFolds.assign(new int[] {1, 0}, 2, new NumPyLegacyStream(314)));
    }
}
