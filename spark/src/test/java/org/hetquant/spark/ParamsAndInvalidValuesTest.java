package org.hetquant.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;

/** The params' defaults and validation, and {@code handleInvalid} on NaN, infinite, negative and missing vectors. */
class ParamsAndInvalidValuesTest {

    @Test
    void defaultsAreTheWekaNodes() {
        HetQuantPipeline weka = new HetQuantPipeline();
        HetQuant spark = new HetQuant();
        assertEquals(weka.getDuplication(), spark.getDuplication());
        assertEquals(weka.getPayload(), spark.getPayload());
        assertEquals(weka.getLimit(), spark.getLimit());
        assertEquals(weka.getSmoothing(), spark.getSmoothing());
        assertEquals(weka.getNegativeValues().getSelectedTag().getReadable(), spark.getNegativeValues());
        assertEquals(weka.getGainScale().getSelectedTag().getReadable(), spark.getGainScale());
        assertEquals(weka.getTargetUtilization(), spark.getTargetUtilization());
        assertEquals(weka.getCalibrate(), spark.getCalibrate());
        assertEquals(weka.getGainScheme().getSelectedTag().getReadable(), spark.getGainScheme());
        assertEquals(weka.getUpdateRule().getSelectedTag().getReadable(), spark.getUpdateRule());
        assertEquals(weka.getEncoding().getSelectedTag().getReadable(), spark.getEncoding());
        assertEquals("error", spark.getHandleInvalid());
        assertEquals("features", spark.getInputCol());
        assertEquals("phases", spark.getOutputCol());
    }

    @Test
    void badParamValuesAreRejectedNamingTheParamAndItsRange() {
        assertMessage(() -> new HetQuant().setDuplication(0), "duplication must be >= 1; got 0");
        assertMessage(() -> new HetQuant().setPayload(Double.NaN), "payload must be finite and > 0; got NaN");
        assertMessage(() -> new HetQuant().setLimit(1.0), "limit must be in (0, 1); got 1.0");
        assertMessage(() -> new HetQuant().setSmoothing(-0.1), "smoothing must be in [0, 1]; got -0.1");
        assertMessage(() -> new HetQuant().setGainScheme("flat"),
                "gainScheme must be one of uniform, equidistant, homogeneous; got \"flat\"");
        assertMessage(() -> new HetQuant().setEncoding("Paper"),
                "encoding must be one of paper, ascending, binary; got \"Paper\"");
        assertMessage(() -> new HetQuant().setNegativeValues("drop"),
                "negativeValues must be one of clip, offset, shift, error; got \"drop\"");
        assertMessage(() -> new HetQuant().setGainScale("F/8"),
                "gainScale must be one of fixed, features, fitted, auto; got \"F/8\"");
        assertMessage(() -> new HetQuant().setTargetUtilization(0), "targetUtilization must be in (0, 100]; got 0.0");
        assertMessage(() -> new HetQuant().setUpdateRule("last"), "updateRule must be one of faithful, final");
        assertMessage(() -> new HetQuant().setHandleInvalid("drop"),
                "handleInvalid must be one of error, skip, keep; got \"drop\"");
        assertMessage(() -> new HetQuantModel("m").set(new HetQuantModel("m").gains(), new double[][] {{2, 1}}),
                "gains must be per feature n finite gains > 0, ascending");
    }

    @Test
    void schemaProblemsNameTheColumn() {
        Dataset<Row> data = rows(RowFactory.create(1L, Vectors.dense(1, 2, 3)));
        assertMessage(() -> new HetQuant().setInputCol("sensors").fit(data),
                "inputCol \"sensors\" is not a column of the data (columns: id, features)");
        assertMessage(() -> new HetQuant().setInputCol("id").fit(data),
                "inputCol \"id\" must be a vector column (e.g. from VectorAssembler), but it is bigint");
        assertMessage(() -> new HetQuant().setOutputCol("id").fit(data), "outputCol \"id\" already exists");
    }

