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
     * @throws IllegalArgumentException if a value is infinite (names the row and feature)
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
     * @param raw the raw features; {@code NaN} marks a missing value
     * @param out receives {@code v}, same length as {@code raw}; entries in [0, 1] summing to 1 over the
     *     non-missing features (all 0 if their sum is 0); missing features stay {@code NaN}. May be {@code raw}.
     * @param row the row index, used only in error messages
     * @return the number of values that were still negative after the shift and were clamped to 0 (always 0
     *     without the shift)
     * @throws IllegalArgumentException for an infinite value, or a negative value when the shift is disabled;
     *     the message names the feature index and the row
     */
    public int apply(double[] raw, double[] out, long row) {
        if (out.length != raw.length) {
            throw new IllegalArgumentException(
                    "out has length " + out.length + " but the row has " + raw.length + " features");
        }
        int clamped = 0;
        double sum = 0.0;
        for (int i = 0; i < raw.length; i++) {
            double x = raw[i];
            if (Double.isNaN(x)) {
                out[i] = Double.NaN;
                continue;
            }
            requireNotInfinite(x, i, row);
            x -= offset;
            if (x < 0.0) {
                if (!shiftEnabled) {
                    throw new IllegalArgumentException(
                            "feature " + i + " of row " + row + " is negative (" + raw[i]
                                    + "); L1 normalization needs values >= 0: enable the data-level shift or fix the data");
                }
                x = 0.0;
                clamped++;
            }
            out[i] = x;
            sum += x;
        }
        // Divide rather than multiply by 1/sum: v = x / sum(x) exactly as specified. A zero-sum row carries no
        // pattern, so it maps to zeros rather than 0/0.
        for (int i = 0; i < out.length; i++) {
            if (!Double.isNaN(out[i])) {
                out[i] = sum > 0.0 ? out[i] / sum : 0.0;
            }
        }
        return clamped;
    }

    private static void requireNotInfinite(double x, int feature, long row) {
        if (Double.isInfinite(x)) {
            throw new IllegalArgumentException(
                    "feature " + feature + " of row " + row + " is " + x + "; values must be finite (or missing)");
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
