package org.hetquant.reproduce;

/** The paper's four ET→MC gain conditions (docs/method.md §4.2), named as in the published tables. */
public enum Condition {
    /** n identical duplicates; results averaged over the 10 published gain levels. */
    HOMOGENEOUS("Homogeneous"),
    /** Heterogeneous data-blind gains P/linspace(L, 1, n). */
    UNIFORM("Uniform"),
    /** Adaptive calibration with smoothing s = 0.5 (one segment). */
    SCALED("Scaled"),
    /** Adaptive calibration with smoothing s = 0.25 (three segments). */
    ADAPTIVE("Adaptive");

    private final String label;

    Condition(String label) {
        this.label = label;
    }

    /** The name used in the published CSVs and in the report. */
    public String label() {
        return label;
    }

    /** Whether the gains are fitted on the training fold (calibration). */
    public boolean calibrated() {
        return this == SCALED || this == ADAPTIVE;
    }
}
