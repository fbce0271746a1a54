package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/** Weka's filter suite plus the quantizer's own behaviour. */
public class HetQuantSpikePhaseTest extends AbstractFilterTest {

    /** Drives around the phase table (docs/method.md §2(b)): silent, firing (17), mid (10), saturating (2), missing. */
    private static final String DATA = "@relation t\n@attribute d numeric\n@attribute cls {x,y}\n@data\n"
            + "6.7,x\n6.79,x\n14.0,y\n50,y\n?,x\n";

    public HetQuantSpikePhaseTest(String name) {
        super(name);
    }

    @Override
    public Filter getFilter() {
        return new HetQuantSpikePhase();
    }

    public static Test suite() {
        return new TestSuite(HetQuantSpikePhaseTest.class);
    }

    private static double[] phases(String... options) throws Exception {
        HetQuantSpikePhase filter = new HetQuantSpikePhase();
        filter.setOptions(options);
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        assertEquals(5, out.numInstances());
        double[] d = new double[5];
        for (int i = 0; i < 5; i++) {
            d[i] = out.instance(i).value(0);
            assertEquals("class kept", i < 2 || i == 4 ? "x" : "y", out.instance(i).stringValue(1));
        }
        return d;
    }

    public void testPaperEncodingFollowsThePublishedTable() throws Exception {
        assertTrue(java.util.Arrays.equals(new double[] {0, 17, 10, 2, 0}, phases("-encoding", "paper")));
    }

    public void testAscendingByDefaultAndBinaryEncodings() throws Exception {
        assertTrue(java.util.Arrays.equals(new double[] {0, 1, 8, 16, 0}, phases()));
        assertTrue(java.util.Arrays.equals(new double[] {0, 1, 8, 16, 0}, phases("-encoding", "ascending")));
        assertTrue(java.util.Arrays.equals(new double[] {0, 1, 1, 1, 0}, phases("-encoding", "binary")));
    }

    public void testDescribesThePhaseTable() throws Exception {
        String text = new HetQuantSpikePhase().toString();
        assertTrue(text, text.contains("6.785535"));
        assertTrue(text, text.contains("42.604857"));
    }
}
