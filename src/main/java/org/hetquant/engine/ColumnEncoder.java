package org.hetquant.engine;

import java.io.Serializable;
import java.nio.DoubleBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * column's n units change phase only at the union of their thresholds, one unit at each threshold, so encoding a
 * feature is finding the number c of thresholds ≤ x, a copy of the n-phase pattern stored for the nearest
 * checkpoint at or below c, and the few single-unit changes between that checkpoint and c. c is found from x's
 * bucket — the top bits of its IEEE representation, which grow with the value, index at most 2·(thresholds)
 * buckets between the first threshold and 1 — and a binary search over the few thresholds in that bucket,
 * written without data-dependent branches so the JIT can use conditional moves (for the paper's uniform column at
 * n = 16: 278 buckets, at most 7 thresholds in one, 3 search steps). It multiplies nothing and is identical to
 * the table on every input.
 *
 * <p><b>Memory: O(n) per distinct gain column, shared.</b> With the table's {@code levels} (16 for the paper's
 * neuron) there are at most {@code m = levels·n} thresholds per column. A pattern is stored every {@code B}
 * thresholds, B the smallest power of two ≥ n/32 (so B = 1, a pattern for every threshold, up to n = 32, the
 * paper's largest n). With the bucket index and each checkpoint's first firing unit (for sparse output), the
 * lookup structures of one column take at most {@code (73·levels + 1)·n + 8} bytes (≈ 1.17 KB per neuron for the
 * paper's neuron; the paper's uniform column takes 0.58 KB per neuron at n = 16 and 0.75 MB at n = 1000), and
 * features with equal gains (every
 * data-blind scheme) share one set, so an encoder needs at most that much per <em>distinct</em> gain column,
 * plus {@code 8·F·n} bytes for the gains themselves; {@link #tableBytes()} reports the exact figure. Encoding
 * copies n bytes and applies fewer than B changes per feature. Dense output through a code table may also keep
 * the stored patterns as output values, within a fixed budget ({@link #encode(double[], int[], double[], int[])}).
 *
 * <p>Inputs must lie in [0, 1] (thresholds above 1 are dropped); NaN silences the feature's n units.
 * Immutable and thread-safe.
 */
public final class ColumnEncoder implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Up to this n a pattern is stored for every threshold (B = 1); above it B grows with n, keeping O(n). */
    private static final int PATTERN_EVERY_THRESHOLD_UP_TO = 32;

    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    /** Largest total size of the coded patterns kept for dense output through a code table (fits a core's L2). */
    static final long CODED_BUDGET_BYTES = 256 * 1024;

    private final double[][] gains;
    private final PhaseTable table;

    /** Index into {@link #columns} of each feature's lookup structures. */
    private final transient int[] columnOf;
    /** The lookup structures of each distinct gain column. */
    private final transient Column[] columns;
    /** Whether the coded patterns of all distinct columns fit {@link #CODED_BUDGET_BYTES}. */
    private final transient boolean codedFits;
    /** The stored patterns through the last code table used for dense output; null until then. */
    private transient volatile CodedPatterns coded;

    /**
     * The stored patterns of every distinct column with a code table applied, as output values, and each
     * pattern's number of non-zero values: dense output then copies n doubles per feature instead of looking up
     * and converting each unit's code.
     */
    private static final class CodedPatterns {
        final int[] codes;
        /** Per distinct column, {@code codes[checkpoints[i]]} for every stored pattern's units. */
        final double[][] values;
        /** Per distinct column and stored pattern, how many of its values are not 0. */
        final int[][] nonZero;

        CodedPatterns(int[] codes, Column[] columns, int n) {
            this.codes = codes.clone();
            this.values = new double[columns.length][];
            this.nonZero = new int[columns.length][];
            for (int j = 0; j < columns.length; j++) {
                int patterns = columns[j].firstFiring.length;
                values[j] = new double[patterns * n];
                nonZero[j] = new int[patterns];
                for (int i = 0; i < patterns * n; i++) {
                    values[j][i] = codes[columns[j].checkpoints[i]];
                    nonZero[j][i / n] += values[j][i] != 0 ? 1 : 0;
                }
            }
        }
    }

    /** The lookup structures of one gain column: thresholds, checkpoint patterns and single-unit changes. */
    private static final class Column {
        /** Input-space thresholds, ascending, padded with +∞ (at least one entry). */
        final double[] thresholds;
        /**
         * Bucket index of the thresholds: bucket b holds the inputs whose IEEE bits shifted right by
         * {@code bucketShift} equal {@code firstKey + b} (for positive doubles the bits grow with the value), and
         * {@code bucketStart[b]} thresholds lie below it; at most {@code bucketSearch − 1} lie in any one bucket.
         */
        final int bucketShift;
        final long firstKey;
        final int[] bucketStart;
        /** Search length within a bucket, a power of two. */
        final int bucketSearch;
        /** log2 of B: a pattern is stored after every B thresholds. */
        final int strideShift;
        /** Phases of the n units after q·B thresholds, at [q·n, q·n + n); then two 0s. */
        final byte[] checkpoints;
        /** Crossing threshold i changes unit {@code unit[i]} to phase {@code phase[i]}. */
        final int[] unit;
        final byte[] phase;
        /**
         * First unit with a non-zero phase in each checkpoint pattern (n if none). With ascending gains the firing
         * units of a column are a suffix: a larger gain never gives a weaker drive.
         */
        final int[] firstFiring;

        Column(double[] gains, PhaseTable table) {
            int n = gains.length;
            double[] lowerBounds = table.lowerBounds();
            int capacity = n * lowerBounds.length;
            double[] x = new double[capacity];
            int[] owner = new int[capacity];
            int m = 0;
            for (int k = 0; k < n; k++) {
                for (double bound : lowerBounds) {
                    double t = inputThreshold(bound, gains[k]);
                    if (t <= 1.0) {
                        x[m] = t;
                        owner[m++] = k;
                    }
                }
            }
            // Ascending thresholds; equal ones in unit order, and a unit's own thresholds ascend with its levels.
            Integer[] order = new Integer[m];
            for (int i = 0; i < m; i++) {
                order[i] = i;
            }
            final double[] xs = x;
            final int[] owners = owner;
            Arrays.sort(order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b])
                    : owners[a] != owners[b] ? Integer.compare(owners[a], owners[b]) : Integer.compare(a, b));

            double[] sorted = new double[m];
            int stride = n <= PATTERN_EVERY_THRESHOLD_UP_TO ? 1
                    : Integer.highestOneBit((n + PATTERN_EVERY_THRESHOLD_UP_TO - 1) / PATTERN_EVERY_THRESHOLD_UP_TO - 1) << 1;
            this.strideShift = Integer.numberOfTrailingZeros(stride);
            this.unit = new int[m];
            this.phase = new byte[m];
            int patterns = m / stride + 1;
            // Two silent phases past the last pattern, for the sparse listing's unconditional reads.
            this.checkpoints = new byte[patterns * n + 2];
            byte[] state = new byte[n];
            for (int i = 0; i < m; i++) {
                int j = order[i];
                sorted[i] = x[j];
                unit[i] = owner[j];
                // The unit's phase once every threshold up to this input is crossed: the table at this input.
                phase[i] = (byte) table.phase(gains[owner[j]] * x[j]);
                state[unit[i]] = phase[i];
                if ((i + 1) % stride == 0) {
                    System.arraycopy(state, 0, checkpoints, ((i + 1) / stride) * n, n);
                }
            }
            // The bucket index: at most 2m buckets between the first threshold and 1 (the largest input).
            if (m == 0) {
                // Every input in [0, 1] falls in the one empty bucket.
                this.bucketShift = 63;
                this.firstKey = 0;
                this.bucketStart = new int[] {0};
                this.bucketSearch = 1;
            } else {
                long low = Double.doubleToRawLongBits(sorted[0]);
                long high = Double.doubleToRawLongBits(1.0);
                int shift = 0;
                while ((high >>> shift) - (low >>> shift) + 1 > 2L * m) {
                    shift++;
                }
                this.bucketShift = shift;
                this.firstKey = low >>> shift;
                int buckets = (int) ((high >>> shift) - firstKey + 1);
                this.bucketStart = new int[buckets + 1];
                for (double t : sorted) {
                    bucketStart[(int) ((Double.doubleToRawLongBits(t) >>> shift) - firstKey) + 1]++;
                }
                int most = 0;
                for (int b = 0; b < buckets; b++) {
                    most = Math.max(most, bucketStart[b + 1]);
                    bucketStart[b + 1] += bucketStart[b];
                }
                this.bucketSearch = Integer.highestOneBit(most) << 1;
            }
            this.thresholds = new double[Math.max(1, m + bucketSearch - 1)];
            Arrays.fill(thresholds, Double.POSITIVE_INFINITY);
            System.arraycopy(sorted, 0, thresholds, 0, m);
            this.firstFiring = new int[patterns];
            for (int q = 0; q < firstFiring.length; q++) {
                int k = 0;
                while (k < n && checkpoints[q * n + k] == 0) {
                    k++;
                }
                firstFiring[q] = k;
            }
        }

        long bytes() {
            return 8L * thresholds.length + 4L * bucketStart.length + checkpoints.length + 4L * unit.length
                    + phase.length + 4L * firstFiring.length;
        }
    }

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

        // Features with equal gains share one set of lookup structures.
        Map<DoubleBuffer, Integer> distinct = new HashMap<>();
        List<Column> built = new ArrayList<>();
        this.columnOf = new int[copy.length];
        for (int f = 0; f < copy.length; f++) {
            Integer index = distinct.get(DoubleBuffer.wrap(copy[f]));
            if (index == null) {
                index = built.size();
                built.add(new Column(copy[f], table));
                distinct.put(DoubleBuffer.wrap(copy[f]), index);
            }
            columnOf[f] = index;
        }
        this.columns = built.toArray(new Column[0]);
        long codedBytes = 0;
        for (Column c : columns) {
            codedBytes += 8L * c.firstFiring.length * n;
        }
        this.codedFits = codedBytes <= CODED_BUDGET_BYTES;
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
        requireNormalized(values, in, row);
        for (int f = 0; f < gains.length; f++) {
            double x = values[in + f];
            Column c = columns[columnOf[f]];
            int count = count(c, x);
            int q = count >>> c.strideShift;
            int at = o + f * n;
            System.arraycopy(c.checkpoints, q * n, out, at, n);
            for (int i = q << c.strideShift; i < count; i++) {
                out[at + c.unit[i]] = c.phase[i];
            }
        }
    }

    /**
     * Encodes one normalized row straight into a host's row of doubles, through a code table: unit k of feature
     * f writes {@code codes[phase]} to {@code out[at[f] + k]} (e.g. a Weka row whose attributes hold each
     * feature's n outputs side by side, and the codes of a {@link PhaseEncoding}).
     *
     * <p>The first call with a code table applies it to the stored patterns, so that each feature then copies n
     * values; a call with another table replaces them. They take 8 bytes per unit and stored pattern and are kept
     * only while those of all distinct columns take at most {@link #CODED_BUDGET_BYTES} (a shared column up to n = 32
     * takes at most 131 KB; beyond the budget each unit's code is looked up, which gives the same values).
     *
     * @param v length {@link #features()}, values in [0, 1] or NaN (silent column)
     * @param codes output value of each paper phase, indexed 0 … {@link PhaseTable#weakestPhase()}
     * @param out receives the values
     * @param at per feature, the index in {@code out} of its first unit; each feature needs n places from there
     * @return the number of units written with a non-zero code (0: the whole row is silent under these codes)
     */
    public int encode(double[] v, int[] codes, double[] out, int[] at) {
        if (v == null || v.length != gains.length || at == null || at.length != gains.length) {
            throw new IllegalArgumentException("v and at must have length features = " + gains.length + ", got "
                    + (v == null ? "null" : v.length) + " and " + (at == null ? "null" : at.length));
        }
        if (codes == null || codes.length <= table.weakestPhase()) {
            throw new IllegalArgumentException("codes must have an entry for every phase 0 … " + table.weakestPhase());
        }
        final int n = gains[0].length;
        int written = 0;
        requireNormalized(v, 0, -1);
        CodedPatterns coded = coded(codes, n);
        for (int f = 0; f < gains.length; f++) {
            double x = v[f];
            if (at[f] < 0 || at[f] + n > out.length) {
                throw new IllegalArgumentException("out must have room for " + n + " values from at[" + f + "] = "
                        + at[f] + ", but has length " + out.length);
            }
            int j = columnOf[f];
            Column c = columns[j];
            int count = count(c, x);
            int q = count >>> c.strideShift;
            int o = at[f];
            int p = q * n;
            int start = q << c.strideShift;
            if (start == count && coded != null) {
                System.arraycopy(coded.values[j], p, out, o, n);
                written += coded.nonZero[j][q];
            } else if (start == count) {
                // At a checkpoint (always for n ≤ 32): its pattern, counted as it is written.
                for (int k = 0; k < n; k++) {
                    int code = codes[c.checkpoints[p + k]];
                    out[o + k] = code;
                    written += code != 0 ? 1 : 0;
                }
            } else {
                for (int k = 0; k < n; k++) {
                    out[o + k] = codes[c.checkpoints[p + k]];
                }
                for (int i = start; i < count; i++) {
                    out[o + c.unit[i]] = codes[c.phase[i]];
                }
                for (int k = 0; k < n; k++) {
                    written += out[o + k] != 0 ? 1 : 0;
                }
            }
        }
        return written;
    }

    /**
     * The stored patterns through {@code codes}, built on first use and again when the code table changes, or null
     * if they would take more than {@link #CODED_BUDGET_BYTES} (then each unit's code is looked up).
     */
    private CodedPatterns coded(int[] codes, int n) {
        CodedPatterns current = coded;
        if (current != null && Arrays.equals(current.codes, codes)) {
            return current;
        }
        if (!codedFits) {
            return null;
        }
        current = new CodedPatterns(codes, columns, n);
        coded = current;
        return current;
    }

    /**
     * Encodes one normalized row and lists only the units whose output code is not 0, for sparse output: unit
     * k of feature f is listed as index {@code at[f] + k} with value {@code codes[phase]}, in feature and then unit
     * order. The codes are those {@link #encode(double[], int[], double[], int[])} writes; silent units cost
     * nothing where a pattern is stored for every threshold (n ≤ 32), as only a column's firing suffix is visited.
     *
     * @param v       length {@link #features()}, values in [0, 1] or NaN (silent column)
     * @param codes   output code of each paper phase, indexed 0 … {@link PhaseTable#weakestPhase()}, 0 for phase 0
     *                (e.g. {@link PhaseEncoding#lookup})
     * @param at      per feature, the index listed for its unit 0
     * @param values  receives the listed codes; length ≥ {@link #units()}
     * @param indices receives their indices; length ≥ {@link #units()}
     * @return the number of units listed
     * @throws IllegalArgumentException if a value is outside [0, 1] (naming the feature), or an argument is short
     */
    public int encodeNonZero(double[] v, int[] codes, int[] at, double[] values, int[] indices) {
        if (v == null || v.length != gains.length || at == null || at.length != gains.length) {
            throw new IllegalArgumentException("v and at must have length features = " + gains.length + ", got "
                    + (v == null ? "null" : v.length) + " and " + (at == null ? "null" : at.length));
        }
        if (codes == null || codes.length <= table.weakestPhase() || codes[0] != 0) {
            throw new IllegalArgumentException("codes must have an entry for every phase 0 … " + table.weakestPhase()
                    + ", and 0 (silence) for phase 0");
        }
        int units = units();
        if (values == null || indices == null || values.length < units || indices.length < units) {
            throw new IllegalArgumentException("values and indices must have room for units = " + units);
        }
        int n = gains[0].length;
        // Scratch for a pattern between checkpoints, which exist only above n = 32.
        byte[] state = n > PATTERN_EVERY_THRESHOLD_UP_TO ? new byte[n] : null;
        int listed = 0;
        requireNormalized(v, 0, -1);
        for (int f = 0; f < gains.length; f++) {
            Column c = columns[columnOf[f]];
            listed = listFiring(c, n, count(c, v[f]), codes, at[f], state, values, indices, listed);
        }
        return listed;
    }

    /**
     * Lists the units of one column with a non-zero code once {@code count} thresholds are crossed.
     *
     * @param state scratch of n phases, for a pattern between checkpoints (null if n ≤ 32: there are none)
     * @return the new number listed
     */
    private static int listFiring(Column c, int n, int count, int[] codes, int at, byte[] state, double[] values,
            int[] indices, int listed) {
        int q = count >>> c.strideShift;
        byte[] pattern = c.checkpoints;
        int p = q * n;
        int first = c.firstFiring[q];
        int start = q << c.strideShift;
        if (start < count) {
            // Between checkpoints (n > 32): the checkpoint plus the single-unit changes, scanned in full.
            System.arraycopy(pattern, p, state, 0, n);
            for (int i = start; i < count; i++) {
                state[c.unit[i]] = c.phase[i];
            }
            pattern = state;
            p = 0;
            first = 0;
        }
        int k = first;
        if (pattern == c.checkpoints && n >= 2) {
            // The first two units of the firing suffix (most of it on sparse rows) without a branch on its length,
            // which real rows vary at random: a unit past the column (k ≥ n) is written and not counted, and is
            // overwritten by the next listing or left beyond the count. n ≥ 2 keeps both places within units().
            int code = codes[pattern[p + k]];
            values[listed] = code;
            indices[listed] = at + k;
            listed += code != 0 & k < n ? 1 : 0;
            code = codes[pattern[p + k + 1]];
            values[listed] = code;
            indices[listed] = at + k + 1;
            listed += code != 0 & k + 1 < n ? 1 : 0;
            k += 2;
        }
        for (; k < n; k++) {
            // Branch-free: a code table may still map a firing phase to 0, and then the unit is not listed.
            int code = codes[pattern[p + k]];
            values[listed] = code;
            indices[listed] = at + k;
            listed += code != 0 ? 1 : 0;
        }
        return listed;
    }

    /**
     * Number of the column's thresholds ≤ x (0 for NaN): the thresholds below x's bucket, plus a branch-free
     * binary search over the few in it.
     */
    private static int count(Column c, double x) {
        if (x != x) {
            return 0;
        }
        double[] t = c.thresholds;
        // Inputs below the first bucket (0 among them; +0.0 also turns -0.0 into 0) search the first bucket, whose
        // thresholds all lie above them: no branch on whether x reaches the first threshold, which real rows
        // cross at random.
        long key = Math.max(0L, (Double.doubleToRawLongBits(x + 0.0) >>> c.bucketShift) - c.firstKey);
        int count = c.bucketStart[(int) key];
        // The usual search lengths unrolled: the JIT compiles a loop whose length it cannot see into slower code.
        switch (c.bucketSearch) {
            case 8:
                count += t[count + 3] <= x ? 4 : 0;
                // fall through
            case 4:
                count += t[count + 1] <= x ? 2 : 0;
                // fall through
            case 2:
                count += t[count] <= x ? 1 : 0;
                // fall through
            case 1:
                return count;
            default:
                for (int step = c.bucketSearch >> 1; step > 0; step >>= 1) {
                    count += t[count + step - 1] <= x ? step : 0;
                }
                return count;
        }
    }

    /**
     * Checks the features of one row, {@code values[in … in + features())}: a scan without branches, and the
     * precise check, which names the first offending feature, only if some value is not a plain number in [0, 1].
     */
    private void requireNormalized(double[] values, int in, int row) {
        // Unsigned, the bits of the doubles in [0, 1] are exactly those up to 1.0's; NaN and -0.0 lie above. The
        // largest, as a signed maximum of the bits offset by 2^63, needs no branch.
        long largest = Long.MIN_VALUE;
        for (int f = 0; f < gains.length; f++) {
            largest = Math.max(largest, Double.doubleToRawLongBits(values[in + f]) + Long.MIN_VALUE);
        }
        if (largest > ONE_BITS + Long.MIN_VALUE) {
            for (int f = 0; f < gains.length; f++) {
                requireNormalized(values[in + f], row, f);
            }
        }
    }

    private static void requireNormalized(double x, int row, int feature) {
        if (!(x >= 0.0 && x <= 1.0) && x == x) {
            throw new IllegalArgumentException((row >= 0 ? "row " + row + ", " : "") + "feature " + feature
                    + ": normalized value must be in [0, 1] or NaN, got " + x);
        }
    }

    /**
     * Bytes held by the lookup structures (thresholds, patterns, changes) of all distinct gain columns; at most
     * {@code (73·levels + 1)·n + 8} per distinct column (see the class note). The gains themselves are not counted.
     */
    public long tableBytes() {
        long bytes = 0;
        for (Column c : columns) {
            bytes += c.bytes();
        }
        return bytes;
    }

    /** Number of distinct gain columns, each with its own lookup structures (1 for every data-blind scheme). */
    public int distinctColumns() {
        return columns.length;
    }

    /** Rebuilds the derived search structures after deserialization (and re-validates the gains). */
    private Object readResolve() {
        return new ColumnEncoder(gains, table);
    }
}
