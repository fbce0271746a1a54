package org.hetquant.experiment;

/**
 * Settings of the paper's experiment grid that are not parameters of the method itself.
 */
public final class PaperGrid {

    private PaperGrid() {
    }

    /**
     * The paper's 10 homogeneous gain levels {25, 28, …, 2500}, as listed in its experiment grid for the
     * Homogeneous condition (docs/method.md §2(c), §4.2). They are P/linspace(L, 1, 10) rounded by hand in the
     * grid file (73.53 appears as 73), so they are stated here rather than recomputed.
     */
    private static final double[] HOMOGENEOUS_LEVELS = {25, 28, 32, 37, 45, 56, 73, 109, 208, 2500};

    /** The paper's 10 homogeneous gain levels (a copy: the constant list is not shared state). */
    public static double[] homogeneousLevels() {
        return HOMOGENEOUS_LEVELS.clone();
    }
}
