package org.hetquant.engine;

import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.commons.math3.stat.ranking.NaNStrategy;

/**
 * The two numeric conventions of PyTorch that the authors' calibration relies on, reproduced so that the Java
 * engine lands on the same values.
 */
final class TorchConventions {

    private TorchConventions() {
    }

    /**
     * {@code torch.linspace(start, end, steps)}: the first half of the points is stepped from {@code start}, the
     * second half back from {@code end}, so both end points are exact.
     *
     * @param steps number of points, ≥ 1 (a single point is {@code start})
     */
    static double[] linspace(double start, double end, int steps) {
        double[] out = new double[steps];
        if (steps == 1) {
            out[0] = start;
            return out;
        }
        double step = (end - start) / (steps - 1);
        int half = steps / 2;
        for (int i = 0; i < steps; i++) {
            out[i] = i < half ? start + i * step : end - (steps - 1 - i) * step;
        }
        return out;
    }

    /**
     * {@code torch.median} of all entries: the <em>lower</em> median, i.e. the element at sorted index
     * ⌊(N−1)/2⌋ (torch does not average the two middle elements of an even count).
     *
     * <p>Commons Math's {@link Median} with {@link EstimationType#R_1} (Hyndman and Fan's type 1, the inverse of the
     * empirical distribution function, R's {@code quantile(type = 1)}) selects exactly this element: its position
     * is ⌈N/2⌉ (1-based), which is ⌊(N−1)/2⌋ + 1 for every N, and it returns the selected element itself
     * ({@code x + 0·(next − x)} for finite values). The default estimation type, and R's default {@code median},
     * average the two middle elements instead. Selection is O(N) where sorting was O(N log N).
     *
     * @param values at least one value, all finite; not modified
     * @throws IllegalArgumentException if {@code values} is empty or holds a value that is not finite
     */
    static double lowerMedian(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("the median needs at least one value");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, got " + values[i]);
            }
        }
        // A fresh instance per call: Percentile keeps per-instance caches (setData), so sharing one is not
        // obviously thread-safe; the calibrator calls this twice per fit.
        return new Median().withEstimationType(EstimationType.R_1).withNaNStrategy(NaNStrategy.FAILED)
                .evaluate(values);
    }
}
