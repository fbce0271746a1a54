package org.hetquant.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hetquant.experiment.NumPyLegacyStream;
import org.hetquant.experiment.StratifiedFolds;
import org.junit.jupiter.api.Test;

class FewShotSvmTest {

    /** 8 classes × 14 samples (the paper's 112 test responses), Gaussian clusters of the given spread. */
    private static double[][] clusters(int[] labels, double spread, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[labels.length][16];
        for (int i = 0; i < labels.length; i++) {
            for (int j = 0; j < 16; j++) {
                double centre = (j % 8) == labels[i] - 1 ? 10.0 : 0.0;
                x[i][j] = centre + spread * gaussian(rng);
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static int[] labels() {
        int[] y = new int[112];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + i % 8;
        }
        return y;
    }

    @Test
    void separableClustersScoreHundredPercent() {
        int[] y = labels();
        FewShotSvm.Result r = new FewShotSvm(314).evaluate(clusters(y, 0.5, 1), y, false);
        assertEquals(100.0, r.accuracy(), 1e-9);
        assertEquals(100.0, r.validationAccuracy(), 1e-9);
        // The first maximum in C-major order: the smallest C that separates.
        assertTrue(r.c() <= 1.0, "C " + r.c());
    }

    @Test
    void scalingMakesTheScoreInvariantToFeatureUnits() {
        int[] y = labels();
        double[][] x = clusters(y, 0.5, 2);
        double[][] stretched = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            stretched[i] = x[i].clone();
            for (int j = 0; j < 16; j++) {
                stretched[i][j] *= 1000.0;
            }
        }
        double scaled = new FewShotSvm(314).evaluate(x, y, true).accuracy();
        assertEquals(100.0, scaled, 1e-9);
        assertEquals(scaled, new FewShotSvm(314).evaluate(stretched, y, true).accuracy(), 1e-9);
    }

    @Test
    void randomLabelsScoreNearChance() {
        int[] y = labels();
        double[][] x = clusters(y, 0.5, 3);
        // Shuffle labels relative to the features: nothing is learnable, expect about 12.5 %.
        int[] shuffled = y.clone();
        new NumPyLegacyStream(9).shuffle(shuffled);
        double acc = new FewShotSvm(314).evaluate(x, shuffled, false).accuracy();
        assertTrue(acc < 35.0, "accuracy on random labels " + acc);
    }

    @Test
    void overlappingClustersScoreBetweenChanceAndPerfect() {
        int[] y = labels();
        double acc = new FewShotSvm(314).evaluate(clusters(y, 6.0, 4), y, false).accuracy();
        assertTrue(acc > 20.0 && acc < 95.0, "accuracy " + acc);
    }

    @Test
    void sameSeedSameScore() {
        int[] y = labels();
        double[][] x = clusters(y, 4.0, 5);
        assertEquals(
                new FewShotSvm(7).evaluate(x, y, false), new FewShotSvm(7).evaluate(x, y, false));
    }

    @Test
    void rejectsTooSmallClassesAndRaggedRows() {
        int[] y = {1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2};
        double[][] x = new double[16][2];
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new FewShotSvm(1).evaluate(x, y, false));
        assertTrue(e.getMessage().contains("class 1"), e.getMessage());
        double[][] ragged = new double[16][2];
        ragged[3] = new double[3];
        int[] y2 = new int[16];
        for (int i = 0; i < 16; i++) {
            y2[i] = i % 2;
        }
        e = assertThrows(IllegalArgumentException.class, () -> new FewShotSvm(1).evaluate(ragged, y2, false));
        assertTrue(e.getMessage().contains("row 3"), e.getMessage());
    }

    @Test
    void stratifiedFoldsSpreadEachClassEvenly() {
        int[] y = new int[56];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1 + (i * 5) % 8;
        }
        int[] folds = StratifiedFolds.assign(y, 4, new NumPyLegacyStream(1));
        int[][] perClass = new int[4][9];
        int[] total = new int[4];
        for (int i = 0; i < y.length; i++) {
            perClass[folds[i]][y[i]]++;
            total[folds[i]]++;
        }
        for (int f = 0; f < 4; f++) {
            assertEquals(14, total[f]);
            for (int c = 1; c <= 8; c++) {
                assertTrue(perClass[f][c] == 1 || perClass[f][c] == 2, "fold " + f + " class " + c);
            }
        }
    }
}
