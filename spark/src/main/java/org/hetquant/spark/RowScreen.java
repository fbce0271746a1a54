package org.hetquant.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.ml.linalg.DenseVector;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;

/**
 * Applies {@code handleInvalid} to one row's feature vector before it reaches the engine, in fit and transform
 * alike. A value is invalid when it is NaN, infinite, or negative under {@code negativeValues = error}; a null vector is a row whose every value is invalid. A vector of
 * the wrong size is always an error: it is a schema problem, not a bad value.
 *
 * <p>Rows are named by their position in their partition, counted from 1, because a Spark row has no global
 * index without an extra pass over the data.
 */
final class RowScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String stage;
    private final String policy;
    /** Whether a negative value is invalid ({@code negativeValues = error}). */
    private final boolean rejectNegative;
    /** Feature names from the input column's ML attribute metadata, or {@code null}. */
    private final String[] names;

    RowScreen(String stage, String policy, boolean rejectNegative, String[] names) {
        this.stage = stage;
        this.policy = policy;
        this.rejectNegative = rejectNegative;
        this.names = names;
    }

    /**
     * Copies a row's features into {@code out} after applying the policy.
     *
     * @param vector the row's input vector, possibly {@code null}
     * @param out receives the features; its length is the expected size
     * @param row the row's position in its partition, from 1
     * @param partition the partition's index
     * @return {@code false} if the row is to be dropped ({@code skip}); under {@code keep} every invalid value is
     *     replaced by NaN (missing)
     * @throws IllegalArgumentException under {@code error} for an invalid value (naming the feature, the row and
     *     the value), and under any policy for a vector of the wrong size
     */
    boolean screen(Vector vector, double[] out, long row, int partition) {
        if (vector == null) {
            switch (policy) {
                case HetQuantParams.ERROR -> throw new IllegalArgumentException(stage + ": row " + row
                        + " of partition " + partition + " has a null vector; handleInvalid = \"error\" rejects it; "
                        + otherPolicies("every feature missing: all neurons silent"));
                case HetQuantParams.SKIP -> {
                    return false;
                }
                default -> {
                    Arrays.fill(out, Double.NaN);
                    return true;
                }
            }
        }
        if (vector.size() != out.length) {
            throw new IllegalArgumentException(stage + ": row " + row + " of partition " + partition + " has "
                    + vector.size() + " features, expected " + out.length);
        }
        copy(vector, out);
        for (int i = 0; i < out.length; i++) {
            double x = out[i];
            if (Double.isNaN(x) || Double.isInfinite(x) || (x < 0 && rejectNegative)) {
                switch (policy) {
                    case HetQuantParams.ERROR -> throw new IllegalArgumentException(stage + ": " + feature(i)
                            + " of row " + row + " of partition " + partition + " is " + x + "; " + remedy());
                    case HetQuantParams.SKIP -> {
                        return false;
                    }
                    default -> out[i] = Double.NaN;
                }
            }
        }
        return true;
    }

    /** The feature's name in messages: its attribute name when the input column has one, and its index. */
    String feature(int i) {
        return names != null ? "feature '" + names[i] + "' (index " + i + ")" : "feature " + i;
    }

    private static void copy(Vector vector, double[] out) {
        if (vector instanceof DenseVector dense) {
            System.arraycopy(dense.values(), 0, out, 0, out.length);
        } else {
            SparseVector sparse = (SparseVector) vector;
            Arrays.fill(out, 0.0);
            int[] indices = sparse.indices();
            double[] values = sparse.values();
            for (int j = 0; j < indices.length; j++) {
                out[indices[j]] = values[j];
            }
        }
    }

    private String remedy() {
        return "handleInvalid = \"error\" accepts only finite values"
                + (rejectNegative ? " >= 0 (negativeValues = \"error\")" : "")
                + "; " + otherPolicies("treat it as missing: the feature's neurons stay silent");
    }

    /** The two policies that let the row through, with what {@code keep} does to it. */
    private static String otherPolicies(String keepMeans) {
        return "set handleInvalid to \"keep\" (" + keepMeans + ") or \"skip\" (drop the row)";
    }
}
