package org.hetquant.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Fast MC layer: turns one normalized sample (the ET output v, docs/method.md §2(a)) into the phases of the F columns
 * of n duplicated MCs (docs/method.md §2(c)). Unit {@code feature·n + k} receives the drive
 * {@code gains[feature][k]·v[feature]} and reports {@code table.phase(gains[feature][k] * v[feature])} in paper
 * numbering.
 *
 * <p><b>How it is fast and still exact.</b> For a fixed gain g, the rounded product {@code g*x} is a
 * non-decreasing function of x, so "drive ≥ lowerBound" holds exactly for x at or above one double, the
 * input-space threshold. Those thresholds are found once by stepping {@code lowerBound/g} ulp by ulp until the
 * rounded product agrees (naively comparing {@code lowerBound/g <= x} would be off by one ulp for some x). A
 * column's n units change phase only at the union of their thresholds, so each interval between consecutive
 * thresholds has a precomputed pattern of n phases: encoding a feature is one binary search (written without
 * data-dependent branches, so the JIT can use conditional moves) plus a copy of n bytes, with no
 * multiplication, and is identical to the table on every input.
 *
 * <p>Inputs must lie in [0, 1] (thresholds above 1 are dropped); NaN silences the feature's n units.
 * Immutable and thread-safe.
 */
