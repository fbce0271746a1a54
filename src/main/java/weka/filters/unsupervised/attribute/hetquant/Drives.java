package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.ColumnGains;

/** Lays a row's column drives out as output attributes. */
final class Drives {

    private Drives() {}

    /**
     * Writes the drive {@code gain(f, k) · x_f} of neuron k of feature f to {@code out[f·n + k]}; a missing
     * value ({@code NaN}) gives missing drives.
     */
    static void of(ColumnGains gains, double[] features, double[] out) {
        int n = gains.duplication();
        for (int f = 0; f < features.length; f++) {
            for (int k = 0; k < n; k++) {
                out[f * n + k] = gains.gain(f, k) * features[f];
            }
        }
    }
}
