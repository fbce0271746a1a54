package org.hetquant.engine;

import java.util.Arrays;

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
     * ⌊(N−1)/2⌋.
     *
     * @param values at least one value; not modified
     */
    static double lowerMedian(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(sorted.length - 1) / 2];
    }
}
