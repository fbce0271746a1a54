package weka.filters.unsupervised.attribute.hetquant;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.PhaseEncoding;
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
     * Checks the target utilization of a fitted gain scale.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    static void checkTargetUtilization(double percent) {
        if (!(percent > 0.0 && percent <= 100.0)) {
            throw new IllegalArgumentException("-U (target utilization, %) must be in (0, 100], got " + percent);
        }
    }

    // The defaults below were chosen by measurement on the UCI gas-drift batches (docs/real-data.md, written by
    // mvn -B -q compile exec:java@realdata); the paper's settings are one option away.

    /** The default negative-value policy of every node that normalizes; the paper's is {@code -negative shift}. */
    static final NegativePolicy DEFAULT_NEGATIVE = NegativePolicy.CLIP;

    /**
     * The default gain-scale rule of the nodes that can fit it (pipeline, calibrator); the streamable column uses
     * {@link GainScale.Rule#FEATURES}; the paper's gains are {@code -gain-scale fixed}.
     */
    static final GainScale.Rule DEFAULT_GAIN_SCALE = GainScale.Rule.AUTO;

    /**
     * The default phase encoding of the nodes that output phases; the paper's numbering is
     * {@code -encoding paper}.
     */
    static final PhaseEncoding DEFAULT_ENCODING = PhaseEncoding.ASCENDING;

    /** The phase-encoding option's description, shared by the nodes that output phases. */
    static final String ENCODING_DESCRIPTION = "How a spike phase is written: ascending, paper or binary."
            + " ascending: 0 silent, 1 weakest ... 16 strongest, so the value grows with the drive (the default);"
            + " paper: 0 silent, 2 strongest ... 17 weakest, as published (silence sorts next to the strongest"
            + " response); binary: 1 spike, 0 silent.";

    /** The negative-value option's description, shared by the nodes that normalize. */
    static final String NEGATIVE_DESCRIPTION = "What L1 normalization does with negative values: clip, offset, shift"
            + " (the paper's) or error. clip: each negative value becomes 0 (counted; see -output-debug-info);"
            + " offset: each attribute's own minimum in the first batch, when negative, is subtracted from that"
            + " attribute; shift: the first batch's global minimum over all selected attributes, when negative, is"
            + " subtracted from every value (the paper's data-level shift; one outlier can move every row); error:"
            + " a negative value is an error naming the attribute and the row. With offset and shift, values still"
            + " negative in later batches are clipped to 0 and counted.";

    // Before the negative-value policy there was only the data-level shift, turned off by -no-shift; option
    // strings saved with it (models, flows, scripts) still load: -no-shift means -negative error.

    /** The inherited options with the deprecated {@code -no-shift} listed. */
    static Enumeration<Option> withNoShiftAlias(Enumeration<Option> inherited) {
        Vector<Option> options = new Vector<>(Collections.list(inherited));
        options.add(new Option("\tDeprecated: the same as -negative error.", "no-shift", 0, "-no-shift"));
        return options.elements();
    }

    /** Whether the options hold the deprecated {@code -no-shift}, consuming it. */
    static boolean noShiftFrom(String[] options) throws Exception {
        return Utils.getFlag("no-shift", options);
    }
}
