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
     * First unit with a non-zero phase in each pattern, at {@code f·searchSize + c} (n if none): with ascending
     * gains the firing units of a column are a suffix (a larger gain never gives a weaker drive).
     */
    private final transient int[] firstFiring;

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
        this.firstFiring = new int[copy.length * searchSize];
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
            for (int c = 0; c < searchSize; c++) {
                int k = 0;
                while (k < n && patterns[(f * searchSize + c) * n + k] == 0) {
                    k++;
                }
                firstFiring[f * searchSize + c] = k;
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
        encodeFeatures(values, in, row, out, o, null, null, null, null);
    }

    /**
     * Encodes one normalized row and lists only the units whose output code is not 0, for sparse output: unit
     * k of feature f is listed as index {@code at[f] + k} with value {@code codes[phase]}, in feature and then unit
     * order. The codes are those {@link #encode(double[], byte[])} gives, through the same table; silent units
     * cost nothing, as only each column's firing units (a suffix of it) are visited.
     *
     * @param v       length {@link #features()}, values in [0, 1] or NaN (silent column)
     * @param codes   output code of each paper phase, indexed by phase, 0 for phase 0 (e.g.
     *                {@link PhaseEncoding#lookup})
     * @param at      per feature, the index listed for its unit 0
     * @param values  receives the listed codes; length ≥ {@link #units()}
     * @param indices receives their indices; length ≥ {@link #units()}
     * @return the number of units listed
     * @throws IllegalArgumentException if a value is outside [0, 1] (naming the feature), or an array is short
     */
    public int encodeNonZero(double[] v, int[] codes, int[] at, double[] values, int[] indices) {
        if (v == null || v.length != gains.length || at == null || at.length != gains.length) {
            throw new IllegalArgumentException("v and at must have length features = " + gains.length + ", got "
                    + (v == null ? "null" : v.length) + " and " + (at == null ? "null" : at.length));
        }
        int units = units();
        if (values == null || indices == null || values.length < units || indices.length < units) {
            throw new IllegalArgumentException("values and indices must have room for units = " + units);
        }
        if (codes == null || codes.length <= table.weakestPhase() || codes[0] != 0) {
            throw new IllegalArgumentException("codes must have an entry for every phase 0 … " + table.weakestPhase()
                    + ", and 0 (silence) for phase 0");
        }
        return encodeFeatures(v, 0, 0, null, 0, codes, at, values, indices);
    }

    /**
     * The one encoding loop: per feature, the number c of its thresholds ≤ x (a branch-free binary search, four
     * features at a time so that their dependent loads overlap), then either the pattern copied to {@code out}
     * (when {@code out} is given) or its firing units listed.
     *
     * @return the number of units listed (0 when copying)
     */
    private int encodeFeatures(double[] v, int in, int row, byte[] out, int o, int[] codes, int[] at,
            double[] values, int[] indices) {
        final int size = searchSize;
        final double[] t = thresholds;
        final int features = gains.length;
        int listed = 0;
        int f = 0;
        for (; f + 3 < features; f += 4) {
            double x0 = normalized(v[in + f], row, f);
            double x1 = normalized(v[in + f + 1], row, f + 1);
            double x2 = normalized(v[in + f + 2], row, f + 2);
            double x3 = normalized(v[in + f + 3], row, f + 3);
            int b0 = f * (size - 1);
            int b1 = b0 + size - 1;
            int b2 = b1 + size - 1;
            int b3 = b2 + size - 1;
            int c0 = 0;
            int c1 = 0;
            int c2 = 0;
            int c3 = 0;
            for (int step = size >> 1; step > 0; step >>= 1) {
                c0 += t[b0 + c0 + step - 1] <= x0 ? step : 0;
                c1 += t[b1 + c1 + step - 1] <= x1 ? step : 0;
                c2 += t[b2 + c2 + step - 1] <= x2 ? step : 0;
                c3 += t[b3 + c3 + step - 1] <= x3 ? step : 0;
            }
            listed = emit(f, c0, out, o, codes, at, values, indices, listed);
            listed = emit(f + 1, c1, out, o, codes, at, values, indices, listed);
            listed = emit(f + 2, c2, out, o, codes, at, values, indices, listed);
            listed = emit(f + 3, c3, out, o, codes, at, values, indices, listed);
        }
        for (; f < features; f++) {
            double x = normalized(v[in + f], row, f);
            int base = f * (size - 1);
            int c = 0;
            for (int step = size >> 1; step > 0; step >>= 1) {
                c += t[base + c + step - 1] <= x ? step : 0;
            }
            listed = emit(f, c, out, o, codes, at, values, indices, listed);
        }
        return listed;
    }

    /** Feature f's pattern for c thresholds: copied to {@code out}, or its firing units listed. */
    private int emit(int f, int c, byte[] out, int o, int[] codes, int[] at, double[] values, int[] indices,
            int listed) {
        final int n = gains[0].length;
        int pattern = (f * searchSize + c) * n;
        if (out != null) {
            System.arraycopy(patterns, pattern, out, o + f * n, n);
            return listed;
        }
        int index = at[f];
        for (int k = firstFiring[f * searchSize + c]; k < n; k++) {
            // Branch-free: a code table may still map a firing phase to 0 (then it is not listed).
            int code = codes[patterns[pattern + k]];
            values[listed] = code;
            indices[listed] = index + k;
            listed += code != 0 ? 1 : 0;
        }
        return listed;
    }

    private static double normalized(double x, int row, int feature) {
        if (!(x >= 0.0 && x <= 1.0) && x == x) {
            throw new IllegalArgumentException("row " + row + ", feature " + feature
                    + ": normalized value must be in [0, 1] or NaN, got " + x);
        }
        return x;
    }

    /** Rebuilds the derived search structures after deserialization (and re-validates the gains). */
    private Object readResolve() {
        return new ColumnEncoder(gains, table);
    }
}