    @Test
    void errorNamesTheFeatureTheRowAndTheValue() {
        Dataset<Row> nan = rows(RowFactory.create(1L, Vectors.dense(1, 2, 3)),
                RowFactory.create(2L, Vectors.dense(1, Double.NaN, 3)));
        assertMessage(() -> new HetQuant().fit(nan),
                "HetQuant: feature 'b' (index 1) of row 2 of partition 0 is NaN; handleInvalid = \"error\" accepts"
                        + " only finite values; set handleInvalid to \"keep\"");
        HetQuantModel model = new HetQuant().fit(rows(RowFactory.create(1L, Vectors.dense(1, 2, 3))));
        assertMessage(() -> model.transform(nan).collect(),
                "HetQuantModel: feature 'b' (index 1) of row 2 of partition 0 is NaN");
        Dataset<Row> infinite = rows(RowFactory.create(1L, Vectors.dense(Double.NEGATIVE_INFINITY, 2, 3)));
        assertMessage(() -> model.transform(infinite).collect(), "feature 'a' (index 0) of row 1 of partition 0 is"
                + " -Infinity");
        Dataset<Row> negative = rows(RowFactory.create(1L, Vectors.dense(1, 2, -3)));
        assertMessage(() -> new HetQuant().setNegativeValues("error").fit(negative), "feature 'c' (index 2) of row"
                + " 1 of partition 0 is -3.0; handleInvalid = \"error\" accepts only finite values >= 0"
                + " (negativeValues = \"error\")");
        Dataset<Row> missing = rows(RowFactory.create(1L, null));
        assertMessage(() -> model.transform(missing).collect(), "row 1 of partition 0 has a null vector;"
                + " handleInvalid = \"error\" rejects it; set handleInvalid to \"keep\" (every feature missing: all"
                + " neurons silent) or \"skip\" (drop the row)");
    }

    @Test
    void wrongSizeIsAnErrorWhateverTheSetting() {
        HetQuantModel model = new HetQuant().setHandleInvalid("keep")
                .fit(rows(RowFactory.create(1L, Vectors.dense(1, 2, 3))));
        Dataset<Row> shorter = unnamed(RowFactory.create(1L, Vectors.dense(1, 2)));
        assertMessage(() -> model.transform(shorter).collect(), "row 1 of partition 0 has 2 features, expected 3");
        Dataset<Row> mixed = unnamed(RowFactory.create(1L, Vectors.dense(1, 2)),
                RowFactory.create(2L, Vectors.dense(1, 2, 3)));
        assertMessage(() -> new HetQuant().fit(mixed), "has 3 features, expected 2");
    }

    @Test
    void skipDropsTheRowsWithInvalidValuesAndKeepsTheOthersInOrder() {
        Dataset<Row> data = rows(RowFactory.create(1L, Vectors.dense(1, 2, 3)),
                RowFactory.create(2L, Vectors.dense(1, Double.NaN, 3)),
                RowFactory.create(3L, null),
                RowFactory.create(4L, Vectors.dense(0.5, 0.25, Double.POSITIVE_INFINITY)),
                RowFactory.create(5L, Vectors.sparse(3, new int[] {2}, new double[] {4})));
        HetQuant skip = new HetQuant().setHandleInvalid("skip").setNegativeValues("error")
                .setDuplication(2);
        List<Row> out = skip.fit(data).transform(data).collectAsList();
        assertEquals(List.of(1L, 5L), out.stream().map(r -> r.getLong(0)).toList());

        Dataset<Row> clean = rows(RowFactory.create(1L, Vectors.dense(1, 2, 3)),
                RowFactory.create(5L, Vectors.dense(0, 0, 4)));
        assertEquals(PersistenceTest.phases(skip.fit(clean).transform(clean)),
                PersistenceTest.phases(skip.fit(data).transform(data)));
        assertMessage(() -> skip.fit(rows(RowFactory.create(1L, Vectors.dense(Double.NaN, 1, 1)))),
                "HetQuant: no row to fit on (the data are empty, or every row was skipped");
        assertMessage(() -> new HetQuant().fit(rows()), "HetQuant: no row to fit on (the data are empty");
        assertMessage(() -> new HetQuant().fit(rows().repartition(3)), "HetQuant: no row to fit on");
    }

    @Test
    void keepSilencesTheInvalidFeatureOnly() {
        Dataset<Row> data = rows(RowFactory.create(1L, Vectors.dense(1, 1, 2)),
                RowFactory.create(2L, Vectors.dense(1, Double.NaN, 2)),
                RowFactory.create(3L, Vectors.dense(1, Double.POSITIVE_INFINITY, 2)),
                RowFactory.create(4L, Vectors.dense(1, -1, 2)),
                RowFactory.create(5L, null));
        HetQuantModel model = new HetQuant().setHandleInvalid("keep").setNegativeValues("error")
                .setDuplication(2).fit(data);
        List<double[]> out = model.transform(data).orderBy("id").select("phases").collectAsList().stream()
                .map(r -> ((Vector) r.get(0)).toArray())
                .toList();
        assertEquals(5, out.size());
        // Rows 2-4: feature b is missing, so its two neurons are silent and a and c are normalized without it,
        // exactly as the row (1, NaN, 2).
        double[] withoutB = out.get(1);
        assertArrayEquals(new double[] {0, 0}, Arrays.copyOfRange(withoutB, 2, 4));
        assertTrue(withoutB[0] > 0 && withoutB[5] > 0, Arrays.toString(withoutB));
        assertArrayEquals(withoutB, out.get(2));
        assertArrayEquals(withoutB, out.get(3));
        assertArrayEquals(new double[6], out.get(4), "a null vector: every feature missing, every neuron silent");
    }

