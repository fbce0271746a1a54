package org.hetquant.spark;

import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.storage.StorageLevel;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.UpdateRule;

/**
 * The calibration pass of a fit: each partition's normalized rows go into one engine
 * {@link CalibrationSummary}; the summaries are merged and the merged summary yields the gains, the same gains the
 * Weka calibrating nodes fit on the same rows in the same order (while the summary is exact).
 *
 * <p>Merging: under the {@code final} rule a merge is order-free, so the summaries are combined in a tree on the
 * executors ({@code treeReduce}). The {@code faithful} rule depends on row order (the fit stops at the last row
 * that set a new running extreme), so there the summaries are merged on the driver in partition order, one
 * partition's summary at a time: the result is that of the rows in the DataFrame's order.
 */
final class Calibration {

    private Calibration() {}

    /**
     * Fits the gains.
     *
     * @param vectors the input vectors, one RDD element per row, {@code null} where the row has none
     * @param features the number of features (from the first pass)
     * @throws IllegalArgumentException for invalid values under {@code handleInvalid = error} (as
     *     {@link RowScreen#screen}), or when the rows cannot be calibrated (e.g. {@code faithful} with no
     *     non-zero value)
     */
    static ColumnGains fit(JavaRDD<Vector> vectors, RowScreen screen, Normalization normalization, int features,
            CalibrationParameters parameters, String stage) {
        JavaRDD<CalibrationSummary> summaries = vectors.mapPartitionsWithIndex((partition, rows) ->
                Collections.singletonList(summarize(rows, screen, normalization, features, parameters, partition))
                        .iterator(), false);
        CalibrationSummary merged = parameters.updateRule() == UpdateRule.FINAL
                ? summaries.treeReduce(CalibrationSummary::merge)
                : inPartitionOrder(summaries);
        try {
            return merged.gains();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(stage + ": " + e.getMessage(), e);
        }
    }

    private static CalibrationSummary summarize(Iterator<Vector> rows, RowScreen screen, Normalization normalization,
            int features, CalibrationParameters parameters, int partition) {
        CalibrationSummary summary = CalibrationSummary.create(features, parameters);
        double[] x = new double[features];
        long row = 0;
        while (rows.hasNext()) {
            Vector vector = rows.next();
            row++;
            if (screen.screen(vector, x, row, partition)) {
                normalization.apply(x, x, row);
                summary.add(x);
            }
        }
        return summary;
    }

    private static CalibrationSummary inPartitionOrder(JavaRDD<CalibrationSummary> summaries) {
        // Computed once on the executors, then fetched one partition at a time.
        summaries.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            summaries.count();
            Iterator<CalibrationSummary> ordered = summaries.toLocalIterator();
            CalibrationSummary merged = ordered.next();
            while (ordered.hasNext()) {
                merged.merge(ordered.next());
            }
            return merged;
        } finally {
            summaries.unpersist(false);
        }
    }
}
