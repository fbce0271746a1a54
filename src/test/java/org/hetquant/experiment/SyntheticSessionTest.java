package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticSessionTest {

    private static final int N = SyntheticSession.SAMPLES_PER_CLASS;
    private static final long SEED = 314;

    /** Reads one of the authors' released CSVs (header, 8 sensor columns, Label 1..8). */
    static SyntheticSession released(String file) {
        Path path = Path.of(System.getProperty("hetquant.shared", "../shared"), "reference", file);
        try {
            List<String> lines = Files.readAllLines(path);
            double[][] x = new double[lines.size() - 1][];
            int[] y = new int[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",");
                x[r - 1] = new double[8];
                for (int j = 0; j < 8; j++) {
                    x[r - 1][j] = Double.parseDouble(cells[j]);
                }
                y[r - 1] = (int) Double.parseDouble(cells[8]);
            }
            return SyntheticSession.of(file, x, y);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** [class−1][sensor] sample mean and unbiased variance; rows are in label order. */
    private static double[][][] classMoments(SyntheticSession s) {
        double[][] x = s.features();
        int[] y = s.labels();
        double[][] mean = new double[8][8];
        double[][] var = new double[8][8];
        int[] count = new int[8];
        for (int r = 0; r < x.length; r++) {
            count[y[r] - 1]++;
            for (int j = 0; j < 8; j++) {
                mean[y[r] - 1][j] += x[r][j];
            }
        }
        for (int c = 0; c < 8; c++) {
            for (int j = 0; j < 8; j++) {
                mean[c][j] /= count[c];
            }
        }
        for (int r = 0; r < x.length; r++) {
            for (int j = 0; j < 8; j++) {
                double d = x[r][j] - mean[y[r] - 1][j];
                var[y[r] - 1][j] += d * d / (count[y[r] - 1] - 1);
            }
        }
        return new double[][][] {mean, var};
    }

    @Test
    void shapeAndLabelOrder() {
        for (SyntheticSession s : List.of(SyntheticSession.concentration(SEED), SyntheticSession.saturation(SEED))) {
            assertEquals(8 * N, s.size());
            assertEquals(8, s.numFeatures());
            int[] y = s.labels();
            for (int r = 0; r < y.length; r++) {
                assertEquals(r / N + 1, y[r], "label of row " + r);
            }
        }
        assertEquals("Concentration", SyntheticSession.concentration(1).name());
        assertEquals("Saturation", SyntheticSession.saturation(1).name());
    }

    @Test
    void seedMakesItRepeatable() {
        assertEquals(SyntheticSession.saturation(7), SyntheticSession.saturation(7));
        assertTrue(Arrays.deepEquals(SyntheticSession.concentration(7).features(),
                SyntheticSession.concentration(7).features()));
        assertFalse(Arrays.deepEquals(SyntheticSession.saturation(7).features(),
                SyntheticSession.saturation(8).features()));
        assertNotEquals(SyntheticSession.concentration(7), SyntheticSession.concentration(8));
    }

    /**
     * At the authors' seed the generator is their realization: every value of the released Saturation CSV, and of
     * the released Concentration CSV regenerated with that file's flat 0.01 noise, within float32 rounding (the CSVs
     * print 8 significant digits of float32 values; the torch and Java float32 sigmoids may differ by an ulp).
     */
    @Test
    void atSeed314TheGeneratorIsTheAuthorsRealization() {
        assertSameValues(released("saturation.csv"), SyntheticSession.saturation(SEED));
        double[] flat = new double[8];
        Arrays.fill(flat, 0.01);
        assertSameValues(released("concentration.csv"),
                SyntheticSession.generate(SyntheticSession.CONCENTRATION, SEED, false, flat));
        // Another seed is another realization.
        assertNotEquals(released("saturation.csv").row(0)[0], SyntheticSession.saturation(SEED + 1).row(0)[0], 1e-3);
    }

    private static void assertSameValues(SyntheticSession expected, SyntheticSession actual) {
        assertArrayEquals(expected.labels(), actual.labels());
        double[][] e = expected.features();
        double[][] a = actual.features();
        for (int r = 0; r < e.length; r++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(e[r][j], a[r][j], 4e-7 * Math.max(1, Math.abs(e[r][j])),
                        expected.name() + " row " + (r + 1) + " sensor " + j);
            }
        }
    }

    @Test
    void seedOutsideNumPysRangeIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSession.concentration(-1));
        assertTrue(e.getMessage().contains("[0, 4294967295]") && e.getMessage().contains("-1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticSession.saturation(1L << 32));
    }

    @Test
    void saturationRangeLikeReleasedCsv() {
        SyntheticSession ref = released("saturation.csv");
        for (SyntheticSession s : List.of(ref, SyntheticSession.saturation(SEED), SyntheticSession.saturation(2))) {
            double min = Arrays.stream(s.features()).flatMapToDouble(Arrays::stream).min().orElseThrow();
            double max = Arrays.stream(s.features()).flatMapToDouble(Arrays::stream).max().orElseThrow();
            // Floor: 8 near-absent sigmoids ≈ 0.144 minus ~3.5 noise SDs; ceiling: 7 saturated + 0.018 + noise.
            assertTrue(min > 0.04 && min < 0.10, s.name() + " min " + min);
            assertTrue(max > 1.17 && max < 1.26, s.name() + " max " + max);
        }
    }

    /**
     * Each of the 64 class × sensor means of our Saturation session must agree with the released CSV's
     * within 5 standard errors of their difference (SE from both samples' variances, n = 512 each). With 64
     * independent-ish cells a 5-SE miss has probability ≈ 4e-5 under the null, so a failure means a real
     * difference in the generator (affinities, sigmoid, concentrations or noise), not bad luck.
     */
    @Test
    void saturationClassMeansMatchReleasedCsv() {
        double[][][] ref = classMoments(released("saturation.csv"));
        for (long seed : new long[] {SEED, 99}) {
            double[][][] ours = classMoments(SyntheticSession.saturation(seed));
            for (int c = 0; c < 8; c++) {
                for (int j = 0; j < 8; j++) {
                    double se = Math.sqrt((ours[1][c][j] + ref[1][c][j]) / N);
                    double diff = Math.abs(ours[0][c][j] - ref[0][c][j]);
                    assertTrue(diff < 5 * se, "class " + (c + 1) + " sensor " + j + ": |diff| " + diff
                            + " > 5 SE " + 5 * se);
                }
            }
        }
    }

    @Test
    void concentrationDiagonalMeanFollowsExponentialLocationAndScale() {
        // E[x_c | class c] = A[c][c] · (loc_c + scale_c), the noise having mean 0.
        SyntheticSession s = SyntheticSession.concentration(SEED);
        double[][][] m = classMoments(s);
        double diag = AffinityMatrix.paper().get(0, 0);
        for (int c = 0; c < 8; c++) {
            double expected = diag * (SyntheticSession.locations()[c] + SyntheticSession.scales()[c]);
            double sd = Math.hypot(diag * SyntheticSession.scales()[c], s.noiseSd()[c]);
            assertEquals(expected, m[0][c][c], 5 * sd / Math.sqrt(N), "class " + (c + 1));
        }
    }

    /**
     * Sensor j's noise SD is measured in the class whose analyte it barely sees (affinity .0057): there
     * Var(x_j) = (A·scale)² + σ_j², and the known first term is subtracted. The estimate's relative SE is
     * ≈ 4 %, so 15 % separates σ = .01 from .02 with margin.
     */
    @Test
    void concentrationNoiseSdFollowsListOnARandomPermutation() {
        AffinityMatrix a = AffinityMatrix.paper();
        for (long seed : new long[] {SEED, 5}) {
            SyntheticSession s = SyntheticSession.concentration(seed);
            double[] sigma = s.noiseSd();
            double[] sortedSigma = sigma.clone();
            Arrays.sort(sortedSigma);
            assertArrayEquals(SyntheticSession.concentrationNoiseSd(), sortedSigma, 0.0);

            double[][] var = classMoments(s)[1];
            for (int j = 0; j < 8; j++) {
                int c = j ^ 7;
                double signal = a.get(j, c) * SyntheticSession.scales()[c];
                double estimate = Math.sqrt(var[c][j] - signal * signal);
                assertEquals(sigma[j], estimate, 0.15 * sigma[j], "seed " + seed + " sensor " + j);
            }
        }
        assertFalse(Arrays.equals(SyntheticSession.concentration(SEED).noiseSd(),
                SyntheticSession.concentration(5).noiseSd()), "permutation should depend on the seed");
        double[] flat = SyntheticSession.saturation(SEED).noiseSd();
        assertArrayEquals(new double[] {.02, .02, .02, .02, .02, .02, .02, .02}, flat, 0.0);
    }

    @Test
    void releasedConcentrationCsvHasFlatNoiseUnlikeTheGenerator() {
        // Documents docs/method.md §7: the released file's noise is ≈ .01 on every sensor, so the σ = .1 sensor of the
        // generator is absent there.
        double[][] var = classMoments(released("concentration.csv"))[1];
        AffinityMatrix a = AffinityMatrix.paper();
        for (int j = 0; j < 8; j++) {
            int c = j ^ 7;
            double signal = a.get(j, c) * SyntheticSession.scales()[c];
            assertEquals(0.01, Math.sqrt(var[c][j] - signal * signal), 0.003, "sensor " + j);
        }
    }

    /**
     * Both factories draw the same concentrations for a given seed. Recover each row's concentration from
     * the Concentration session (inverse-variance weighted least squares over the 8 sensors), push it through
     * the sigmoid model, and compare with the Saturation session: paired seeds leave only noise
     * (≈ .02 plus estimation error), unpaired seeds leave the concentration spread too.
     */
    @Test
    void sessionsWithEqualSeedsShareConcentrationDraws() {
        double paired = maxResidualSd(SyntheticSession.concentration(SEED), SyntheticSession.saturation(SEED));
        double unpaired = maxResidualSd(SyntheticSession.concentration(SEED), SyntheticSession.saturation(SEED + 1));
        assertTrue(paired < 0.025, "paired residual SD " + paired);
        assertTrue(unpaired > 0.04, "unpaired residual SD " + unpaired);
    }

    private static double maxResidualSd(SyntheticSession con, SyntheticSession sat) {
        AffinityMatrix a = AffinityMatrix.paper();
        double[] sigma = con.noiseSd();
        double[][] xc = con.features();
        double[][] xs = sat.features();
        int[] y = con.labels();
        double absent = 1 / (1 + Math.exp(4));
        double[] sumSq = new double[8];
        for (int r = 0; r < xc.length; r++) {
            int c = y[r] - 1;
            double num = 0;
            double den = 0;
            for (int j = 0; j < 8; j++) {
                double w = a.get(j, c) / (sigma[j] * sigma[j]);
                num += w * xc[r][j];
                den += w * a.get(j, c);
            }
            double conc = num / den;
            for (int j = 0; j < 8; j++) {
                double predicted = 1 / (1 + Math.exp(-8 * (conc * a.get(j, c) - 0.5))) + 7 * absent;
                double d = xs[r][j] - predicted;
                sumSq[j] += d * d;
            }
        }
        return Math.sqrt(Arrays.stream(sumSq).max().orElseThrow() / xc.length);
    }

    @Test
    void ofCopiesAndValidates() {
        double[][] x = {{1, 2}, {3, 4}};
        int[] y = {1, 2};
        SyntheticSession s = SyntheticSession.of("toy", x, y);
        x[0][0] = 99;
        assertEquals(1, s.row(0)[0], 0.0);
        assertEquals(0, s.noiseSd().length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSession.of("toy", new double[][] {{1, 2}, {3}}, y));
        assertTrue(e.getMessage().contains("row 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticSession.of("toy", new double[][] {{1, Double.NaN}}, new int[] {1}));
        assertTrue(e.getMessage().contains("feature 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticSession.of("toy", x, new int[] {1}));
    }
}
