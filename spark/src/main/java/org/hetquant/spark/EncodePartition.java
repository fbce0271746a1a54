package org.hetquant.spark;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseEncoding;

/**
 * The transform of one partition: each row gets its input vector's phases appended, computed by the engine
 * exactly as the Weka composite node does (normalization → column encoder → phase code). Rows keep their order;
 * only {@code handleInvalid = skip} drops rows.
 */
final class EncodePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final RowScreen screen;
    private final Normalization normalization;
    private final ColumnEncoder encoder;
    private final PhaseEncoding encoding;
    private final int inputIndex;

    EncodePartition(RowScreen screen, Normalization normalization, ColumnEncoder encoder, PhaseEncoding encoding,
            int inputIndex) {
        this.screen = screen;
        this.normalization = normalization;
        this.encoder = encoder;
        this.encoding = encoding;
        this.inputIndex = inputIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        int partition = TaskContext.getPartitionId();
        int[] codes = encoding.lookup(encoder.table());
        double[] x = new double[encoder.features()];
        byte[] phases = new byte[encoder.units()];
        return new Iterator<>() {
            private long row;
            private Row next;

            @Override
            public boolean hasNext() {
                while (next == null && rows.hasNext()) {
                    Row in = rows.next();
                    row++;
                    Vector vector = in.isNullAt(inputIndex) ? null : (Vector) in.get(inputIndex);
                    if (screen.screen(vector, x, row, partition)) {
                        normalization.apply(x, x, row);
                        encoder.encode(x, phases);
                        double[] out = new double[phases.length];
                        for (int u = 0; u < out.length; u++) {
                            out[u] = codes[phases[u]];
                        }
                        next = append(in, Vectors.dense(out));
                    }
                }
                return next != null;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row result = next;
                next = null;
                return result;
            }
        };
    }

    private static Row append(Row in, Object value) {
        Object[] values = new Object[in.length() + 1];
        for (int i = 0; i < in.length(); i++) {
            values[i] = in.get(i);
        }
        values[in.length()] = value;
        return RowFactory.create(values);
    }
}
