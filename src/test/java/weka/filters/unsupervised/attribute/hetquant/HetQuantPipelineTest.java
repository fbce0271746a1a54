package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/** Weka's filter suite plus: the composite node equals the chain of the single nodes. */
public class HetQuantPipelineTest extends AbstractFilterTest {

    public HetQuantPipelineTest(String name) {
        super(name);
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
        String[][] variants = {{}, {"-N", "4", "-scheme", "equidistant", "-encoding", "ascending"},
                {"-N", "16", "-scheme", "homogeneous", "-P", "109", "-encoding", "binary"}};
        for (String[] variant : variants) {
            HetQuantPipeline pipeline = new HetQuantPipeline();
            pipeline.setOptions(variant.clone());
            HetQuantColumn column = new HetQuantColumn();
            column.setOptions(without(variant, "-encoding"));
            HetQuantSpikePhase phase = new HetQuantSpikePhase();
            phase.setOptions(only(variant, "-encoding"));
            MultiFilter chain = new MultiFilter();
            chain.setFilters(new Filter[] {new HetQuantNormalizer(), column, phase});

            assertSameData(TestData.firstBatch(chain, train), TestData.firstBatch(pipeline, train));
            // The later batch reuses the first batch's shift in both.
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
