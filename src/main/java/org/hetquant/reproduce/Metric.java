package org.hetquant.reproduce;

/** The reproduced metrics (docs/method.md §4.3), each a fold mean of a per-fold value, in % or percentage points. */
public enum Metric {
    /** SD across a fold's test samples of per-sample MC utilization (percentage points): the regularity metric. */
    MC_UTILIZATION_SD("MC utilization SD", "pp"),
    /** Mean across a fold's test samples of per-sample MC utilization (%). */
    MC_MEAN_UTILIZATION("MC mean utilization", "%"),
    /** Few-shot SVM accuracy on the MC phases (%). */
    MC_ACCURACY("MC accuracy", "%"),
    /** SD across a fold's test samples of per-sample GC utilization (percentage points). */
    GC_UTILIZATION_SD("GC utilization SD", "pp"),
    /** Mean across a fold's test samples of per-sample GC utilization (%). */
    GC_MEAN_UTILIZATION("GC mean utilization", "%"),
    /** Few-shot SVM accuracy on the GC phases (%). */
    GC_ACCURACY("GC accuracy", "%"),
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

    /** The readout layer the metric is computed on: "MC", "GC" or "ET". */
    public String layer() {
        return title.substring(0, 2);
    }

    /** The utilization-SD, mean-utilization and accuracy metrics of a spiking layer ("MC" or "GC"). */
    public static Metric[] of(String layer) {
        return switch (layer) {
            case "MC" -> new Metric[] {MC_UTILIZATION_SD, MC_MEAN_UTILIZATION, MC_ACCURACY};
            case "GC" -> new Metric[] {GC_UTILIZATION_SD, GC_MEAN_UTILIZATION, GC_ACCURACY};
            default -> throw new IllegalArgumentException("layer must be MC or GC, got " + layer);
        };
    }
}
