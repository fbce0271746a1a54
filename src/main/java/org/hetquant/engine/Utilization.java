package org.hetquant.engine;

/**
 * Layer utilization (docs/method.md §4.3): the percentage of units with a nonzero response in a sample, and its mean
 * and standard deviation across samples. A low SD across samples is the paper's regularization metric. The
 * paper's folds (SD across a fold's test samples, averaged over folds) are the experiment's protocol
 * ({@code org.hetquant.experiment.FoldUtilization}); averages over folds use {@link Summary#ofDefined}.
 */
public final class Utilization {

    private Utilization() {}

    /**
     * Utilization of one sample.
     *
     * @param phases the sample's unit responses (0 = silent) at {@code [offset, offset + units)}
     * @return the percentage of firing units, in [0, 100]
     * @throws IllegalArgumentException if {@code units} < 1
     */
    public static double ofSample(byte[] phases, int offset, int units) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be >= 1, got " + units);
        }
        int firing = 0;
        for (int u = offset; u < offset + units; u++) {
            if (phases[u] != 0) {
                firing++;
            }
        }
        return 100.0 * firing / units;
    }

    /** Utilization of one sample given as int phases (0 = silent); in [0, 100]. */
    public static double ofSample(int[] phases) {
        if (phases.length < 1) {
            throw new IllegalArgumentException("a sample needs at least one unit");
        }
        int firing = 0;
        for (int p : phases) {
            if (p != 0) {
                firing++;
            }
        }
        return 100.0 * firing / phases.length;
    }

    /**
     * Mean and SD (n − 1, R's {@code sd}: the published convention) of per-sample utilization across samples; the
     * SD of a single sample is undefined, not 0 (see {@link Summary}).
     *
     * @param perSample per-sample utilization in %, each in [0, 100]
     * @throws IllegalArgumentException if a value is outside [0, 100] (the message names its index)
     */
    public static Summary summarize(double[] perSample) {
        for (int i = 0; i < perSample.length; i++) {
            if (!(perSample[i] >= 0 && perSample[i] <= 100)) {
                throw new IllegalArgumentException("perSample[" + i + "]: utilization must be in [0, 100] %, got "
                        + perSample[i]);
            }
        }
        return Summary.of(perSample);
    }
}
