package org.hetquant.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.storage.StorageLevel;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.Normalization;

/**
 * The fitting rows of a data-fitted gain scale ({@code gainScale = auto} or {@code fitted}) held in the cluster:
 * each partition's normalized rows, cached as one block per partition while the engine's {@link GainScale}
 * searches the factor. Each count the search asks for is one Spark job summing the partitions' counts (the
 * engine's {@link GainScale#firing}), so the factor is the one the Weka node finds on the same rows.
 *
 * <p>Close it (in a {@code try}-with-resources) to release the cached rows.
 */
final class GainScaleRows implements GainScale.FittingRows, AutoCloseable {

    private final JavaRDD<double[][]> blocks;
    private final long rows;
    private final double smallest;
    private final double largest;

    GainScaleRows(JavaRDD<Vector> vectors, RowScreen screen, Normalization normalization, int features) {
        blocks = vectors.mapPartitionsWithIndex((partition, it) -> Collections.singletonList(
                normalized(it, screen, normalization, features, partition)).iterator(), false);
        blocks.persist(StorageLevel.MEMORY_AND_DISK());
        double[] range = blocks.map(block -> {
            GainScale.FittingRows part = GainScale.FittingRows.of(block, features);
            return new double[] {block.length, part.smallestPositive(), part.largestPositive()};
        }).reduce((a, b) -> new double[] {a[0] + b[0], Math.min(a[1], b[1]), Math.max(a[2], b[2])});
        rows = (long) range[0];
        smallest = range[1];
        largest = range[2];
    }

    private static double[][] normalized(Iterator<Vector> vectors, RowScreen screen, Normalization normalization,
            int features, int partition) {
        List<double[]> kept = new ArrayList<>();
        long row = 0;
        while (vectors.hasNext()) {
            Vector vector = vectors.next();
            row++;
            double[] x = new double[features];
            if (screen.screen(vector, x, row, partition)) {
                normalization.apply(x, x, row);
                kept.add(x);
            }
        }
        return kept.toArray(new double[0][]);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public double smallestPositive() {
        return smallest;
    }

    @Override
    public double largestPositive() {
        return largest;
    }

    @Override
    public long firing(ColumnGains gains, double threshold, double factor) {
        return blocks.map(block -> GainScale.firing(gains, block, threshold, factor)).reduce(Long::sum);
    }

    @Override
    public void close() {
        blocks.unpersist(false);
    }
}
