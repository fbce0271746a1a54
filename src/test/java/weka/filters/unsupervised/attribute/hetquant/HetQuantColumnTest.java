package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import org.hetquant.engine.ColumnGains;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/** Weka's filter suite plus the column's own behaviour, including the checks shared by every node. */
public class HetQuantColumnTest extends AbstractFilterTest {

    private static final String DATA = "@relation t\n@attribute sensor3 numeric\n@attribute s string\n"
            + "@attribute b numeric\n@attribute cls numeric\n@data\n"
            + "0.2,hello,0.8,5\n?,world,0.1,6\n";

    public HetQuantColumnTest(String name) {
        super(name);
    }

    @Override
    public Filter getFilter() {
        return new HetQuantColumn();
    }

    public static Test suite() {
        return new TestSuite(HetQuantColumnTest.class);
    }

    public void testDrivesReplaceTheSourceInPlaceWithStableNames() throws Exception {
        HetQuantColumn filter = new HetQuantColumn();
        filter.setOptions(new String[] {"-N", "4"});
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        // 4 + string + 4 + numeric class (never transformed)
        assertEquals(10, out.numAttributes());
        assertEquals("sensor3_n00", out.attribute(0).name());
        assertEquals("sensor3_n03", out.attribute(3).name());
        assertEquals("s", out.attribute(4).name());
        assertEquals("b_n00", out.attribute(5).name());
        assertEquals("cls", out.classAttribute().name());
        assertEquals(9, out.classIndex());
        // The default gain scale multiplies the paper's gains by F / 8: two features, factor 1/4.
        double[] gains = ColumnGains.uniform(4, 25, 0.01);
        assertEquals(0.25, filter.gainFactor(), 0.0);
        for (int k = 0; k < 4; k++) {
            assertEquals(gains[k] * 0.25 * 0.2, out.instance(0).value(k), 1e-12);
            assertEquals(gains[k] * 0.25 * 0.8, out.instance(0).value(5 + k), 1e-12);
            assertTrue("missing input gives missing drives", out.instance(1).isMissing(k));
        }
        assertEquals("world", out.instance(1).stringValue(4));
        assertEquals(6.0, out.instance(1).classValue(), 0);
        assertTrue(filter.toString(), filter.toString().contains("fires from x >="));
    }

    public void testTwoDigitNamesFromElevenNeurons() throws Exception {
        HetQuantColumn filter = new HetQuantColumn();
        filter.setOptions(new String[] {"-N", "101", "-R", "1"});
        Instances out = TestData.firstBatch(filter, TestData.arff(DATA));
        assertEquals("sensor3_n000", out.attribute(0).name());
        assertEquals("sensor3_n100", out.attribute(100).name());
        assertEquals("b", out.attribute(102).name());
    }

    public void testSchemesGiveTheEngineGains() throws Exception {
        for (String scheme : new String[] {"uniform", "equidistant", "homogeneous"}) {
            HetQuantColumn filter = new HetQuantColumn();
            filter.setOptions(new String[] {"-scheme", scheme, "-N", "5", "-P", "30", "-L", "0.05", "-fixed-gains"});
            TestData.firstBatch(filter, TestData.arff(DATA));
            double[] expected = org.hetquant.engine.GainScheme.valueOf(scheme.toUpperCase(java.util.Locale.ROOT))
                    .column(5, 30, 0.05);
            assertTrue(scheme, java.util.Arrays.equals(expected, filter.gains().column(0)));
            String[] options = filter.getOptions();
            assertTrue(String.join(" ", options), String.join(" ", options).contains("-scheme " + scheme));
        }
    }

    public void testGainScaleFollowsTheNumberOfAttributesAndStaysThePaperOnEight() throws Exception {
        Instances eight = TestData.sample("gas-drift-batch1.arff");
        HetQuantColumn column = new HetQuantColumn();
        TestData.firstBatch(column, eight);
        assertEquals(1.0, column.gainFactor(), 0.0);
        assertTrue(java.util.Arrays.equals(ColumnGains.uniform(8, 25, 0.01), column.gains().column(0)));
        assertTrue(column.toString(), column.toString().contains("gain scale features: factor 1"));
    }

    /** -gain-scale is the batch nodes' option; given here (e.g. in a FilteredClassifier string) it is not ignored. */
    public void testTheBatchNodesGainScaleOptionIsRefusedNotIgnored() throws Exception {
        for (String rule : new String[] {"fitted", "auto", "features", "fixed"}) {
            try {
                new HetQuantColumn().setOptions(new String[] {"-gain-scale", rule});
                fail(rule + " must be refused by the streamable column");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("-gain-scale (gain scale): an option of"
                        + " HetQuantPipeline and HetQuantCalibrator"));
                assertTrue(e.getMessage(), e.getMessage().contains("-fixed-gains"));
            }
        }
    }

    public void testFixedGainsKeepThePapersGainsWhateverTheNumberOfAttributes() throws Exception {
        HetQuantColumn filter = TestData.configured(new HetQuantColumn(), "-N", "4", "-fixed-gains");
        TestData.firstBatch(filter, TestData.arff(DATA));
        assertEquals(1.0, filter.gainFactor(), 0.0);
        assertTrue(java.util.Arrays.equals(ColumnGains.uniform(4, 25, 0.01), filter.gains().column(0)));
    }

    public void testOutOfRangeOptionsNameTheOptionAndRange() throws Exception {
        String[][] bad = {{"-N", "0"}, {"-P", "-1"}, {"-L", "1.5"}};
        String[] named = {"-N (duplication n): expected a whole number >= 1, got 0",
                "-P (payload P): expected a finite number > 0, got -1.0",
                "-L (limit L): expected a number in (0, 1), got 1.5"};
        for (int i = 0; i < bad.length; i++) {
            try {
                new HetQuantColumn().setOptions(bad[i].clone());
                fail("accepted " + String.join(" ", bad[i]));
            } catch (IllegalArgumentException e) {
                assertEquals(named[i], e.getMessage());
            }
        }
        HetQuantColumn filter = new HetQuantColumn();
        filter.setDuplication(-2); // the GUI path: checked when the data arrives
        try {
            filter.setInputFormat(TestData.arff(DATA));
            fail("accepted n = -2");
        } catch (IllegalArgumentException e) {
            assertEquals("-N (duplication n): expected a whole number >= 1, got -2", e.getMessage());
        }
    }

    public void testLaterBatchWithAnotherHeaderIsRejectedNamingTheDifference() throws Exception {
        HetQuantColumn filter = new HetQuantColumn();
        TestData.firstBatch(filter, TestData.arff(DATA));
        Instances other = TestData.arff(DATA.replace("@attribute b numeric", "@attribute b2 numeric"));
        try {
            Filter.useFilter(other, filter);
            fail("a different header was accepted");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("differs from the first batch"));
            assertTrue(e.getMessage(), e.getMessage().contains("b != b2"));
        }
    }
}
