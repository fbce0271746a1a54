package org.hetquant.spark;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.spark.ml.linalg.Vector;

/**
 * What a fit learns from the rows of one partition, mergeable across partitions: the number of features, the
 * rows used, and the global and per-feature minima that the engine's normalization subtracts under the shift and
 * offset policies ({@link org.hetquant.engine.Normalization#of}).
 *
 * <p>The minima are taken as {@link org.hetquant.engine.Normalization#fit} takes it on one machine: over every
 * value that is not missing; the rows and values {@code handleInvalid} drops or blanks are left out.
 */
final class FitSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Number of features, or −1 while no vector has been seen. */
    private int features;
    private long rows;
    private double minimum = Double.POSITIVE_INFINITY;
    /** Each feature's minimum, {@code +∞} where none was seen; {@code null} while no vector has been seen. */
    private double[] minima;

    private FitSummary(int features) {
        this.features = features;
    }

    /**
     * Summarizes one partition.
     *
     * @param vectors the partition's input vectors, {@code null} where the row has none
     * @param features the number of features if known (from the column's metadata), else −1
     * @throws IllegalArgumentException as {@link RowScreen#screen}
     */
    static FitSummary of(Iterator<Vector> vectors, RowScreen screen, int features, int partition) {
        FitSummary summary = new FitSummary(features);
        double[] x = features < 0 ? null : new double[features];
        long row = 0;
        while (vectors.hasNext()) {
            Vector vector = vectors.next();
            row++;
            if (x == null && vector != null) {
                summary.features = vector.size();
                x = new double[vector.size()];
            }
            if (summary.minima == null && x != null) {
                summary.minima = new double[x.length];
                Arrays.fill(summary.minima, Double.POSITIVE_INFINITY);
            }
            if (!screen.screen(vector, x == null ? new double[0] : x, row, partition) || x == null) {
                continue;
            }
            summary.rows++;
            for (int i = 0; i < x.length; i++) {
                // NaN (missing) fails the comparisons and is left out, as in Normalization.fit.
                if (x[i] < summary.minima[i]) {
                    summary.minima[i] = x[i];
                }
                if (x[i] < summary.minimum) {
                    summary.minimum = x[i];
                }
            }
        }
        return summary;
    }

    /**
     * This summary and {@code other} together; order-free (a commutative, associative merge).
     *
     * @throws IllegalArgumentException if the two saw vectors of different sizes
     */
    FitSummary merge(FitSummary other) {
        if (features >= 0 && other.features >= 0 && features != other.features) {
            throw new IllegalArgumentException("HetQuant: the input vectors differ in size (" + features + " and "
                    + other.features + " features); every row must have the same features");
        }
        FitSummary merged = new FitSummary(Math.max(features, other.features));
        merged.rows = rows + other.rows;
        merged.minimum = Math.min(minimum, other.minimum);
        if (minima == null || other.minima == null) {
            merged.minima = minima == null ? other.minima : minima;
        } else {
            merged.minima = new double[minima.length];
            for (int i = 0; i < minima.length; i++) {
                merged.minima[i] = Math.min(minima[i], other.minima[i]);
            }
        }
        return merged;
    }

    /** Number of features, or −1 if no row had a vector. */
    int features() {
        return features;
    }

    /** Rows that reached the fit (not skipped). */
    long rows() {
        return rows;
    }

    /** The minimum over the fitting data's values, as {@code Normalization.fit} finds it (0 if there were none). */
    double minimum() {
        return minimum == Double.POSITIVE_INFINITY ? 0.0 : minimum;
    }

    /** Each feature's minimum as {@code Normalization.fit} finds it ({@code NaN} for a feature with no value). */
    double[] featureMinima() {
        double[] m = new double[Math.max(features, 0)];
        for (int i = 0; i < m.length; i++) {
            m[i] = minima == null || minima[i] == Double.POSITIVE_INFINITY ? Double.NaN : minima[i];
        }
        return m;
    }
}