    /**
     * The transform counts rows per partition itself (a column function sees no row position): the count must
     * restart in every partition and advance once per row, also when the output column is filtered on or the
     * result is used twice.
     */
    @Test
    void errorsNameThePositionInTheirOwnPartition() {
        HetQuantModel model = new HetQuant().fit(rows(RowFactory.create(1L, Vectors.dense(1, 2, 3))));
        List<Row> six = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            six.add(RowFactory.create(id, Vectors.dense(1, id == 5 ? Double.NaN : id, 3)));
        }
        // Two partitions of three rows: row 5 is the second of partition 1.
        Dataset<Row> twoPartitions = rows(six.toArray(Row[]::new)).repartitionByRange(2, col("id"));
        assertEquals(2, twoPartitions.rdd().getNumPartitions());
        assertMessage(() -> model.transform(twoPartitions).collect(),
                "HetQuantModel: feature 'b' (index 1) of row 2 of partition 1 is NaN");
        // A filter on the phases must not make Spark evaluate them a second time (which would count rows twice).
        assertMessage(() -> model.transform(twoPartitions)
                        .filter(col("phases").isNotNull()).collect(),
                "HetQuantModel: feature 'b' (index 1) of row 2 of partition 1 is NaN");
        assertEquals(5, model.transform(twoPartitions.filter("id != 5")).count());
    }

    @Test
    void filteringOnThePhasesKeepsTheirValues() {
        Dataset<Row> data = rows(RowFactory.create(1L, Vectors.dense(1, 2, 3)),
                RowFactory.create(2L, Vectors.dense(3, 2, 1)), RowFactory.create(3L, Vectors.dense(0, 0, 1)));
        HetQuantModel model = new HetQuant().setDuplication(2).fit(data);
        List<Row> all = model.transform(data).orderBy("id").collectAsList();
        // A filter on the output column may not make Spark evaluate the phases twice or out of order.
        List<Row> firstFeatureFires = model.transform(data)
                .filter(udf((UDF1<Vector, Boolean>) v -> v.apply(1) > 0, DataTypes.BooleanType).apply(col("phases")))
                .orderBy("id").collectAsList();
        List<Row> expected = all.stream().filter(r -> ((Vector) r.get(2)).apply(1) > 0).toList();
        assertEquals(expected, firstFeatureFires);
        assertTrue(!expected.isEmpty() && expected.size() < all.size(), "the filter must select some rows: " + all);
    }

    /** Rows {@code (id, features)} whose three features are named a, b, c. */
    private static Dataset<Row> rows(Row... rows) {
        Attribute[] names = {
            NumericAttribute.defaultAttr().withName("a"),
            NumericAttribute.defaultAttr().withName("b"),
            NumericAttribute.defaultAttr().withName("c"),
        };
        return frame(new AttributeGroup("features", names).toStructField(), rows);
    }

    private static Dataset<Row> unnamed(Row... rows) {
        return frame(new StructField("features", SQLDataTypes.VectorType(), true, null), rows);
    }

    private static Dataset<Row> frame(StructField features, Row... rows) {
        StructType schema = new StructType(new StructField[] {
            DataTypes.createStructField("id", DataTypes.LongType, false),
            new StructField("features", SQLDataTypes.VectorType(), true,
                    features.metadata() == null ? org.apache.spark.sql.types.Metadata.empty() : features.metadata()),
        });
        return LocalSpark.get().createDataFrame(Arrays.asList(rows), schema).coalesce(1);
    }

    /** The call fails with an exception whose cause chain has a message containing {@code expected}. */
    private static void assertMessage(Executable call, String expected) {
        Throwable thrown = assertThrows(Exception.class, call);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(expected)) {
                return;
            }
        }
        throw new AssertionError("expected a message containing <" + expected + ">, got " + thrown, thrown);
    }
}
