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
}
