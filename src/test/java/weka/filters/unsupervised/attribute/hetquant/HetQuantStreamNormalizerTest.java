package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;
import weka.filters.MultiFilter;
import weka.filters.StreamableFilter;

/**
 * Weka's filter suite (on Weka's FilterTest data with NumericAtt2 made non-negative, so that the reference output
 * shows plain L1) plus: L1 per row, negative values clipped and counted (or, with {@code -negative error}, rejected
 * with the attribute and row named), the policies learned on a first batch refused, every row answered at once, and
 * a streaming MultiFilter of the single nodes equal to {@code HetQuantPipeline}.
 */
public class HetQuantStreamNormalizerTest extends AbstractFilterTest {

    private static final String DATA = "@relation t\n@attribute a numeric\n@attribute s string\n"
            + "@attribute b numeric\n@attribute c numeric\n@attribute cls {x,y}\n@data\n"
            + "1,hello,3,0,x\n2,world,?,2,y\n0,'a b',0,0,x\n";

    public HetQuantStreamNormalizerTest(String name) {
        super(name);
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        m_Instances = TestData.nonNegative(m_Instances);
    }

    /** Weka's random FilteredClassifier data, made non-negative as this node's input must be. */
    @Override
    protected Instances getFilteredClassifierData() throws Exception {
        return TestData.nonNegative(super.getFilteredClassifierData());
    }

    @Override
    public Filter getFilter() {
        return new HetQuantStreamNormalizer();
    }

    public static Test suite() {
        return new TestSuite(HetQuantStreamNormalizerTest.class);
    }

    public void testRowsSumToOneWithoutShift() throws Exception {
        Instances out = TestData.firstBatch(new HetQuantStreamNormalizer(), TestData.arff(DATA));
        // (1, 3, 0) -> (1/4, 3/4, 0): no shift, the values are used as they are.
        assertEquals(0.25, out.instance(0).value(0), 1e-12);
        assertEquals(0.75, out.instance(0).value(2), 1e-12);
        assertEquals(0.0, out.instance(0).value(3), 1e-12);
        // Missing stays missing; the rest of the row still sums to 1: (2, ?, 2) -> (1/2, ?, 1/2).
        assertTrue(out.instance(1).isMissing(2));
        assertEquals(0.5, out.instance(1).value(0), 1e-12);
        assertEquals(0.5, out.instance(1).value(3), 1e-12);
        // A zero row stays zero; the string and the class pass through in position.
        assertEquals(0.0, out.instance(2).value(0), 0.0);
        assertEquals("world", out.instance(1).stringValue(1));
        assertEquals("y", out.instance(1).stringValue(4));
        assertEquals(4, out.classIndex());
    }

    public void testEqualsTheBatchNormalizer() throws Exception {
        Instances data = TestData.sample("gas-drift-batch2.arff");
        Instances expected = TestData.firstBatch(new HetQuantNormalizer(), data);
        HetQuantStreamNormalizer stream = new HetQuantStreamNormalizer();
        Instances actual = TestData.firstBatch(stream, data);
        assertEquals(expected.numInstances(), actual.numInstances());
        for (int i = 0; i < expected.numInstances(); i++) {
            assertEquals("row " + i, expected.instance(i).toString(), actual.instance(i).toString());
        }
        assertTrue("batch 2 has negative values to clip", stream.clampedValueCount() > 0);
    }

    public void testNegativeValuesAreClippedAndCountedByDefault() throws Exception {
        Instances data = TestData.arff(DATA);
        data.instance(1).setValue(3, -0.5);
        HetQuantStreamNormalizer filter = new HetQuantStreamNormalizer();
        filter.setInputFormat(data);
        assertTrue(filter.input(data.instance(1)));
        Instance row = filter.output();
        // (2, ?, -0.5 -> 0) -> (1, ?, 0)
        assertEquals(1.0, row.value(0), 1e-12);
        assertEquals(0.0, row.value(3), 0.0);
        assertEquals(1, filter.clampedValueCount());
    }

    /** -negative is HetQuantNormalizer's option; given here (e.g. in a FilteredClassifier string) it is not ignored. */
    public void testTheBatchNormalizersPolicyOptionIsRefusedNotIgnored() throws Exception {
        for (String policy : new String[] {"offset", "shift", "error"}) {
            HetQuantStreamNormalizer filter = new HetQuantStreamNormalizer();
            try {
                filter.setOptions(new String[] {"-negative", policy});
                fail("-negative " + policy + " must be refused by the stream normalizer");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("-negative (negative values): HetQuantNormalizer's"));
                assertTrue(e.getMessage(), e.getMessage().contains("-reject-negative"));
            }
        }
    }

    public void testNegativeValueWithTheErrorPolicyNamesTheAttributeAndRow() throws Exception {
        Instances data = TestData.arff(DATA);
        data.instance(1).setValue(3, -0.5);
        HetQuantStreamNormalizer filter = new HetQuantStreamNormalizer();
        filter.setOptions(new String[] {"-reject-negative"});
        filter.setInputFormat(data);
        assertTrue(filter.input(data.instance(0)));
        try {
            filter.input(data.instance(1));
            fail("a negative value must be rejected with -reject-negative");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith(
                    "HetQuantStreamNormalizer: attribute 'c' (#4), row 2: -0.5 is negative; "));
            // Issue 8: this node has no shift option, so its advice must not suggest one.
            assertTrue(e.getMessage(), e.getMessage().contains("use HetQuantNormalizer"));
            assertTrue(e.getMessage(), e.getMessage().contains("Drop -reject-negative"));
            assertFalse(e.getMessage(), e.getMessage().contains("shift on") || e.getMessage().contains("-no-shift")
                    || e.getMessage().contains("enable"));
        }
    }

    public void testIsStreamableAndAnswersEachRowAtOnce() throws Exception {
        HetQuantStreamNormalizer filter = new HetQuantStreamNormalizer();
        assertTrue(filter instanceof StreamableFilter);
        Instances data = TestData.sample("saturation.arff");
        filter.setInputFormat(data);
        for (int i = 0; i < 5; i++) {
            assertTrue("row " + i, filter.input(data.instance(i)));
            assertNotNull("row " + i, filter.output());
        }
    }

    /**
     * Weka's MultiFilter is streamable only when every member is, and then pushes each row through all members
     * at once; a member that held a row back would lose it. Fed row by row, the chain of the single nodes must
     * answer every row, identical to the composite node (on data already non-negative, the same with every
     * policy).
     */
    public void testStreamingMultiFilterEqualsThePipeline() throws Exception {
        Instances data = TestData.sample("saturation.arff");
        HetQuantColumn column = new HetQuantColumn();
        column.setOptions(new String[] {"-N", "4"});
        MultiFilter chain = new MultiFilter();
        chain.setFilters(new Filter[] {new HetQuantStreamNormalizer(), column, new HetQuantSpikePhase()});
        assertTrue(chain.isStreamableFilter());
        HetQuantPipeline pipeline = new HetQuantPipeline();
        pipeline.setOptions(new String[] {"-N", "4"});
        Instances expected = TestData.firstBatch(pipeline, data);

        chain.setInputFormat(data);
        assertEquals(expected.numAttributes(), chain.getOutputFormat().numAttributes());
        for (int i = 0; i < data.numInstances(); i++) {
            assertTrue("row " + i + " answered at once", chain.input(data.instance(i)));
            Instance row = chain.output();
            assertNotNull("row " + i, row);
            assertEquals("row " + i, expected.instance(i).toString(), row.toString());
        }
        chain.batchFinished();
        assertEquals(0, chain.numPendingOutput());
    }
}
