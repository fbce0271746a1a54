package org.hetquant.reproduce;

/** The reproduced metrics (docs/method.md §4.3), each a fold mean of a per-fold value, in % or percentage points. */
public enum Metric {
    /** SD across a fold's test samples of per-sample MC utilization (percentage points): the regularity metric. */
    MC_UTILIZATION_SD("MC utilization SD", "pp"),
    /** Mean across a fold's test samples of per-sample MC utilization (%). */
    MC_MEAN_UTILIZATION("MC mean utilization", "%"),
    /** Few-shot SVM accuracy on the MC phases (%). */
    MC_ACCURACY("MC accuracy", "%"),
    /** Few-shot SVM accuracy on the ET (L1-normalized) values (%): the input baseline. */
    ET_ACCURACY("ET accuracy", "%");

    private final String title;
    private final String unit;

    Metric(String title, String unit) {
        this.title = title;
        this.unit = unit;
    }

    /** Human-readable name. */
    public String title() {
        return title;
    }

    /** "%" or "pp" (percentage points). */
    public String unit() {
        return unit;
    }
}
