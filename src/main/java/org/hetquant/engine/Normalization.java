package org.hetquant.engine;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Data-blind per-sample normalization of the ET layer (docs/method.md §2(a)): {@code v_i = x_i / sum_j x_j}, exact L1.
 *
 * <p>The network's shunting inhibition is exactly L1 (the diagonal is re-enabled), so this is computed in
 * closed form. A row whose sum is 0 maps to all zeros. A missing feature ({@code NaN}) is left out of the sum
 * and stays {@code NaN}, so its neurons stay silent downstream while the rest of the row is still produced.
 *
 * <p><b>Negative values.</b> L1 normalization needs non-negative inputs; a {@link NegativePolicy} says what
 * happens to negatives: clipped to 0 ({@link NegativePolicy#CLIP}), each feature shifted by its own negative
 * minimum over the fitting data ({@link NegativePolicy#OFFSET}), every value shifted by the fitting data's
 * negative global minimum (the paper's data-level shift, {@link NegativePolicy#SHIFT}: one scalar for all
 * features, as the authors' data preparation does), or an error ({@link NegativePolicy#ERROR}). Except with
 * {@code ERROR}, a value still negative when the normalization is applied is clamped to 0 and counted;
 * {@link #apply} returns that count so the caller can report it.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Normalization implements Serializable {

    private static final long serialVersionUID = 2L;

    private final NegativePolicy policy;
    /** Amount subtracted from every raw value ({@link NegativePolicy#SHIFT}): the learned global minimum, ≤ 0. */
    private final double offset;
    /** Amount subtracted from each feature ({@link NegativePolicy#OFFSET}), each ≤ 0; empty otherwise. */
    private final double[] featureOffsets;

    private Normalization(NegativePolicy policy, double offset, double[] featureOffsets) {
        this.policy = policy;
        this.offset = offset;
        this.featureOffsets = featureOffsets;
    }

    /** Plain L1 normalization: a negative input is an error ({@link NegativePolicy#ERROR}). */
    public static Normalization withoutShift() {
        return new Normalization(NegativePolicy.ERROR, 0.0, new double[0]);
    }

    /** L1 normalization after clipping negative inputs to 0 ({@link NegativePolicy#CLIP}); learns nothing. */
    public static Normalization clipping() {
        return new Normalization(NegativePolicy.CLIP, 0.0, new double[0]);
    }

    /**
     * L1 normalization after the paper's data-level shift ({@link NegativePolicy#SHIFT}).
     *
     * @param globalMinimum the minimum over all features and rows of the fitting data (finite); only a negative
     *     minimum shifts the data
     * @throws IllegalArgumentException if {@code globalMinimum} is not finite
     */
    public static Normalization withShift(double globalMinimum) {
        if (!Double.isFinite(globalMinimum)) {
            throw new IllegalArgumentException(
                    "globalMinimum must be a finite number, got " + globalMinimum);
        }
        return new Normalization(NegativePolicy.SHIFT, Math.min(globalMinimum, 0.0), new double[0]);
    }

    /**
     * L1 normalization after per-feature offsets ({@link NegativePolicy#OFFSET}).
     *
     * @param featureMinima each feature's minimum over the fitting data (finite; {@code NaN} for a feature with
     *     no value); only a negative minimum shifts its feature
     * @throws IllegalArgumentException if a minimum is infinite, naming the feature
     */
    public static Normalization withFeatureOffsets(double[] featureMinima) {
        double[] offsets = new double[featureMinima.length];
        for (int i = 0; i < offsets.length; i++) {
            double m = featureMinima[i];
            if (Double.isInfinite(m)) {
                throw new IllegalArgumentException("the minimum of feature " + i + " must be finite, got " + m);
            }
            offsets[i] = Double.isNaN(m) ? 0.0 : Math.min(m, 0.0);
        }
        return new Normalization(NegativePolicy.OFFSET, 0.0, offsets);
    }

    /**
     * Fits the normalization on raw rows.
     *
     * @param rows raw feature rows, all of the same length (missing values as {@code NaN} are ignored)
     * @param policy what to do with negative values; only {@link NegativePolicy#fits() OFFSET and SHIFT} learn
     *     from the rows
     * @throws InvalidValueException if a value is infinite (names the row and feature)
     * @throws IllegalArgumentException if the rows differ in length, naming the row
     */
    public static Normalization fit(double[][] rows, NegativePolicy policy) {
        switch (policy) {
            case ERROR:
                return withoutShift();
            case CLIP:
                return clipping();
            default:
                break;
        }
        int features = rows.length == 0 ? 0 : rows[0].length;
        double[] minima = new double[features];
        Arrays.fill(minima, Double.POSITIVE_INFINITY);
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            if (row.length != features) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + row.length + " features but row 0 has " + features);
            }
            for (int i = 0; i < row.length; i++) {
                double x = row[i];
                requireNotInfinite(x, i, r);
                // Comparisons skip NaN (a missing value), which Math.min would propagate.
                if (x < minima[i]) {
                    minima[i] = x;
                }
                if (x < min) {
                    min = x;
                }
            }
        }
        for (int i = 0; i < features; i++) {
            if (minima[i] == Double.POSITIVE_INFINITY) {
                minima[i] = Double.NaN;
            }
        }
        return of(policy, min == Double.POSITIVE_INFINITY ? 0.0 : min, minima);
    }

    /**
     * The normalization of a policy from the fitting data's minima, found by the caller (e.g. merged over a
     * cluster's partitions as {@link #fit} finds them on one machine).
     *
     * @param globalMinimum the minimum over all features and rows (finite, 0 if there was no value); used by
     *     {@link NegativePolicy#SHIFT}
     * @param featureMinima each feature's minimum ({@code NaN} for a feature with no value); used by
     *     {@link NegativePolicy#OFFSET}
     * @throws IllegalArgumentException as {@link #withShift} and {@link #withFeatureOffsets}
     */
    public static Normalization of(NegativePolicy policy, double globalMinimum, double[] featureMinima) {
        return switch (policy) {
            case ERROR -> withoutShift();
            case CLIP -> clipping();
            case SHIFT -> withShift(globalMinimum);
            case OFFSET -> withFeatureOffsets(featureMinima);
        };
    }

    /** The policy for negative values. */
    public NegativePolicy policy() {
        return policy;
    }

    /** The learned global minimum when it is negative ({@link NegativePolicy#SHIFT}), else 0. */
    public double offset() {
        return offset;
    }

    /** Each feature's learned negative minimum ({@link NegativePolicy#OFFSET}; 0 where none); else empty. */
    public double[] featureOffsets() {
        return featureOffsets.clone();
    }

    /** What is subtracted from feature i: its own offset, or the global one. */
    private double offsetOf(int i) {
        return policy == NegativePolicy.OFFSET ? featureOffsets[i] : offset;
    }

    /**
     * Normalizes one raw row.
     *
     * <p>Every finite row gives its exact L1 shares: the shifted values are scaled by a power of two so that the
     * largest is in [1, 2) before they are summed, which is exact and cannot overflow (a row of 1e308 values
     * gives equal shares, not zeros), and the shift itself is computed at half scale when {@code x − offset}
     * would exceed the largest double for some feature. For rows that neither overflow nor underflow the result is bit for bit
     * {@code x_i / sum_j x_j}; a share below 2^-1022 (≈ 2.2e-308) may differ from the correctly rounded one by
     * one unit in the last place. −0.0 is read as 0 and gives +0.0.
     *
     * @param raw the raw features; {@code NaN} marks a missing value
     * @param out receives {@code v}, same length as {@code raw}; entries in [0, 1] summing to 1 over the
     *     non-missing features (all 0 if their sum is 0); missing features stay {@code NaN}. May be {@code raw}.
     * @param row the row index, used only in error messages
     * @return the number of values that were still negative after any offset and were clamped to 0 (always 0
     *     with {@link NegativePolicy#ERROR})
     * @throws InvalidValueException for an infinite value, or a negative value with {@link NegativePolicy#ERROR},
     *     naming the feature index and the row
     * @throws IllegalArgumentException if the row's length differs from the fitted per-feature offsets
     */
    public int apply(double[] raw, double[] out, long row) {
        if (out.length != raw.length) {
            throw new IllegalArgumentException(
                    "out has length " + out.length + " but the row has " + raw.length + " features");
        }
        if (policy == NegativePolicy.OFFSET && featureOffsets.length != raw.length) {
            throw new IllegalArgumentException("row " + row + " has " + raw.length
                    + " features but the per-feature offsets were fitted on " + featureOffsets.length);
        }
        final boolean error = policy == NegativePolicy.ERROR;
        // Pass 1 reads only (out may be raw): validate, note missing values, see whether some x − offset overflows
        // (then both are halved, which is exact), and find the largest x − offset. Rounding is monotone, so that is
        // the largest shifted value, and for values ≥ 0 the order of the IEEE bits is the order of the values: a
        // long maximum needs no floating-point compare chain (negative differences, clamped later, have the sign
        // bit set and never win over 0).
        boolean missing = false;
        boolean halve = false;
        long maxBits = 0;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            double d = x - offsetOf(i);
            if (!(Math.abs(d) <= Double.MAX_VALUE) || error && x < 0.0) {
                if (Double.isNaN(x)) {
                    missing = true;
                    continue;
                }
                requireNotInfinite(x, i, row);
                if (error && x < 0.0) {
                    throw new InvalidValueException(row, i, x, InvalidValueException.Problem.NEGATIVE,
                            "L1 normalization needs values >= 0");
                }
                halve = true;
                continue;
            }
            maxBits = Math.max(maxBits, Double.doubleToRawLongBits(d));
        }
        if (halve) {
            maxBits = 0;
            for (int i = 0; i < raw.length; i++) {
                double x = raw[i];
                if (!Double.isNaN(x)) {
                    double off = offsetOf(i);
                    maxBits = Math.max(maxBits, Double.doubleToRawLongBits(x * 0.5 - off * 0.5));
                }
            }
        }
        // Scaling by a power of two so that the largest value is in [1, 2) is exact, so the sum of the scaled values
        // cannot overflow and v = x / sum(x) stays exactly as specified.
        double scale = Math.scalb(1.0, -Math.getExponent(Double.longBitsToDouble(maxBits)));
        int clamped = 0;
        double sum = 0.0;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (missing && Double.isNaN(x)) {
                out[i] = Double.NaN;
                continue;
            }
            double off = offsetOf(i);
            // x >= offset gives a difference >= 0; adding +0.0 turns -0.0 into +0.0.
            double d = x < off ? 0.0 : (halve ? x * 0.5 - off * 0.5 : x - off) + 0.0;
            clamped += x < off ? 1 : 0;
            out[i] = d * scale;
            sum += out[i];
        }
        if (sum == 0.0) {
            // A zero-sum row carries no pattern, so it maps to zeros rather than 0/0.
            return clamped;
        }
        // Missing values stay NaN through the division.
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return clamped;
    }

    private static void requireNotInfinite(double x, int feature, long row) {
        if (Double.isInfinite(x)) {
            throw new InvalidValueException(row, feature, x, InvalidValueException.Problem.NOT_FINITE,
                    "values must be finite (or missing)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n
                && n.policy == policy
                && Double.compare(n.offset, offset) == 0
                && Arrays.equals(n.featureOffsets, featureOffsets);
    }

    @Override
    public int hashCode() {
        return (policy.hashCode() * 31 + Double.hashCode(offset)) * 31 + Arrays.hashCode(featureOffsets);
    }

    @Override
    public String toString() {
        switch (policy) {
            case CLIP:
                return "L1 normalization (negative values clipped to 0)";
            case SHIFT:
                return "L1 normalization after shift by " + (-offset);
            case OFFSET: {
                StringBuilder s = new StringBuilder("L1 normalization after per-feature shifts by");
                for (double o : featureOffsets) {
                    s.append(" ").append(0.0 - o);
                }
                return s.toString();
            }
            default:
                return "L1 normalization (no shift)";
        }
    }
}
