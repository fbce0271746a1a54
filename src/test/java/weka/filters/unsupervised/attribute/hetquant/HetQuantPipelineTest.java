package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/** Weka's filter suite plus: the composite node equals the chain of the single nodes; the defaults and the paper's settings. */
public class HetQuantPipelineTest extends AbstractFilterTest {

    public HetQuantPipelineTest(String name) {
        super(name);
    }

    /** Weka's FilterTest data made non-negative, so that no attribute is all clipped to 0. */
    @Override
    protected void setUp() throws Exception {
        super.setUp();
        m_Instances = TestData.nonNegative(m_Instances);
    }

    @Override
    public Filter getFilter() {
        return new HetQuantPipeline();
    }

    public static Test suite() {
        return new TestSuite(HetQuantPipelineTest.class);
    }

    private static void assertSameData(Instances expected, Instances actual) {
        assertEquals(expected.numAttributes(), actual.numAttributes());
        assertEquals(expected.numInstances(), actual.numInstances());
        for (int j = 0; j < expected.numAttributes(); j++) {
            assertEquals(expected.attribute(j).name(), actual.attribute(j).name());
        }
        for (int i = 0; i < expected.numInstances(); i++) {
            assertEquals("row " + i, expected.instance(i).toString(), actual.instance(i).toString());
        }
    }

    public void testEqualsNormalizerColumnSpikePhaseInAMultiFilter() throws Exception {
        Instances train = TestData.sample("gas-drift-batch1.arff");
        Instances test = TestData.sample("gas-drift-batch2.arff");
        // The single column is data-blind, so both use the data-blind gain scale (F / 8 = 1 here).
        String[][] variants = {{"-gain-scale", "features"},
                {"-N", "4", "-scheme", "equidistant", "-encoding", "paper", "-gain-scale", "features"},
                {"-N", "16", "-scheme", "homogeneous", "-P", "109", "-encoding", "binary", "-gain-scale", "fixed"}};
        for (String[] variant : variants) {
            HetQuantPipeline pipeline = new HetQuantPipeline();
            pipeline.setOptions(variant.clone());
            HetQuantColumn column = new HetQuantColumn();
            column.setOptions(columnOptions(without(variant, "-encoding")));
            HetQuantSpikePhase phase = new HetQuantSpikePhase();
            phase.setOptions(only(variant, "-encoding"));
            MultiFilter chain = new MultiFilter();
            chain.setFilters(new Filter[] {new HetQuantNormalizer(), column, phase});

            assertSameData(TestData.firstBatch(chain, train), TestData.firstBatch(pipeline, train));
            // The later batch is treated the same way by both (negative values clipped).
            assertSameData(Filter.useFilter(test, chain), Filter.useFilter(test, pipeline));
        }
    }

    public void testMissingValuesSilenceTheirNeuronsAndKeepTheRow() throws Exception {
        Instances data = TestData.sample("gas-drift-batch1.arff");
        data.instance(3).setMissing(1);
        HetQuantPipeline pipeline = new HetQuantPipeline();
        Instances out = TestData.firstBatch(pipeline, data);
        assertEquals(data.numInstances(), out.numInstances());
        for (int k = 0; k < 8; k++) {
            assertEquals(0.0, out.instance(3).value(8 + k), 0.0);
        }
        assertEquals(data.instance(3).classValue(), out.instance(3).classValue(), 0.0);
        assertTrue(pipeline.toString(), pipeline.toString().contains("sensor2"));
    }

    /**
     * Issue 13's smallest tied case: rows 2,9 3,8 4,7 give feature 0 the values {L, 2/11, 3/11, 4/11, 1}, where
     * two Jenks partitions tie in real arithmetic and the textbook's rounding picks [.01, .01, 2/11, 4/11, 1].
     * Its segments [.01, 2/11] (the narrowest, 2 neurons), [2/11, 4/11] and [4/11, 1] give the coverage values
     * below; the other partition would give 1, 4/11, 3.5/11 and 3/11.
     */
    public void testCalibrationFollowsTheTextbookJenksOnTiedData() throws Exception {
        Instances data = TestData.arff("@relation ties\n@attribute a numeric\n@attribute b numeric\n"
                + "@attribute class {x}\n@data\n2,9,x\n3,8,x\n4,7,x\n");
        HetQuantPipeline pipeline = new HetQuantPipeline();
        pipeline.setOptions(new String[] {"-calibrate", "-N", "4", "-S", "0.25"});
        TestData.firstBatch(pipeline, data);
        double[] gains = pipeline.gains().column(0);
        double step = (2 / 11.0 - 0.01) / 2;
        // Descending coverage c is ascending gain; gain ratios are c_0 / c_k whatever the global correction.
        double[] coverage = {1, 4 / 11.0, 2 / 11.0, 2 / 11.0 - step};
        for (int k = 0; k < 4; k++) {
            assertEquals("neuron " + k, coverage[0] / coverage[k], gains[k] / gains[0], 1e-12);
        }
    }