public final class ColumnEncoder implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double[][] gains;
    private final PhaseTable table;

    /** Search length per feature, a power of two; each feature has searchSize − 1 sorted thresholds. */
    private final transient int searchSize;
    /** Feature f's input-space thresholds at [f·(searchSize−1), ...), ascending, padded with +∞. */
    private final transient double[] thresholds;
    /** Phases of feature f's n units when c thresholds are ≤ v, at [(f·searchSize + c)·n, ... + n). */
    private final transient byte[] patterns;

    /**
     * @param gains per feature, the ET→MC weights of its n units: {@code gains[feature][k]}, finite and > 0,
     *              ascending in k (equal values allowed, as in the homogeneous baseline); every feature
     *              must have the same n ≥ 1
     * @param table phase table of the MC neuron
     * @throws IllegalArgumentException naming the offending feature/unit if a constraint is violated
     */
    public ColumnEncoder(double[][] gains, PhaseTable table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (gains == null || gains.length == 0) {
            throw new IllegalArgumentException("gains must have at least one feature");
        }
        if (gains[0] == null || gains[0].length == 0) {
            throw new IllegalArgumentException("gains[0] must hold at least one unit (duplication n >= 1)");
        }
        int n = gains[0].length;
        double[][] copy = new double[gains.length][];
        for (int f = 0; f < gains.length; f++) {
            if (gains[f] == null || gains[f].length != n) {
                throw new IllegalArgumentException("gains[" + f + "] must have length n = " + n
                        + " (the length of gains[0]), got " + (gains[f] == null ? "null" : gains[f].length));
            }
            for (int k = 0; k < n; k++) {
                double g = gains[f][k];
                if (!(g > 0) || !Double.isFinite(g)) {
                    throw new IllegalArgumentException("gains[" + f + "][" + k + "] must be finite and > 0, got " + g);
                }
                if (k > 0 && g < gains[f][k - 1]) {
                    throw new IllegalArgumentException("gains[" + f + "] must be ascending, but gains[" + f + "]["
                            + (k - 1) + "] = " + gains[f][k - 1] + " > gains[" + f + "][" + k + "] = " + g);
                }
            }
            copy[f] = gains[f].clone();
        }
        this.gains = copy;
        this.table = table;

        double[] lowerBounds = table.lowerBounds();
        double[][] sorted = new double[copy.length][];
        int largest = 0;
        for (int f = 0; f < copy.length; f++) {
            double[] cut = new double[n * lowerBounds.length];
            int m = 0;
            for (double g : copy[f]) {
                for (double bound : lowerBounds) {
                    double x = inputThreshold(bound, g);
                    if (x <= 1.0) {
                        cut[m++] = x;
                    }
                }
            }
            sorted[f] = Arrays.copyOf(cut, m);
            Arrays.sort(sorted[f]);
            largest = Math.max(largest, m);
        }
        this.searchSize = largest == 0 ? 1 : Integer.highestOneBit(largest) << 1;
        this.thresholds = new double[copy.length * (searchSize - 1)];
        this.patterns = new byte[copy.length * searchSize * n];
        Arrays.fill(thresholds, Double.POSITIVE_INFINITY);
        for (int f = 0; f < copy.length; f++) {
            System.arraycopy(sorted[f], 0, thresholds, f * (searchSize - 1), sorted[f].length);
            // Count 0 keeps the all-silent pattern; count c is represented by its interval's lowest input.
            for (int c = 1; c <= sorted[f].length; c++) {
                double x = sorted[f][c - 1];
                for (int k = 0; k < n; k++) {
                    patterns[(f * searchSize + c) * n + k] = (byte) table.phase(copy[f][k] * x);
                }
            }
        }
    }

    /**
     * @param gains the column's gains (already validated: per feature ascending, finite and > 0)
     * @param table phase table of the MC neuron
     */
    public ColumnEncoder(ColumnGains gains, PhaseTable table) {
        this(gains.toArray(), table);
    }

    /**
     * Smallest double x with {@code g*x >= bound} in floating point. Starts from bound/g, which is within a
     * few ulps, and steps; monotonicity of rounding guarantees the answer is unique.
     */
    static double inputThreshold(double bound, double g) {
        double x = bound / g;
        while (!(g * x >= bound)) {
            x = Math.nextUp(x);
        }
        while (g * Math.nextDown(x) >= bound) {
            x = Math.nextDown(x);
        }
        return x;
    }

    /** Number of input features F. */
    public int features() {
        return gains.length;
    }

    /** Duplication factor n (MCs per column). */
    public int duplication() {
        return gains[0].length;
    }

    /** Output length F·n. */
    public int units() {
        return gains.length * gains[0].length;
    }

    /** A copy of the gains, {@code [feature][k]}. */
    public double[][] gains() {
        double[][] copy = new double[gains.length][];
        for (int f = 0; f < gains.length; f++) {
            copy[f] = gains[f].clone();
        }
        return copy;
    }

    public PhaseTable table() {
        return table;
    }

    /**
     * Encodes one normalized row into paper phases.
     *
     * @param v   length {@link #features()}, values in [0, 1] or NaN (silent column)
     * @param out length ≥ {@link #units()}; unit {@code feature·n + k} is written at that index
     */
    public void encode(double[] v, byte[] out) {
        if (v == null || v.length != gains.length) {
            throw new IllegalArgumentException("v must have length features = " + gains.length + ", got "
                    + (v == null ? "null" : v.length));
        }
        requireOutput(out, 0, units());
        encodeRow(v, 0, out, 0, 0);
    }

    /** As {@link #encode(double[], byte[])}, returning a new array of length {@link #units()}. */
    public byte[] encode(double[] v) {
        byte[] out = new byte[units()];
        encode(v, out);
        return out;
    }

    /**
     * Encodes many rows; row r goes to {@code out[r·units() ... (r+1)·units())}.
     *
     * @param rows each of length {@link #features()}, values in [0, 1] or NaN
     * @param out  length ≥ rows.length·units()
     */
    public void encodeRows(double[][] rows, byte[] out) {
        if (rows == null) {
            throw new IllegalArgumentException("rows must not be null");
        }
        int units = units();
        requireOutput(out, 0, (long) rows.length * units);
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] == null || rows[r].length != gains.length) {
                throw new IllegalArgumentException("row " + r + " must have length features = " + gains.length
                        + ", got " + (rows[r] == null ? "null" : rows[r].length));
            }
            encodeRow(rows[r], 0, out, r * units, r);
        }
    }

    /**
     * Encodes rows stored in one flat array: feature f of row r is {@code values[offset + r·stride + f]}; row r
     * goes to {@code out[outOffset + r·units() ...]}.
     *
     * @param stride ≥ {@link #features()}, distance between the starts of consecutive rows
     */
    public void encodeRows(double[] values, int offset, int stride, int rowCount, byte[] out, int outOffset) {
        if (stride < gains.length) {
            throw new IllegalArgumentException("stride must be >= features = " + gains.length + ", got " + stride);
        }
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0, got " + rowCount);
        }
        if (rowCount == 0) {
            return;
        }
        if (values == null || offset < 0
                || offset + (long) (rowCount - 1) * stride + gains.length > values.length) {
            throw new IllegalArgumentException("values must hold rowCount = " + rowCount + " rows of stride "
                    + stride + " from offset " + offset + ", but has length "
                    + (values == null ? "null" : values.length));
        }
        int units = units();
        requireOutput(out, outOffset, (long) rowCount * units);
        for (int r = 0; r < rowCount; r++) {
            encodeRow(values, offset + r * stride, out, outOffset + r * units, r);
        }
    }

    private static void requireOutput(byte[] out, int outOffset, long length) {
        if (out == null || outOffset < 0 || outOffset + length > out.length) {
            throw new IllegalArgumentException("out must have room for " + length + " phases from offset "
                    + outOffset + ", but has length " + (out == null ? "null" : out.length));
        }
    }

    private void encodeRow(double[] values, int in, byte[] out, int o, int row) {
        final int n = gains[0].length;
        final int size = searchSize;
        for (int f = 0; f < gains.length; f++) {
            double x = values[in + f];
            if (!(x >= 0.0 && x <= 1.0) && x == x) {
                throw new IllegalArgumentException("row " + row + ", feature " + f
                        + ": normalized value must be in [0, 1] or NaN, got " + x);
            }
            int base = f * (size - 1);
            int count = 0;
            for (int step = size >> 1; step > 0; step >>= 1) {
                count += thresholds[base + count + step - 1] <= x ? step : 0;
            }
            System.arraycopy(patterns, (f * size + count) * n, out, o + f * n, n);
        }
    }

    /** Rebuilds the derived search structures after deserialization (and re-validates the gains). */
    private Object readResolve() {
        return new ColumnEncoder(gains, table);
    }
}
