package org.hetquant.engine;

/**
 * Layer utilization (docs/method.md §4.3): the percentage of units with a nonzero response in a sample, and its mean
 * and standard deviation across samples. A low SD across samples is the paper's regularization metric.
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
     * Mean and SD of per-sample utilization across samples.
     *
     * @param perSample per-sample utilization in %, at least one value
     */
    public static Summary summarize(double[] perSample) {
        if (perSample.length < 1) {
            throw new IllegalArgumentException("at least one sample is required");
        }
        double mean = 0.0;
        for (double u : perSample) {
            mean += u;
        }
        mean /= perSample.length;
        double ss = 0.0;
        for (double u : perSample) {
            ss += (u - mean) * (u - mean);
        }
        return new Summary(perSample.length, mean, ss);
    }

    /**
     * Mean and spread of per-sample utilization, in percentage points.
     *
     * @param samples number of samples
     * @param mean mean utilization, in [0, 100]
     * @param sumOfSquares sum of squared deviations from the mean
     */
    public record Summary(int samples, double mean, double sumOfSquares) {

        /**
         * SD with the n − 1 denominator (R's {@code sd}); 0 for a single sample. This is the convention of the
         * published utilization SDs: the authors' analysis script aggregates per-fold utilization with R's
         * {@code sd}.
         */
        public double sd() {
            return samples > 1 ? Math.sqrt(sumOfSquares / (samples - 1)) : 0.0;
        }

        /** SD with the n denominator (numpy's default {@code std}). */
        public double populationSd() {
            return Math.sqrt(sumOfSquares / samples);
        }
    }
}
