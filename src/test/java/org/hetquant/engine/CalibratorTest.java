package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    private static final double P = CalibrationParameters.DEFAULT_PAYLOAD;
    private static final double D_STAR = 6.785535;

    /** L1-normalized random rows over 8 features with sensor-like skew. */
    private static double[][] rows(int count, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[count][8];
        for (double[] row : rows) {
            double sum = 0;
            for (int i = 0; i < row.length; i++) {
                row[i] = Math.pow(random.nextDouble(), 1 + i % 3) * (i + 1);
                sum += row[i];
            }
            for (int i = 0; i < row.length; i++) {
                row[i] /= sum;
            }
        }
        return rows;
    }

    private static double lowerMedian(double[][] matrix) {
        double[] all = Arrays.stream(matrix).flatMapToDouble(Arrays::stream).sorted().toArray();
        return all[(all.length - 1) / 2];
    }

    @Test
    void gainCorrectionCentresTheCoverageOnTheLowerMedianTarget() {
        // Lower median of linspace(0.01, 1, n), docs/method.md §2(d) step 9.
        int[] duplications = {4, 8, 16, 32};
        double[] targets = {0.34, 0.4343, 0.472, 0.4890};
        double[][] data = rows(64, 1);
        for (int d = 0; d < duplications.length; d++) {
            for (double smoothing : new double[] {0.25, 0.5}) {
                double[][] gains = Calibrator.fitGains(data, CalibrationParameters.of(duplications[d], smoothing));
                double[][] coverage = Arrays.stream(gains)
                        .map(column -> Arrays.stream(column).map(w -> P / w).toArray()).toArray(double[][]::new);
                assertEquals(targets[d], lowerMedian(coverage), 5e-5, "n = " + duplications[d] + ", s = " + smoothing);
            }
        }
    }

    @Test
    void gainsAreSortedFactorsTimesOneGlobalGain() {
        int n = 8;
        double[][] data = rows(40, 2);
        CalibrationParameters parameters = CalibrationParameters.of(n, 0.25);
        Calibrator calibrator = new Calibrator(parameters);
        for (double[] row : data) {
            calibrator.observe(row);
        }
        double[][] gains = calibrator.gains();
        double[][] thresholds = calibrator.firingThresholds(D_STAR);
        // Coverage of each column from its own observation column, which includes the calibration's zero rows.
        double[][] coverage = new double[8][];
        for (int i = 0; i < 8; i++) {
            double[] column = new double[data.length + 1];
            for (int r = 0; r < data.length; r++) {
                column[r] = data[r][i];
            }
            double[] factors = AdaptiveDensity.weightFactors(column, n, 0.25, parameters.limit());
            coverage[i] = Arrays.stream(factors).sorted().map(f -> 1 / f).toArray();
        }
        double target = 0.01 + 3 * 0.99 / 7;
        double scale = target / lowerMedian(coverage);
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < n; k++) {
                // docs/method.md §2(d) step 9: threshold = (D*/P) · c · median(lin) / median(c);
                // gain W = P / (c · scale).
                assertEquals(D_STAR / P * coverage[i][k] * scale, thresholds[i][k], 1e-12);
                assertEquals(P / (coverage[i][k] * scale), gains[i][k], 1e-9 * gains[i][k]);
                if (k > 0) {
                    assertTrue(gains[i][k] >= gains[i][k - 1], "ascending gains");
                }
            }
        }
    }

    @Test
    void faithfulRuleIgnoresSamplesAfterTheLastNewExtreme() {
        double[][] extremes = {{0.1, 0.9}, {0.5, 0.5}, {0.9, 0.1}};
        // Inside the running ranges; a zero never counts as an extreme.
        double[][] late = {{0.3, 0.7}, {0.0, 0.6}, {0.6, 0.4}};
        double[][] all = new double[extremes.length + late.length][];
        System.arraycopy(extremes, 0, all, 0, extremes.length);
        System.arraycopy(late, 0, all, extremes.length, late.length);
        CalibrationParameters jagged = new CalibrationParameters(8, 25, 0.01, 0.0, UpdateRule.FINAL);
        CalibrationParameters faithful = jagged.withUpdateRule(UpdateRule.FAITHFUL);

        double[][] faithfulAll = Calibrator.fitGains(all, faithful);
        assertArrayEquals(Calibrator.fitGains(extremes, jagged), faithfulAll);
        assertFalse(Arrays.deepEquals(Calibrator.fitGains(all, jagged), faithfulAll),
                "FINAL must use the late samples");

        // A late sample with a new maximum is used again.
        double[][] withNewMax = Arrays.copyOf(all, all.length + 1);
        withNewMax[all.length] = new double[] {0.05, 0.95};
        assertArrayEquals(Calibrator.fitGains(withNewMax, jagged), Calibrator.fitGains(withNewMax, faithful));
    }

    @Test
    void missingValuesAreIgnoredForTheirFeature() {
        double[][] base = {{0.2, 0.8}, {0.6, 0.4}};
        double[][] withMissing = {base[0], base[1], {Double.NaN, 0.5}};
        // The same sample with feature 0 repeating a value already observed changes nothing for feature 0.
        double[][] withRepeat = {base[0], base[1], {0.2, 0.5}};
        for (UpdateRule rule : UpdateRule.values()) {
            CalibrationParameters parameters = CalibrationParameters.of(4, 0.25).withUpdateRule(rule);
            assertArrayEquals(Calibrator.fitGains(withRepeat, parameters), Calibrator.fitGains(withMissing, parameters),
                    rule.name());
        }
    }

    @Test
    void fittingWithoutSamplesIsAnIllegalState() {
        Calibrator calibrator = new Calibrator(CalibrationParameters.of(4, 0.25));
        IllegalStateException e = assertThrows(IllegalStateException.class, calibrator::gains);
        assertTrue(e.getMessage().contains("no calibration samples"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> calibrator.firingThresholds(D_STAR));

        Calibrator silent = new Calibrator(CalibrationParameters.of(4, 0.25).withUpdateRule(UpdateRule.FAITHFUL));
        silent.observe(new double[] {0, 0});
        assertThrows(IllegalStateException.class, silent::gains);
    }

    @Test
    void rejectsMalformedSamples() {
        Calibrator calibrator = new Calibrator(CalibrationParameters.of(4, 0.25));
        assertMessage(() -> calibrator.observe(null), "sample 0");
        assertMessage(() -> calibrator.observe(new double[0]), "sample 0", "at least 1");
        calibrator.observe(new double[] {0.5, 0.5, 0});
        assertMessage(() -> calibrator.observe(new double[] {0.5, 0.5}), "sample 1", "expected 3");
        assertMessage(() -> calibrator.observe(new double[] {0.5, 0.5, 1.5}), "sample 1, feature 2", "[0, 1]");
        assertMessage(() -> calibrator.observe(new double[] {-0.1, 0.5, 0.5}), "sample 1, feature 0", "[0, 1]");
        assertMessage(() -> calibrator.observe(new double[] {0, Double.POSITIVE_INFINITY, 0}), "feature 1");
        assertEquals(1, calibrator.sampleCount(), "rejected samples are not counted");
        assertMessage(() -> calibrator.firingThresholds(0), "driveThreshold", "> 0");
        assertMessage(() -> Calibrator.fitGains(new double[0][], CalibrationParameters.of(4, 0.25)), "rows");
        assertMessage(() -> new Calibrator(null), "parameters");
    }

    @Test
    void survivesJavaSerialization() throws IOException, ClassNotFoundException {
        for (UpdateRule rule : UpdateRule.values()) {
            Calibrator calibrator = new Calibrator(CalibrationParameters.of(8, 0.25).withUpdateRule(rule));
            double[][] data = rows(30, 3);
            for (int r = 0; r < 20; r++) {
                calibrator.observe(data[r]);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(calibrator);
            }
            Calibrator copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (Calibrator) in.readObject();
            }
            assertArrayEquals(calibrator.gains(), copy.gains());
            for (int r = 20; r < 30; r++) {
                calibrator.observe(data[r]);
                copy.observe(data[r]);
            }
            assertArrayEquals(calibrator.gains(), copy.gains());
            assertArrayEquals(Calibrator.fitGains(data, copy.parameters()), copy.gains());
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
