package org.hetquant.engine;

/** Which calibration observations the data-aware weights are fitted on. */
public enum UpdateRule {
    /**
     * The authors' trigger: weights are recomputed only when a sample sets a new non-zero running minimum or
     * maximum of any feature, so the final weights come from the observations available at the last such
     * sample (including that sample); later samples are ignored.
     */
    FAITHFUL,
    /** All calibration observations (the recommended, cleaner reading; the default). */
    FINAL
}
