package org.hetquant.engine;

/** The data-blind gain schemes of a column (docs/method.md §2(c)). */
public enum GainScheme {
    /** Uniform heterogeneous gains, P/linspace(L, 1, n): onsets evenly spaced in input space (the default). */
    UNIFORM,
    /** Equidistant factors from 1 towards 1/L, times P: onsets dense at small inputs. */
    EQUIDISTANT,
    /** n identical duplicates of gain P: the paper's homogeneous baseline (P swept over 25…2500). */
    HOMOGENEOUS;

    /**
     * The column's gains, ascending.
     *
     * @param n duplication, ≥ 1
     * @param payload P, finite and > 0; for {@link #HOMOGENEOUS} the common gain
     * @param limit L, in (0, 1); unused by {@link #HOMOGENEOUS}
     */
    public double[] column(int n, double payload, double limit) {
        return switch (this) {
            case UNIFORM -> ColumnGains.uniform(n, payload, limit);
            case EQUIDISTANT -> ColumnGains.equidistant(n, payload, limit);
            case HOMOGENEOUS -> ColumnGains.homogeneous(n, payload);
        };
    }
}
