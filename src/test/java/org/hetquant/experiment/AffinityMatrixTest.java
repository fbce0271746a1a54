package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AffinityMatrixTest {

    /** Sharpened vector quoted in docs/method.md §4.1 (4 decimals). */
    private static final double[] SPEC_VECTOR = {.3048, .2711, .1832, .1582, .0387, .0290, .0094, .0057};

    @Test
    void sharpenedPaperVectorMatchesSpec() {
        double[] v = AffinityMatrix.paper().vector();
        assertArrayEquals(SPEC_VECTOR, v, 5e-5);
        assertEquals(1.0, Arrays.stream(v).sum(), 1e-12);
        assertEquals(AffinityMatrix.PAPER_SPARSITY, AffinityMatrix.hoyerSparsity(v), 1e-4);
    }

    @Test
    void coarseSearchAloneWouldMissTheBand() {
        // Exponent 2.3 alone overshoots (sparsity ≈ 0.408); the fine additive step is what lands in the band.
        double[] seed = AffinityMatrix.paperSeedVector();
        double[] coarse = new double[seed.length];
        double sum = 0;
        for (int i = 0; i < seed.length; i++) {
            coarse[i] = Math.pow(seed[i], 2.3);
            sum += coarse[i];
        }
        for (int i = 0; i < seed.length; i++) {
            coarse[i] /= sum;
        }
        assertEquals(0.4079, AffinityMatrix.hoyerSparsity(coarse), 1e-4);
    }

    @Test
    void rowsAndColumnsArePermutationsOfTheVector() {
        AffinityMatrix a = AffinityMatrix.paper();
        double[] sorted = a.vector();
        Arrays.sort(sorted);
        double[][] m = a.toArray();
        for (int i = 0; i < 8; i++) {
            double[] row = m[i].clone();
            Arrays.sort(row);
            assertArrayEquals(sorted, row, 0.0, "row " + i);
            double[] col = new double[8];
            for (int j = 0; j < 8; j++) {
                col[j] = m[j][i];
            }
            Arrays.sort(col);
            assertArrayEquals(sorted, col, 0.0, "column " + i);
        }
    }

    @Test
    void symmetricWithStrictArgmaxOnDiagonal() {
        AffinityMatrix a = AffinityMatrix.paper();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertEquals(a.get(i, j), a.get(j, i), 0.0);
                if (i != j) {
                    assertTrue(a.get(i, i) > a.get(i, j), "sensor " + i + " prefers analyte " + j);
                }
            }
        }
    }

    @Test
    void quadrantStructureKeepsSimilarAnalytesTogether() {
        // Depth-3 swaps: sensor 1 is sensor 0 with analytes swapped pairwise, sensor 2 with pairs swapped,
        // sensor 4 with halves swapped. Spot-check rows 1 and 5 against the matrix of docs/method.md §4.1.
        AffinityMatrix a = AffinityMatrix.paper();
        double[] v = a.vector();
        double[][] m = a.toArray();
        assertArrayEquals(new double[] {v[1], v[0], v[3], v[2], v[5], v[4], v[7], v[6]}, m[1], 0.0);
        assertArrayEquals(new double[] {v[5], v[4], v[7], v[6], v[1], v[0], v[3], v[2]}, m[5], 0.0);
    }

    @Test
    void hoyerExtremes() {
        assertEquals(0.0, AffinityMatrix.hoyerSparsity(new double[] {2, 2, 2, 2}), 1e-12);
        assertEquals(1.0, AffinityMatrix.hoyerSparsity(new double[] {0, 3, 0, 0}), 1e-12);
    }

    @Test
    void sharpeningAlsoFlattensWhenTargetIsLower() {
        double[] flat = AffinityMatrix.sharpenToSparsity(new double[] {1, 0.5, 0.1, 0.05}, 0.3);
        assertEquals(0.3, AffinityMatrix.hoyerSparsity(flat), 2e-3);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AffinityMatrix.sharpenToSparsity(AffinityMatrix.paperSeedVector(), 1.5));
        assertTrue(e.getMessage().contains("target"));
        assertThrows(IllegalArgumentException.class, () -> AffinityMatrix.fromVector(new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> AffinityMatrix.fromVector(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> AffinityMatrix.paper().get(8, 0));
    }
}
