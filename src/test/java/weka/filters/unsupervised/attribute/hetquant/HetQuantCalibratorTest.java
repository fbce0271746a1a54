package weka.filters.unsupervised.attribute.hetquant;

import junit.framework.Test;
import junit.framework.TestSuite;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.Calibrator;
import org.hetquant.engine.UpdateRule;
import weka.core.Instances;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's filter suite (on Weka's FilterTest data made non-negative and L1-normalized, since the calibrator's
 * input is normalized) plus: the first batch's calibration is reused, not refitted, for a later batch.
 */
public class HetQuantCalibratorTest extends AbstractFilterTest {

    public HetQuantCalibratorTest(String name) {
        super(name);
    }

    @Override
    protected void setUp() throws Exception {
        super.setUp();
        m_Instances = TestData.firstBatch(new HetQuantNormalizer(), TestData.nonNegative(m_Instances));
    }

    /** Weka's random FilteredClassifier data, normalized as the calibrator's input must be. */
    @Override
    protected Instances getFilteredClassifierData() throws Exception {
        return TestData.firstBatch(new HetQuantNormalizer(), TestData.nonNegative(super.getFilteredClassifierData()));
    }

    @Override
    public Filter getFilter() {
        return new HetQuantCalibrator();
    }

    public static Test suite() {
        return new TestSuite(HetQuantCalibratorTest.class);
    }

    private static double[][] features(Instances data) {
        double[][] rows = new double[data.numInstances()][8];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < 8; f++) {
                rows[r][f] = data.instance(r).value(f);
            }
        }
        return rows;
    }

    public void testLaterBatchUsesTheFirstBatchCalibration() throws Exception {
        HetQuantNormalizer normalizer = new HetQuantNormalizer();
        Instances first = TestData.firstBatch(normalizer, TestData.sample("gas-drift-batch1.arff"));
        Instances later = Filter.useFilter(TestData.sample("gas-drift-batch2.arff"), normalizer);

        HetQuantCalibrator calibrator = new HetQuantCalibrator();
        calibrator.setOptions(new String[] {"-N", "4", "-S", "0.5", "-rule", "faithful"});
        TestData.firstBatch(calibrator, first);
        CalibrationParameters parameters = new CalibrationParameters(4, 25, 0.01, 0.5, UpdateRule.FAITHFUL);
        double[][] expected = Calibrator.fitGains(features(first), parameters);
        assertTrue(java.util.Arrays.deepEquals(expected, calibrator.gains().toArray()));
        assertTrue("the later batch would calibrate differently",
                !java.util.Arrays.deepEquals(expected, Calibrator.fitGains(features(later), parameters)));

        Instances out = Filter.useFilter(later, calibrator);
        assertTrue(java.util.Arrays.deepEquals(expected, calibrator.gains().toArray()));
        assertEquals(later.numInstances(), out.numInstances());
        assertEquals("sensor2_n03", out.attribute(7).name());
        for (int r = 0; r < later.numInstances(); r += 97) {
            for (int f = 0; f < 8; f++) {
                for (int k = 0; k < 4; k++) {
                    assertEquals(expected[f][k] * later.instance(r).value(f), out.instance(r).value(4 * f + k), 0.0);
                }
            }
        }
        String text = calibrator.toString();
        assertTrue(text, text.contains("sensor8") && text.contains("fires from x >="));
    }

    public void testUnnormalizedInputIsRejectedNamingTheAttribute() throws Exception {
        try {
            TestData.firstBatch(new HetQuantCalibrator(), TestData.sample("gas-drift-batch1.arff"));
            fail("raw sensor values were calibrated");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("HetQuantCalibrator: attribute 'sensor1' (#1), row 1: "));
            assertTrue(e.getMessage(), e.getMessage().contains("put HetQuantNormalizer in front"));
        }
    }

    public void testSmoothingOutOfRangeNamesTheOption() throws Exception {
        try {
            new HetQuantCalibrator().setOptions(new String[] {"-S", "1.5"});
            fail("accepted s = 1.5");
        } catch (IllegalArgumentException e) {
            assertEquals("-S (smoothing s): expected a number in [0, 1], got 1.5", e.getMessage());
        }
    }

    public void testDistinctOutOfRangeNamesTheOption() throws Exception {
        try {
            new HetQuantCalibrator().setOptions(new String[] {"-distinct", "0"});
            fail("accepted -distinct 0");
        } catch (IllegalArgumentException e) {
            assertEquals("-distinct (exact distinct values): expected a whole number in [1, 2147483647], got 0",
                    e.getMessage());
        }
    }

    /**
     * Below the exact limit the node's gains are the batch calibrator's; above it the attributes that overflow
     * are calibrated from the quantile sketch, close to the exact fit, and toString says which ones. The gain
     * scale is fixed so that the calibration alone is compared.
     */
    public void testAttributesBeyondTheExactLimitUseTheSketch() throws Exception {
        // Normalized with the paper's shift, the data the bound below was measured on.
        Instances first = TestData.firstBatch(TestData.configured(new HetQuantNormalizer(), "-negative", "shift"),
                TestData.sample("gas-drift-batch2.arff"));
        CalibrationParameters parameters = new CalibrationParameters(8, 25, 0.01, 0.25, UpdateRule.FINAL);
        double[][] exact = Calibrator.fitGains(features(first), parameters);

        HetQuantCalibrator calibrator = new HetQuantCalibrator();
        calibrator.setOptions(new String[] {"-gain-scale", "fixed"});
        TestData.firstBatch(calibrator, first);
        assertTrue(java.util.Arrays.deepEquals(exact, calibrator.gains().toArray()));
        assertTrue(calibrator.toString(), calibrator.toString().contains("exact distinct values"));

        HetQuantCalibrator sketched = new HetQuantCalibrator();
        sketched.setOptions(new String[] {"-gain-scale", "fixed", "-distinct", "256"});
        TestData.firstBatch(sketched, first);
        String text = sketched.toString();
        assertTrue(text, text.contains("quantile sketch (k = 8) for sensor1, sensor2"));
        double[][] approximate = sketched.gains().toArray();
        double worst = 0;
        for (int f = 0; f < exact.length; f++) {
            for (int k = 0; k < exact[f].length; k++) {
                worst = Math.max(worst, Math.abs(approximate[f][k] - exact[f][k]) / exact[f][k]);
            }
        }
        // k = 8 is the smallest sketch (rank error 30 %) and KLL is randomized: over 40 runs the largest relative
        // gain difference was 0.29.
        assertTrue("largest relative gain difference " + worst, worst > 0 && worst < 0.6);
    }
}
