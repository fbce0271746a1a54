package org.hetquant.engine;

/**
 * What per-sample L1 normalization ({@link Normalization}) does with negative raw values, which it cannot take
 * as they are: v_i = x_i / Σ_j x_j needs x ≥ 0.
 *
 * <p>Real sensor arrays produce negatives (a drifting baseline, a glitch, or features that are negative by
 * construction such as the decay transients of the UCI gas-drift data); the paper's synthetic sessions only
 * need the global shift of its data preparation (docs/method.md §2(a), §6 item 2). The default of the Weka nodes was chosen
 * by measurement on real data ({@code docs/real-data.md}).
 */
public enum NegativePolicy {

    /**
     * Each negative value becomes 0 (and is counted); nothing is learned, every other value is normalized
     * exactly as given, so L1 stays scale-free.
     */
    CLIP,

    /**
     * Each feature's own minimum over the fitting data, when negative, is subtracted from that feature (a
     * per-feature offset); features whose minimum is ≥ 0 are left as they are. Values still negative later
     * are clipped to 0 and counted.
     */
    OFFSET,

    /**
     * The paper's data-level shift: the global minimum over all features and rows of the fitting data, when
     * negative, is subtracted from every value (one scalar). Values still negative later are clipped to 0 and
     * counted.
     */
    SHIFT,

    /** A negative value is an error naming the feature and the row. */
    ERROR;

    /** Whether the policy learns something from the fitting data ({@link #OFFSET}, {@link #SHIFT}). */
    public boolean fits() {
        return this == OFFSET || this == SHIFT;
    }
}
