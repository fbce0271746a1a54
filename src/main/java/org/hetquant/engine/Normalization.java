package org.hetquant.engine;

import java.io.Serializable;

/**
 * Data-blind per-sample normalization of the ET layer (docs/method.md §2(a)): {@code v_i = x_i / sum_j x_j}, exact L1.
 *
 * <p>The network's shunting inhibition is exactly L1 (the diagonal is re-enabled), so this is computed in
 * closed form. A row whose sum is 0 maps to all zeros. A missing feature ({@code NaN}) is left out of the sum
 * and stays {@code NaN}, so its neurons stay silent downstream while the rest of the row is still produced.
 *
 * <p><b>Data-level shift.</b> L1 normalization needs non-negative inputs. With the shift enabled, the global
 * minimum of the fitting data is learned once (one scalar for all features, as the authors' data preparation
 * does) and, when it is negative, subtracted from every value. Values that are still negative when the
 * normalization is applied later are clamped to 0 and counted; {@link #apply} returns that count so the caller
 * can report it. With the shift disabled a negative value is an error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Normalization implements Serializable {

    private static final long serialVersionUID = 1L;

    private final boolean shiftEnabled;
    /** Amount subtracted from every raw value: the learned global minimum if negative, else 0. Always ≤ 0. */
    private final double offset;

    private Normalization(boolean shiftEnabled, double offset) {
        this.shiftEnabled = shiftEnabled;
        this.offset = offset;
    }

    /** Plain L1 normalization: negative inputs are rejected. */
    public static Normalization withoutShift() {
        return new Normalization(false, 0.0);
    }

    /**
     * L1 normalization after the data-level shift.
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
        return new Normalization(true, Math.min(globalMinimum, 0.0));
    }

    /**
     * Fits the normalization on raw rows.
     *
     * @param rows raw feature rows (missing values as {@code NaN} are ignored)
     * @param shift whether to learn and apply the data-level shift
     * @throws InvalidValueException if a value is infinite (names the row and feature)
     */
    public static Normalization fit(double[][] rows, boolean shift) {
        if (!shift) {
            return withoutShift();
        }
        double min = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            for (int i = 0; i < row.length; i++) {
                double x = row[i];
                requireNotInfinite(x, i, r);
                if (x < min) {
                    min = x;
                }
            }
        }
        return withShift(min == Double.POSITIVE_INFINITY ? 0.0 : min);
    }

    /** Whether the data-level shift is applied. */
    public boolean shiftEnabled() {
        return shiftEnabled;
    }

    /** The learned global minimum when it is negative (the amount subtracted is its negation), else 0. */
    public double offset() {
        return offset;
    }

    /**
     * Normalizes one raw row.
     *
     * <p>Every finite row gives its exact L1 shares: the shifted values are scaled by a power of two so that the
     * largest is in [1, 2) before they are summed, which is exact and cannot overflow (a row of 1e308 values
     * gives equal shares, not zeros), and the shift itself is computed at half scale when {@code x − offset}
     * would exceed the largest double. For rows that neither overflow nor underflow the result is bit for bit
     * {@code x_i / sum_j x_j}; a share below 2^-1022 (≈ 2.2e-308) may differ from the correctly rounded one by
     * one unit in the last place. −0.0 is read as 0 and gives +0.0.
     *
     * @param raw the raw features; {@code NaN} marks a missing value
     * @param out receives {@code v}, same length as {@code raw}; entries in [0, 1] summing to 1 over the
     *     non-missing features (all 0 if their sum is 0); missing features stay {@code NaN}. May be {@code raw}.
     * @param row the row index, used only in error messages
     * @return the number of values that were still negative after the shift and were clamped to 0 (always 0
     *     without the shift)
     * @throws InvalidValueException for an infinite value, or a negative value when the shift is disabled,
     *     naming the feature index and the row
     */
    public int apply(double[] raw, double[] out, long row) {
        if (out.length != raw.length) {
            throw new IllegalArgumentException(
                    "out has length " + out.length + " but the row has " + raw.length + " features");
        }
        // Pass 1 reads only (out may be raw): validate and find the largest value that is not clamped.
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (Double.isNaN(x)) {
                continue;
            }
            requireNotInfinite(x, i, row);
            if (x < offset && !shiftEnabled) {
                throw new InvalidValueException(row, i, x, InvalidValueException.Problem.NEGATIVE,
                        "L1 normalization needs values >= 0");
            }
            top = Math.max(top, x);
        }
        // x - offset overflows only for a negative offset and x near the largest double; halving both is exact.
        boolean halve = Double.isInfinite(top - offset);
        double half = offset * 0.5;
        int clamped = 0;
        double max = 0.0;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
            } else if (x < offset) {
                out[i] = 0.0;
                clamped++;
            } else {
                // x >= offset, so the difference is >= 0; adding +0.0 turns -0.0 into +0.0.
                double d = (halve ? x * 0.5 - half : x - offset) + 0.0;
                out[i] = d;
                max = Math.max(max, d);
            }
        }
        if (max == 0.0) {
            // A zero-sum row carries no pattern, so it maps to zeros rather than 0/0.
            return clamped;
        }
        // Scaling by a power of two is exact and keeps v = x / sum(x) exactly as specified.
        double scale = Math.scalb(1.0, -Math.getExponent(max));
        double sum = 0.0;
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] *= scale;
                sum += out[i];
            }
        }
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] /= sum;
            }
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
                && n.shiftEnabled == shiftEnabled
                && Double.compare(n.offset, offset) == 0;
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(shiftEnabled) * 31 + Double.hashCode(offset);
    }

    @Override
    public String toString() {
        return shiftEnabled
                ? "L1 normalization after shift by " + (-offset)
                : "L1 normalization (no shift)";
    }
}
