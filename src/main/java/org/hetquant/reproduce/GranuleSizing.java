package org.hetquant.reproduce;

import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;

/**
 * How the reproduction sizes the GC layer of each run (docs/method.md §2(e), §6 items 7–8).
 *
 * @param halfInCalibratedConcentration GC = 2·MC (instead of 4·MC) in the calibrated Concentration runs, as the
 *     authors' grid file does for its whole adaptive group (s = 0, 0.25, 0.5: the paper's Scaled and Adaptive);
 *     docs/method.md §6 item 8 replicates the grid as is
 * @param baselineAsFinalGrid run the Homogeneous GC layer as the final {@code hq2025.yaml} does (MC = 8, i.e.
 *     n = 1, GC = 32, p = 0.5) at every n, instead of the choice of docs/method.md §6 item 7: the same sizing as
 *     Uniform at each n
 */
public record GranuleSizing(boolean halfInCalibratedConcentration, boolean baselineAsFinalGrid) {

    /** The choices of docs/method.md §6 items 7–8: the authors' grid, with Homogeneous sized as Uniform at each n. */
    public static final GranuleSizing PAPER = new GranuleSizing(true, false);

    /**
     * The shape of one run's GC layer.
     *
     * @param duplication n of the MC layer that feeds the GCs (1 for the final grid file's baseline)
     * @param granulesPerMitral GCs per MC
     * @param probability MC→GC connection probability p
     */
    public record Shape(int duplication, int granulesPerMitral, double probability) {}

    /**
     * The GC layer of a run.
     *
     * @param publishedSession "Concentration" or "Saturation"
     * @param condition the gain condition
     * @param n the run's duplication
     */
    public Shape shape(String publishedSession, Condition condition, int n) {
        if (condition == Condition.HOMOGENEOUS && baselineAsFinalGrid) {
            return new Shape(1, GranuleLayer.PAPER_GRANULES_PER_MITRAL, 0.5);
        }
        boolean half = halfInCalibratedConcentration && condition.calibrated()
                && "Concentration".equals(publishedSession);
        return new Shape(n, half ? 2 : GranuleLayer.PAPER_GRANULES_PER_MITRAL,
                GranuleConnectivity.paperProbability(n));
    }
}
