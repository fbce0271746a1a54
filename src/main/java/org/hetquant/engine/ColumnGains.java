package org.hetquant.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The gains (ET→MC synaptic weights) of a column of n duplicated neurons per feature (docs/method.md §2(c)).
 *
 * <p>Neuron k of feature i receives the drive {@code gain(i, k) · v_i}, where {@code v_i} is the L1-normalized
 * input. Within each feature the gains are sorted ascending, so k = 0 is the least sensitive neuron. The
 * data-blind schemes ({@link GainScheme}) give every feature the same gains; calibration gives each feature
 * its own. Gains are dimensionless current per unit of normalized input.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ColumnGains implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The paper's payload P (docs/method.md §2(c)): the gain of the least sensitive uniform neuron. */
    public static final double DEFAULT_PAYLOAD = 25.0;

    /** The paper's limit L (docs/method.md §2(c)): the smallest coverage value; the most sensitive gain is P/L. */
    public static final double DEFAULT_LIMIT = 0.01;

    private final double[][] gains;

    private ColumnGains(double[][] gains) {
        this.gains = gains;
    }

    /**
     * Uniform heterogeneous gains ("1/x weights ⇔ uniform prior"): {@code w_k = P / c_{n−1−k}} with
     * {@code c = linspace(L, 1, n)}. The neurons' firing onsets are then evenly spaced in input space.
     *
     * @param n duplication, ≥ 1
     * @param payload P, > 0
     * @param limit L, in (0, 1)
     * @return n gains, ascending, from P to P/L
     */
    public static double[] uniform(int n, double payload, double limit) {
        checkColumn(n, payload, limit);
        double[] c = linspace(limit, 1.0, n);
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = payload / c[n - 1 - k];
        }
        return w;
    }

    /**
     * Equidistant gains (the code's "exponential prior"; not in the paper's grid): the first n of n + 1 factors
     * evenly spaced from 1 to 1/L, times P. Onsets are then dense at small inputs.
     *
     * @param n duplication, ≥ 1
     * @param payload P, > 0
     * @param limit L, in (0, 1)
     * @return n gains, ascending, from P towards P/L (exclusive)
     */
    public static double[] equidistant(int n, double payload, double limit) {
        checkColumn(n, payload, limit);
        double[] factors = linspace(1.0, 1.0 / limit, n + 1);
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = payload * factors[k];
        }
        return w;
    }

    /**
     * Homogeneous gains (the baseline): n identical duplicates.
     *
     * @param n duplication, ≥ 1
     * @param gain the common gain, finite and > 0
     */
    public static double[] homogeneous(int n, double gain) {
        checkDuplication(n);
        ParameterRange.PAYLOAD.require("gain", gain);
        double[] w = new double[n];
        Arrays.fill(w, gain);
        return w;
    }

    /** Every one of {@code features} features gets the same column of gains. */
    public static ColumnGains dataBlind(int features, double[] column) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        double[][] g = new double[features][];
        for (int i = 0; i < features; i++) {
            g[i] = column;
        }
        return of(g);
    }

    /**
     * Per-feature gains, e.g. from calibration.
     *
     * @param perFeature {@code [feature][k]}: every row the same length n ≥ 1, finite, > 0 and ascending
     * @throws IllegalArgumentException naming the feature and neuron that break a rule
     */
    public static ColumnGains of(double[][] perFeature) {
        if (perFeature.length < 1) {
            throw new IllegalArgumentException("at least one feature is required");
        }
        int n = perFeature[0].length;
        checkDuplication(n);
        double[][] copy = new double[perFeature.length][];
        for (int i = 0; i < perFeature.length; i++) {
            double[] row = perFeature[i];
            if (row.length != n) {
                throw new IllegalArgumentException(
                        "feature " + i + " has " + row.length + " gains but feature 0 has " + n);
            }
            for (int k = 0; k < n; k++) {
                if (!(row[k] > 0.0) || Double.isInfinite(row[k])) {
                    throw new IllegalArgumentException(
                            "gain " + k + " of feature " + i + " must be finite and > 0, got " + row[k]);
                }
                if (k > 0 && row[k] < row[k - 1]) {
                    throw new IllegalArgumentException(
                            "gains of feature " + i + " must be ascending, but gain " + k + " (" + row[k]
                                    + ") < gain " + (k - 1) + " (" + row[k - 1] + ")");
                }
            }
            copy[i] = row.clone();
        }
        return new ColumnGains(copy);
    }

    /**
     * These gains times one factor (e.g. a {@link GainScale}): onsets move by 1/factor, their spacing within a
     * column keeps its shape.
     *
     * @param factor finite and > 0
     * @throws IllegalArgumentException if the factor is not finite and positive, or a scaled gain overflows
     */
    public ColumnGains scaled(double factor) {
        if (!(factor > 0.0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be finite and > 0, got " + factor);
        }
        double[][] g = toArray();
        for (double[] column : g) {
            for (int k = 0; k < column.length; k++) {
                column[k] *= factor;
            }
        }
        return of(g);
    }

    /** Number of features (columns). */
    public int features() {
        return gains.length;
    }

    /** Duplication n: neurons per feature. */
    public int duplication() {
        return gains[0].length;
    }

    /** Gain of neuron {@code k} (0 = least sensitive) of feature {@code feature}. */
    public double gain(int feature, int k) {
        return gains[feature][k];
    }

    /** A copy of one feature's gains, ascending. */
    public double[] column(int feature) {
        return gains[feature].clone();
    }

    /** A copy of all gains, {@code [feature][k]}. */
    public double[][] toArray() {
        double[][] copy = new double[gains.length][];
        for (int i = 0; i < gains.length; i++) {
            copy[i] = gains[i].clone();
        }
        return copy;
    }

    /**
     * The column's drives for one sample: neuron k of feature f receives {@code gain(f, k) · v_f}, written to
     * {@code out[f·n + k]}; see {@link #drives(int, double, double[], int)}.
     *
     * @param v one value per feature (normalized input), {@code NaN} where missing
     * @param out receives features·n drives
     * @throws InvalidValueException for an infinite value or a drive beyond the largest double, naming the
     *     feature
     */
    public void drives(double[] v, double[] out) {
        int n = duplication();
        if (v.length != gains.length || out.length < gains.length * n) {
            throw new IllegalArgumentException("expected " + gains.length + " inputs and room for "
                    + gains.length * n + " drives, got " + v.length + " and " + out.length);
        }
        for (int f = 0; f < gains.length; f++) {
            drives(f, v[f], out, f * n);
        }
    }

    /**
     * The n drives of one feature: {@code gain(feature, k) · x} written to {@code out[offset + k]}. A missing
     * input ({@code NaN}) gives missing drives; −0.0 gives +0.0. The drive is linear in x, also for x &lt; 0 (an
     * inhibitory drive: the neuron stays silent).
     *
     * @param feature feature index
     * @param x the feature's input, finite or {@code NaN}
     * @param out receives the n drives
     * @param offset where the first drive goes
     * @throws InvalidValueException if x is infinite, or a drive gain·x is beyond the largest double (the
     *     right drive is not representable), naming the feature
     */
    public void drives(int feature, double x, double[] out, int offset) {
        double[] g = gains[feature];
        if (Double.isInfinite(x)) {
            throw new InvalidValueException(-1, feature, x, InvalidValueException.Problem.NOT_FINITE,
                    "values must be finite (or missing)");
        }
        for (int k = 0; k < g.length; k++) {
            double d = g[k] * x + 0.0;
            if (Double.isInfinite(d)) {
                throw new InvalidValueException(-1, feature, x, InvalidValueException.Problem.OVERFLOW,
                        "its drive gain * x = " + g[k] + " * " + x + " is beyond the largest double ("
                                + Double.MAX_VALUE + ")");
            }
            out[offset + k] = d;
        }
    }

    /**
     * The normalized input at which each neuron of a feature starts to fire: {@code firingThreshold / gain},
     * in L1-normalized units, descending in k (the most sensitive neuron fires first).
     *
     * @param feature feature index
     * @param firingThreshold the smallest drive that fires (D* ≈ 6.7855 for the paper's neuron)
     */
    public double[] onsets(int feature, double firingThreshold) {
        double[] g = gains[feature];
        double[] onset = new double[g.length];
        for (int k = 0; k < g.length; k++) {
            onset[k] = firingThreshold / g[k];
        }
        return onset;
    }

    /**
     * numpy's {@code linspace(start, stop, num)}: {@code num} evenly spaced values including both ends; for
     * {@code num == 1} just {@code start}. The last value is exactly {@code stop}.
     */
    static double[] linspace(double start, double stop, int num) {
        double[] out = new double[num];
        if (num == 1) {
            out[0] = start;
            return out;
        }
        double step = (stop - start) / (num - 1);
        for (int j = 0; j < num; j++) {
            out[j] = start + j * step;
        }
        out[num - 1] = stop;
        return out;
    }

    private static void checkColumn(int n, double payload, double limit) {
        checkDuplication(n);
        ParameterRange.PAYLOAD.require("payload P", payload);
        ParameterRange.LIMIT.require("limit L", limit);
    }

    private static void checkDuplication(int n) {
        ParameterRange.DUPLICATION.require("duplication n", n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnGains c && Arrays.deepEquals(c.gains, gains);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(gains);
    }

    @Override
    public String toString() {
        return "ColumnGains[features=" + features() + ", n=" + duplication() + "]";
    }
}
