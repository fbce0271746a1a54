package org.hetquant.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hetquant.engine.Summary;
import org.junit.jupiter.api.Test;

class PhaseRasterTest {

    private static final String[] UNITS = {"s0_n00", "s0_n01", "s1_n00", "s1_n01"};

    @Test
    void utilizationIsTheFiringPercentagePerSampleWithRsSd() {
        // 1, 2 and 4 of 4 units fire: 25, 50, 100 %.
        PhaseRaster r = new PhaseRaster(UNITS, new int[][] {{0, 0, 7, 0}, {2, 0, 0, 17}, {3, 4, 5, 6}});
        assertArrayEquals(new double[] {25.0, 50.0, 100.0}, r.utilizationPerSample(), 0.0);
        Summary s = r.utilization();
        assertEquals(175.0 / 3.0, s.mean().getAsDouble(), 1e-12);
        // Deviations 100/3, 25/3, 125/3 → sum of squares 26250/9; n − 1 = 2.
        assertEquals(Math.sqrt(26250.0 / 9.0 / 2.0), s.sd().getAsDouble(), 1e-12);
        assertEquals(17, r.maxPhase());
        assertEquals("SD across samples: 38.19 percentage points",
                DiagnosticCharts.sdLine(java.util.List.of(r.utilizationPerSample())));
    }

    @Test
    void rejectsRaggedRowsNegativeCodesAndEmptyInput() {
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> new PhaseRaster(UNITS, new int[][] {{0, 0, 0, 0}, {1, 2}}));
        assertTrue(ragged.getMessage().contains("row 1"), ragged.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new PhaseRaster(UNITS, new int[][] {{0, 0, -1, 0}}));
        assertTrue(negative.getMessage().contains("s1_n00"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PhaseRaster(UNITS, new int[0][]));
        assertThrows(IllegalArgumentException.class, () -> new PhaseRaster(new String[0], new int[][] {{}}));
    }

    @Test
    void copiesItsInput() {
        int[][] phases = {{1, 0, 0, 0}};
        PhaseRaster r = new PhaseRaster(UNITS, phases);
        phases[0][0] = 0;
        assertEquals(1, r.phase(0, 0));
    }

    @Test
    void foldsPoolInOrderAndReportTheMeanOfFoldSds() {
        PhaseRaster f1 = new PhaseRaster(UNITS, new int[][] {{1, 0, 0, 0}, {1, 1, 0, 0}}); // 25, 50 %
        PhaseRaster f2 = new PhaseRaster(UNITS, new int[][] {{1, 1, 1, 1}}); // 100 %
        PhaseRaster pooled = PhaseRaster.concat(java.util.List.of(f1, f2));
        assertArrayEquals(new double[] {25, 50, 100}, pooled.utilizationPerSample(), 0.0);
        String text = DiagnosticsReport.foldText(java.util.List.of(f1, f2), "t");
        // Fold SDs: sqrt(2 * 12.5^2) and undefined (one sample, R's sd gives NA): the mean over folds is over
        // fold 1 only and says so; fold 2's SD is not averaged in as 0.
        assertTrue(text.contains(String.format(java.util.Locale.ROOT,
                "SD across samples, mean over 1 of 2 folds: %.4f percentage points (the paper's metric; 1 fold"
                        + " with one sample has no SD)", Math.sqrt(312.5))), text);
        assertTrue(text.contains("fold 2: 1 sample, mean 100.0000 %, SD undefined"), text);
        assertTrue(text.contains("mean over the 2 folds of the fold means: 68.7500 %"), text);
        // Pooled: 25, 50, 100 % → SD sqrt(((25 − 58.33)² + (50 − 58.33)² + (100 − 58.33)²) / 2) = 38.19.
        assertTrue(text.contains("SD across samples, pooled over all folds: 38.1881 percentage points"), text);
        assertTrue(text.startsWith("HetQuant diagnostics — t\n"), "the header repeats nothing: " + text);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> PhaseRaster.concat(
                java.util.List.of(f1, new PhaseRaster(new String[] {"x_n00"}, new int[][] {{0}}))));
        assertTrue(other.getMessage().contains("raster 1"), other.getMessage());
    }
}
