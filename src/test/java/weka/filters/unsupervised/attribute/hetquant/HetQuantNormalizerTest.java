package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/** Weka's filter suite plus the normalizer's own behaviour. */
public class HetQuantNormalizerTest extends AbstractFilterTest {

    private static final String DATA = "@relation t\n@attribute a numeric\n@attribute s string\n"
            + "@attribute b numeric\n@attribute c numeric\n@attribute cls {x,y}\n@data\n"
            + "1,hello,3,-1,x\n2,world,?,0,y\n0,'a b',0,0,x\n";

    public HetQuantNormalizerTest(String name) {
        super(name);
    }

    @Override
    public Filter getFilter() {
        return new HetQuantNormalizer();
    }

    public static Test suite() {
        return new TestSuite(HetQuantNormalizerTest.class);
    }

    public void testRowsSumToOneAfterTheShift() throws Exception {
        Instances out = TestData.firstBatch(new HetQuantNormalizer(), TestData.arff(DATA));
        // Global minimum -1 is subtracted: row 0 = (2, 4, 0) -> (1/3, 2/3, 0).
        assertEquals(1.0 / 3, out.instance(0).value(0), 1e-12);
        assertEquals(2.0 / 3, out.instance(0).value(2), 1e-12);
        assertEquals(0.0, out.instance(0).value(3), 1e-12);
        // Missing stays missing; the rest of the row still sums to 1: (3, ?, 1) -> (3/4, ?, 1/4).
        assertTrue(out.instance(1).isMissing(2));
        assertEquals(0.75, out.instance(1).value(0), 1e-12);
        // The string and the class pass through in position.
        assertEquals("world", out.instance(1).stringValue(1));
        assertEquals("y", out.instance(1).stringValue(4));
        assertEquals(4, out.classIndex());
        assertEquals("b", out.attribute(2).name());
    }

    public void testLaterBatchReusesTheFirstBatchMinimumAndCountsClamps() throws Exception {
        Instances data = TestData.arff(DATA);
        HetQuantNormalizer filter = new HetQuantNormalizer();
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

    public void testNegativeValueWithoutShiftNamesTheAttribute() throws Exception {
        HetQuantNormalizer filter = new HetQuantNormalizer();
        filter.setOptions(new String[] {"-no-shift"});
        assertFalse(filter.getShift());
        try {
            TestData.firstBatch(filter, TestData.arff(DATA));
            fail("a negative value without the shift must be rejected");
        } catch (IllegalArgumentException e) {
            assertEquals("HetQuantNormalizer: attribute 'c' (#4), row 1: -1.0 is negative; L1 normalization needs"
                    + " values >= 0." + NormalizationStage.TURN_THE_SHIFT_ON, e.getMessage());
        }
    }
}
