package weka.filters.unsupervised.attribute.hetquant;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Option;
import weka.core.Utils;

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

    /**
     * Checks the calibration's exact-distinct limit.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    static void checkDistinct(int distinct) {
        if (distinct < 1) {
            throw new IllegalArgumentException("-distinct (exact distinct values) must be >= 1, got " + distinct);
        }
    }

    // The data-level shift is on by default, so its command-line form is the negative flag -no-shift, which
    // @OptionMetadata (a flag means true) cannot express; the nodes with a shift add it through these helpers.

    /** The inherited options with {@code -no-shift} in front. */
    static Enumeration<Option> withNoShiftFlag(Enumeration<Option> inherited) {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tDo not apply the data-level shift (negative values are then an error).",
                "no-shift", 0, "-no-shift"));
        options.addAll(Collections.list(inherited));
        return options.elements();
    }

    /** Whether the shift is on, consuming {@code -no-shift} from the options. */
    static boolean shiftFrom(String[] options) throws Exception {
        return !Utils.getFlag("no-shift", options);
    }

    /** The inherited option values with {@code -no-shift} in front when the shift is off. */
    static String[] withNoShiftFlag(boolean shift, String[] inherited) {
        Vector<String> options = new Vector<>();
        if (!shift) {
            options.add("-no-shift");
        }
        Collections.addAll(options, inherited);
        return options.toArray(new String[0]);
    }
}
