package org.hetquant.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.api.java.UDF1;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseEncoding;

/**
 * The transform of one row's input vector into its phase codes, computed by the engine exactly as the Weka
 * composite node does (normalization → column encoder → phase code), as a column function: Spark passes it the
 * input vector alone, not the whole row.
 *
 * <p>It counts the rows it sees so that an error can name the row's position in its partition (from 1). That is
 * right because {@link HetQuantModel} registers it as non-deterministic, so Spark evaluates it exactly once per
 * row, in the partition's order, and because every task works on its own deserialized copy (the count starts at
 * 0 in each). It returns {@code null} for a row that {@code handleInvalid = skip} drops; the model then filters
 * those rows out.
 */
final class EncodeVector implements UDF1<Vector, Vector> {

    private static final long serialVersionUID = 1L;

    private final RowScreen screen;
    private final Normalization normalization;
    private final ColumnEncoder encoder;
    private final PhaseEncoding encoding;
    /** Per task (transient: a fresh copy starts at 0): rows seen, the scratch row, the codes and output places. */
    private transient long row;
    private transient double[] x;
    private transient int[] codes;
    private transient int[] at;

    EncodeVector(RowScreen screen, Normalization normalization, ColumnEncoder encoder, PhaseEncoding encoding) {
        this.screen = screen;
        this.normalization = normalization;
        this.encoder = encoder;
        this.encoding = encoding;
    }

    @Override
    public Vector call(Vector vector) {
        if (x == null) {
            x = new double[encoder.features()];
            codes = encoding.lookup(encoder.table());
            int n = encoder.duplication();
            at = new int[encoder.features()];
            for (int f = 0; f < at.length; f++) {
                at[f] = f * n;
            }
        }
        row++;
        if (!screen.screen(vector, x, row, TaskContext.getPartitionId())) {
            return null;
        }
        normalization.apply(x, x, row);
        double[] out = new double[encoder.units()];
        encoder.encode(x, codes, out, at);
        return Vectors.dense(out);
    }
}
