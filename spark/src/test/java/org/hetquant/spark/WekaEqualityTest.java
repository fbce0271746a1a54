package org.hetquant.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline;

/**
 * The Spark front end gives the Weka composite node's output row for row: both fitted on the same first data set
 * (Weka: its first batch; Spark: a DataFrame in several partitions, so the fit merges partition summaries) and
 * applied to it and, where given, to a second data set (Weka's batch mode, {@code -b}).
 */
class WekaEqualityTest {

    /**
     * One comparison.
     *
     * @param wekaOptions the Weka node's options
     * @param spark the same settings on the Spark estimator
     */
    record Case(String name, String fit, String apply, String wekaOptions, HetQuant spark, boolean holes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("saturation, defaults (clip, uniform n = 8, gain scale auto, ascending)",
                        "saturation.arff", null, "", new HetQuant(), false),
                new Case("saturation, the paper's settings (shift, fixed gains, paper encoding)", "saturation.arff",
                        null, PAPER, paper(), false),
                new Case("saturation, negative error, n = 16, gain scale fitted to 30 %", "saturation.arff", null,
                        "-negative error -N 16 -gain-scale fitted -U 30",
                        new HetQuant().setNegativeValues("error").setDuplication(16).setGainScale("fitted")
                                .setTargetUtilization(30), false),
                new Case("gas drift batch 1 -> 2, defaults", "gas-drift-batch1.arff", "gas-drift-batch2.arff", "",
                        new HetQuant(), false),
                new Case("gas drift batch 1 -> 2, paper's settings, homogeneous P = 50, binary",
                        "gas-drift-batch1.arff", "gas-drift-batch2.arff",
                        "-negative shift -gain-scale fixed -scheme homogeneous -P 50 -encoding binary",
                        paper().setGainScheme("homogeneous").setPayload(50).setEncoding("binary"), false),
                new Case("gas drift batch 1 -> 2, offset, equidistant n = 4, L = 0.05, features scale",
                        "gas-drift-batch1.arff", "gas-drift-batch2.arff",
                        "-negative offset -scheme equidistant -N 4 -L 0.05 -gain-scale features",
                        new HetQuant().setNegativeValues("offset").setGainScheme("equidistant").setDuplication(4)
                                .setLimit(0.05).setGainScale("features"), false),
                new Case("gas drift with missing values, keep", "gas-drift-batch1.arff", "gas-drift-batch2.arff",
                        "", new HetQuant().setHandleInvalid("keep"), true),
                new Case("saturation, calibrated (s = 0.25, final), defaults", "saturation.arff", null,
                        "-calibrate", new HetQuant().setCalibrate(true), false),
                new Case("gas drift batch 1 -> 2, calibrated, defaults (gain scale fitted by auto)",
                        "gas-drift-batch1.arff", "gas-drift-batch2.arff", "-calibrate",
                        new HetQuant().setCalibrate(true), false),
                new Case("gas drift batch 1 -> 2, calibrated n = 16, s = 0.5, paper's settings",
                        "gas-drift-batch1.arff", "gas-drift-batch2.arff", PAPER + " -calibrate -N 16 -S 0.5",
                        paper().setCalibrate(true).setDuplication(16).setSmoothing(0.5), false),
                new Case("gas drift, calibrated, faithful rule, missing values, paper's settings",
                        "gas-drift-batch1.arff", "gas-drift-batch2.arff", PAPER + " -calibrate -rule faithful",
                        paper().setCalibrate(true).setUpdateRule("faithful").setHandleInvalid("keep"), true),
                new Case("saturation, calibrated, faithful rule, paper's settings", "saturation.arff", null,
                        PAPER + " -calibrate -rule faithful",
                        paper().setCalibrate(true).setUpdateRule("faithful"), false));
    }

    /** The paper's settings on the Weka node: one option each away from the defaults. */
    private static final String PAPER = "-negative shift -gain-scale fixed -encoding paper";

    /** The paper's settings on the Spark estimator. */
    private static HetQuant paper() {
        return new HetQuant().setNegativeValues("shift").setGainScale("fixed").setEncoding("paper");
    }

    /** The fitted gain scale's case above is one: its factor is not the data-blind F / 8 = 1. */
    @Test
    void fittedGainScaleCaseFitsAFactor() throws Exception {
        HetQuantModel model = new HetQuant().setNegativeValues("error").setDuplication(16).setGainScale("fitted")
                .setTargetUtilization(30).fit(WekaData.frame(WekaData.load("saturation.arff"), 3));
        assertTrue(model.getGainFactor() != 1.0, "factor " + model.getGainFactor());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sparkEqualsWekaRowForRow(Case c) throws Exception {
        Instances fit = withHoles(WekaData.load(c.fit()), c.holes());
        Instances apply = c.apply() == null ? null : withHoles(WekaData.load(c.apply()), c.holes());

        HetQuantPipeline weka = new HetQuantPipeline();
        weka.setOptions(Utils.splitOptions(c.wekaOptions()));
        weka.setInputFormat(fit);
        List<Instances> expected = new ArrayList<>();
        expected.add(Filter.useFilter(fit, weka));
        if (apply != null) {
            expected.add(Filter.useFilter(apply, weka));
        }

        HetQuantModel model = c.spark().fit(WekaData.frame(fit, 3));
        List<Dataset<Row>> actual = new ArrayList<>();
        actual.add(model.transform(WekaData.frame(fit, 3)));
        if (apply != null) {
            actual.add(model.transform(WekaData.frame(apply, 4)));
        }
        for (int d = 0; d < expected.size(); d++) {
            assertSameRows(expected.get(d), actual.get(d));
        }
    }

    /**
     * The faithful cases above test the ordered merge only if the rule's cut matters on their data: there the
     * faithful gains differ from the final ones, and the fit that merges partitions out of order would differ too.
     */
    @Test
    void faithfulRuleCutsTheRowsOfTheDataAbove() throws Exception {
        for (Instances data : List.of(withHoles(WekaData.load("gas-drift-batch1.arff"), true),
                WekaData.load("saturation.arff"))) {
            Dataset<Row> frame = WekaData.frame(data, 3);
            HetQuant calibrated = paper().setCalibrate(true).setHandleInvalid("keep");
            double[][] faithful = calibrated.copy(ParamMap.empty()).setUpdateRule("faithful").fit(frame).getGains();
            double[][] last = calibrated.copy(ParamMap.empty()).setUpdateRule("final").fit(frame).getGains();
            assertFalse(Arrays.deepEquals(faithful, last), data.relationName());
        }
    }

    /** Weka's phases (every attribute but the class) equal Spark's vectors, row for row; the names agree too. */
    static void assertSameRows(Instances expected, Dataset<Row> actual) {
        List<Row> rows = actual.orderBy("id").select("id", "phases", "label").collectAsList();
        assertEquals(expected.numInstances(), rows.size(), "rows");
        int units = expected.numAttributes() - 1;
        AttributeGroup names = AttributeGroup.fromStructField(actual.schema().apply("phases"));
        assertEquals(units, names.size(), "output size");
        for (int u = 0; u < units; u++) {
            assertEquals(expected.attribute(u).name(), names.getAttr(u).name().get(), "unit " + u + "'s name");
        }
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(r, rows.get(r).getLong(0), "row order");
            double[] weka = new double[units];
            for (int u = 0; u < units; u++) {
                weka[u] = expected.instance(r).value(u);
            }
            assertArrayEquals(weka, ((Vector) rows.get(r).get(1)).toArray(), "row " + (r + 1));
            assertEquals(expected.instance(r).classValue(), rows.get(r).getDouble(2), "row " + (r + 1) + "'s label");
        }
    }

    /** With {@code holes}, a copy with one feature missing in every fifth row (a different feature each time). */
    static Instances withHoles(Instances data, boolean holes) {
        if (!holes) {
            return data;
        }
        Instances copy = new Instances(data);
        for (int r = 0; r < copy.numInstances(); r += 5) {
            copy.instance(r).setMissing((r / 5) % (copy.numAttributes() - 1));
        }
        return copy;
    }
}
