package weka.filters.unsupervised.attribute.hetquant;

/**
 * Range checks for the filters' options. The messages name the command-line option and the GUI property,
 * because Weka's option parser would otherwise only surface the engine's parameter names.
 */
final class Options {

    private Options() {}

    /**
     * Checks the column options.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    static void checkColumn(int duplication, double payload, double limit) {
        if (duplication < 1) {
            throw new IllegalArgumentException("-N (duplication n) must be >= 1, got " + duplication);
        }
        if (!(payload > 0.0) || Double.isInfinite(payload)) {
            throw new IllegalArgumentException("-P (payload P) must be finite and > 0, got " + payload);
        }
        if (!(limit > 0.0 && limit < 1.0)) {
            throw new IllegalArgumentException("-L (limit L) must be in (0, 1), got " + limit);
        }
    }

    /**
     * Checks the calibration's smoothing.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    static void checkSmoothing(double smoothing) {
        if (!(smoothing >= 0.0 && smoothing <= 1.0)) {
            throw new IllegalArgumentException("-S (smoothing s) must be in [0, 1], got " + smoothing);
        }
    }
}
