package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;
import org.junit.jupiter.api.Test;

class FoldUtilizationTest {

    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);

    @Test
    void aFoldIsItsRowsEncodedAndSummarized() {
        ColumnEncoder encoder = new ColumnEncoder(ColumnGains.dataBlind(2, ColumnGains.uniform(8, 25, 0.01)), TABLE);
        double[][] rows = {{0.5, 0.5}, {0.9, 0.1}, {0.99, 0.01}};
        double[] expected = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            byte[] phases = encoder.encode(rows[r]);
            expected[r] = Utilization.ofSample(phases, 0, phases.length);
        }
        assertEquals(Summary.of(expected), FoldUtilization.ofFold(encoder, rows));
        Summary single = FoldUtilization.ofFold(encoder, new double[][] {rows[0]});
        assertFalse(single.sd().isPresent(), "the SD of one test sample is undefined (R: NA)");
        assertEquals(expected[0], single.mean().getAsDouble(), 0.0);
    }

    @Test
    void theMeanOverFoldsLeavesUndefinedSdsOutAndCountsThem() {
        FoldUtilization u = new FoldUtilization(List.of(Summary.of(25, 50), Summary.of(100), Summary.of(0, 50, 100)));
        assertEquals((Math.sqrt(312.5) + 50) / 2, u.sd().mean().getAsDouble(), 1e-12);
        assertEquals(2, u.sd().count());
        assertEquals(1, u.sd().undefined());
        assertEquals((37.5 + 100 + 50) / 3, u.meanUtilization().mean().getAsDouble(), 1e-12);
        assertEquals(0, u.meanUtilization().undefined());
        assertThrows(IllegalArgumentException.class, () -> new FoldUtilization(List.of()));
    }

    @Test
    void onePlanFoldPerProtocolFold() {
        int[] labels = new int[64];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = 1 + i % 2;
        }
        double[][] features = new double[64][];
        for (int i = 0; i < features.length; i++) {
            features[i] = new double[] {1 + i % 7, 1 + i % 5, 1 + i % 3};
        }
        SamplingProtocol.Plan plan = new SamplingProtocol(8, 4).plan(labels, 1);
        double[][] workingSet = plan.workingSet(features);
        FoldUtilization u = FoldUtilization.measure(workingSet, plan,
                ColumnGains.dataBlind(3, ColumnGains.uniform(4, 25, 0.01)), TABLE);
        assertEquals(4, u.folds().size());
        ColumnEncoder encoder = new ColumnEncoder(ColumnGains.dataBlind(3, ColumnGains.uniform(4, 25, 0.01)), TABLE);
        for (int k = 0; k < 4; k++) {
            assertEquals(FoldUtilization.ofFold(encoder,
                    FoldUtilization.normalizedRows(workingSet, plan.testIndices(k))), u.folds().get(k), "fold " + k);
            assertEquals(plan.testIndices(k).length, u.folds().get(k).count());
        }
    }
}