    /**
     * The calibration streams the first batch into its summary unless the shift or a fitted gain scale needs the
     * rows kept; both ways give the same gains. On data without negative values the shift is 0, so the two
     * configurations below differ only in the way the rows reach the calibration.
     */
    public void testStreamedAndKeptFirstBatchesCalibrateAlike() throws Exception {
        Instances data = TestData.nonNegative(TestData.sample("gas-drift-batch1.arff"));
        HetQuantPipeline streamed = TestData.configured(new HetQuantPipeline(), "-calibrate", "-gain-scale", "fixed");
        HetQuantPipeline kept = TestData.configured(new HetQuantPipeline(), "-calibrate", "-gain-scale", "fixed",
                "-negative", "shift");
        assertSameData(TestData.firstBatch(kept, data), TestData.firstBatch(streamed, data));
        assertTrue(java.util.Arrays.deepEquals(kept.gains().toArray(), streamed.gains().toArray()));

        // A fitted scale keeps the rows: the same calibration, times the fitted factor.
        HetQuantPipeline fitted = TestData.configured(new HetQuantPipeline(), "-calibrate", "-gain-scale", "fitted");
        TestData.firstBatch(fitted, data);
        assertTrue(java.util.Arrays.deepEquals(streamed.gains().scaled(fitted.gainFactor()).toArray(),
                fitted.gains().toArray()));
    }

    public void testPaperSettingsAreOneOptionAway() throws Exception {
        Instances train = TestData.sample("gas-drift-batch1.arff");
        HetQuantPipeline paper = new HetQuantPipeline();
        paper.setOptions(new String[] {"-negative", "shift", "-gain-scale", "fixed", "-encoding", "paper"});
        HetQuantNormalizer shift = new HetQuantNormalizer();
        shift.setOptions(new String[] {"-negative", "shift"});
        HetQuantColumn column = new HetQuantColumn();
        column.setOptions(new String[] {"-fixed-gains"});
        HetQuantSpikePhase phase = new HetQuantSpikePhase();
        phase.setOptions(new String[] {"-encoding", "paper"});
        MultiFilter chain = new MultiFilter();
        chain.setFilters(new Filter[] {shift, column, phase});
        assertSameData(TestData.firstBatch(chain, train), TestData.firstBatch(paper, train));
        assertEquals(1.0, paper.gainFactor(), 0.0);
        assertTrue(paper.toString(), paper.toString().contains("shift by"));
    }

    public void testAutoGainScaleKeepsThePaperOnEightSensorsAndFitsUnequalFeatures() throws Exception {
        Instances eight = TestData.sample("gas-drift-batch1.arff");
        HetQuantPipeline pipeline = new HetQuantPipeline();
        TestData.firstBatch(pipeline, eight);
        assertEquals("8 sensors in the operating range: the paper's gains", 1.0, pipeline.gainFactor(), 0.0);
        assertTrue(pipeline.toString(), pipeline.toString().contains("gain scale auto: factor 1.00000 (F/8 kept: the"
                + " first batch's mean utilization under it lies in 35–55 %)"));

        // 8 more attributes a thousandth of the sensors' size: under F / 8 = 2 most of their neurons stay silent,
        // so auto fits the factor on the first batch to the 45 % target.
        Instances wide = new Instances(eight);
        for (int a = 0; a < 8; a++) {
            wide.insertAttributeAt(new weka.core.Attribute("small" + a), wide.numAttributes() - 1);
        }
        for (int i = 0; i < wide.numInstances(); i++) {
            for (int a = 0; a < 8; a++) {
                wide.instance(i).setValue(8 + a, wide.instance(i).value(a) * 1e-3);
            }
        }
        HetQuantPipeline auto = new HetQuantPipeline();
        Instances out = TestData.firstBatch(auto, wide);
        assertTrue("fitted factor " + auto.gainFactor(), auto.gainFactor() > 2.0);
        double firing = 0;
        for (int i = 0; i < out.numInstances(); i++) {
            for (int u = 0; u < 16 * 8; u++) {
                firing += out.instance(i).value(u) != 0 ? 1 : 0;
            }
        }
        double utilization = 100 * firing / (out.numInstances() * 16.0 * 8);
        assertTrue("mean utilization " + utilization, utilization >= 45 && utilization < 46);
        assertTrue(auto.toString(), auto.toString().matches("(?s).*gain scale auto: factor [0-9.e+]+ \\(F/8 = 2.00000"
                + " put the first batch's mean utilization outside 35–55 %, so the factor was fitted to 45.00 %\\).*"));
    }

    public void testTargetUtilizationOutOfRangeNamesTheOption() throws Exception {
        try {
            new HetQuantPipeline().setOptions(new String[] {"-gain-scale", "fitted", "-U", "0"});
            fail("-U 0 must be refused");
        } catch (IllegalArgumentException e) {
            assertEquals("-U (target utilization (%)): expected a number in (0, 100], got 0.0", e.getMessage());
        }
    }

    public void testNoShiftStillMeansTheErrorPolicy() throws Exception {
        HetQuantPipeline pipeline = new HetQuantPipeline();
        pipeline.setOptions(new String[] {"-no-shift"});
        assertEquals("error", pipeline.getNegativeValues().getSelectedTag().getReadable());
        try {
            TestData.firstBatch(pipeline, TestData.sample("gas-drift-batch2.arff"));
            fail("batch 2 has negative values");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is negative"));
        }
    }

    /** The pipeline's data-blind gain scales as the streamable column writes them. */
    private static String[] columnOptions(String[] options) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < options.length; i += 2) {
            if (!options[i].equals("-gain-scale")) {
                kept.add(options[i]);
                kept.add(options[i + 1]);
            } else if (options[i + 1].equals("fixed")) {
                kept.add("-fixed-gains");
            }
        }
        return kept.toArray(new String[0]);
    }

    private static String[] without(String[] options, String name) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < options.length; i += 2) {
            if (!options[i].equals(name)) {
                kept.add(options[i]);
                kept.add(options[i + 1]);
            }
        }
        return kept.toArray(new String[0]);
    }

    private static String[] only(String[] options, String name) {
        for (int i = 0; i < options.length; i += 2) {
            if (options[i].equals(name)) {
                return new String[] {options[i], options[i + 1]};
            }
        }
        return new String[0];
    }
}
