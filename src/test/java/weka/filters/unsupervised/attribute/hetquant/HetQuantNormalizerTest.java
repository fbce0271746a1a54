package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/** Weka's filter suite plus the normalizer's own behaviour: the four negative-value policies. */
public class HetQuantNormalizerTest extends AbstractFilterTest {

    private static final String DATA = "@relation t\n@attribute a numeric\n@attribute s string\n"
            + "@attribute b numeric\n@attribute c numeric\n@attribute cls {x,y}\n@data\n"
            + "1,hello,3,-1,x\n2,world,?,0,y\n0,'a b',0,0,x\n";

    public HetQuantNormalizerTest(String name) {
        super(name);
    }

    /**
     * The suite runs the per-feature offset, the policy that fits on the first batch and reuses the fit (Weka's
     * FilterTest data has an attribute negative in every row); the default, clip, is row-local and tested below
     * and in {@link HetQuantStreamNormalizerTest}'s suite.
     */
    @Override
    public Filter getFilter() {
        return TestData.configured(new HetQuantNormalizer(), "-negative", "offset");
    }

    public static Test suite() {
        return new TestSuite(HetQuantNormalizerTest.class);
    }

    public void testRowsSumToOneAfterClippingNegativesByDefault() throws Exception {
        HetQuantNormalizer filter = new HetQuantNormalizer();
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        // The -1 of row 1 is clipped to 0: (1, 3, 0) -> (1/4, 3/4, 0); nothing else moves.
        assertEquals(0.25, out.instance(0).value(0), 1e-12);
        assertEquals(0.75, out.instance(0).value(2), 1e-12);
        assertEquals(0.0, out.instance(0).value(3), 1e-12);
        // Missing stays missing; the rest of the row still sums to 1: (2, ?, 0) -> (1, ?, 0).
        assertTrue(out.instance(1).isMissing(2));
        assertEquals(1.0, out.instance(1).value(0), 1e-12);
        // The string and the class pass through in position.
        assertEquals("world", out.instance(1).stringValue(1));
        assertEquals("y", out.instance(1).stringValue(4));
        assertEquals(4, out.classIndex());
        assertEquals("b", out.attribute(2).name());
        assertEquals(1, filter.clampedValueCount());
        assertEquals("clip", filter.getNegativeValues().getSelectedTag().getReadable());
        assertTrue(filter.toString(), filter.toString().contains("values clipped to 0 so far: 1"));
    }

    public void testPaperShiftSubtractsTheGlobalMinimum() throws Exception {
        HetQuantNormalizer filter = TestData.configured(new HetQuantNormalizer(), "-negative", "shift");
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        // Global minimum -1 is subtracted from every value: row 1 = (2, 4, 0) -> (1/3, 2/3, 0).
        assertEquals(1.0 / 3, out.instance(0).value(0), 1e-12);
        assertEquals(2.0 / 3, out.instance(0).value(2), 1e-12);
        // (3, ?, 1) -> (3/4, ?, 1/4).
        assertEquals(0.75, out.instance(1).value(0), 1e-12);
        assertEquals(0.25, out.instance(1).value(3), 1e-12);
    }

    public void testOffsetSubtractsEachAttributesOwnNegativeMinimum() throws Exception {
        HetQuantNormalizer filter = TestData.configured(new HetQuantNormalizer(), "-negative", "offset");
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        // Only c has a negative minimum (-1); a and b keep their values: row 1 = (1, 3, 0) -> (1/4, 3/4, 0),
        // row 2 = (2, ?, 1) -> (2/3, ?, 1/3).
        assertEquals(0.25, out.instance(0).value(0), 1e-12);
        assertEquals(0.0, out.instance(0).value(3), 1e-12);
        assertEquals(2.0 / 3, out.instance(1).value(0), 1e-12);
        assertEquals(1.0 / 3, out.instance(1).value(3), 1e-12);
        assertTrue(filter.toString(), filter.toString().contains("per-feature shifts by 0.0 0.0 1.0"));
    }

    public void testLaterBatchReusesTheFirstBatchMinimumAndCountsClamps() throws Exception {
        Instances data = TestData.arff(DATA);
        HetQuantNormalizer filter = TestData.configured(new HetQuantNormalizer(), "-negative", "shift");
        filter.setInputFormat(data);
        Filter.useFilter(data, filter);
        Instances later = new Instances(data, 0);
        later.add((weka.core.Instance) data.instance(0).copy());
        later.instance(0).setValue(3, -3.0); // below the learned minimum -1: clamped after the shift
        later.instance(0).setValue(0, 0.0);
        Instances out = Filter.useFilter(later, filter);
        // (0+1, 3+1, -3+1 -> clamped 0) = (1, 4, 0) / 5
        assertEquals(0.2, out.instance(0).value(0), 1e-12);
        assertEquals(0.8, out.instance(0).value(2), 1e-12);
        assertEquals(1, filter.clampedValueCount());
        assertTrue(filter.toString().contains("shift by 1.0"));
    }

    public void testNegativeValueWithTheErrorPolicyNamesTheAttribute() throws Exception {
        // -no-shift, the former option, still means the error policy.
        for (String[] options : new String[][] {{"-negative", "error"}, {"-no-shift"}}) {
            HetQuantNormalizer filter = TestData.configured(new HetQuantNormalizer(), options);
            assertEquals("error", filter.getNegativeValues().getSelectedTag().getReadable());
            try {
                TestData.firstBatch(filter, TestData.arff(DATA));
                fail("a negative value must be rejected with " + String.join(" ", options));
            } catch (IllegalArgumentException e) {
                assertEquals("HetQuantNormalizer: attribute 'c' (#4), row 1: -1.0 is negative; L1 normalization needs"
                        + " values >= 0." + NormalizationStage.CHOOSE_A_POLICY, e.getMessage());
            }
        }
    }
}
