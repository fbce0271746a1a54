package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.hetquant.cli.LabeledCsv;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fidelity to the published MC utilization SDs on the authors' released Saturation session (docs/method.md §4.4, §5):
 * Uniform 2.81 / 1.49 / 0.74 / 0.45 for n = 4 / 8 / 16 / 32 and Homogeneous 13.55 (averaged over the 10
 * weight levels), measured with the paper's protocol (16 per class, 8 folds, SD over a fold's 112 test rows,
 * averaged over folds).
 *
 * <p>The published values come from one resample drawn with NumPy's streams, which Java cannot replay
 * (docs/method.md §6 item 9), so agreement is statistical: the protocol is run with the paper's seed 314 and, to show
 * the agreement is not the luck of one draw, averaged over seeds 1..10.
 */
class SaturationFidelityTest {

    private static final int[] DUPLICATION = {4, 8, 16, 32};
    private static final double[] PUBLISHED_UNIFORM_SD = {2.81, 1.49, 0.74, 0.45};
    private static final double PUBLISHED_HOMOGENEOUS_SD = 13.55;

    private static LabeledCsv saturation;
    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);

    @BeforeAll
    static void load() throws IOException {
        saturation = LabeledCsv.read(
                Path.of(System.getProperty("hetquant.shared", "../shared"), "reference", "saturation.csv"));
    }

    private static double[] uniformSds(long seed) {
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(saturation.labels(), seed);
        double[][] ws = plan.workingSet(saturation.features());
        double[] sds = new double[DUPLICATION.length];
        for (int j = 0; j < DUPLICATION.length; j++) {
            sds[j] = FoldUtilization.measure(ws, plan,
                    ColumnGains.dataBlind(8, ColumnGains.uniform(DUPLICATION[j], 25, 0.01)), TABLE)
                    .sd().mean().getAsDouble();
        }
        return sds;
    }

    private static double homogeneousSd(long seed) {
        SamplingProtocol.Plan plan = SamplingProtocol.paper().plan(saturation.labels(), seed);
        double[][] ws = plan.workingSet(saturation.features());
        double sum = 0.0;
        for (double w : PaperGrid.homogeneousLevels()) {
            // Duplicates are identical, so n does not change homogeneous utilization; n = 4 as in the grid.
            sum += FoldUtilization.measure(ws, plan, ColumnGains.dataBlind(8, ColumnGains.homogeneous(4, w)),
                    TABLE).sd().mean().getAsDouble();
        }
        return sum / PaperGrid.homogeneousLevels().length;
    }

    @Test
    void uniformSdWithin15PercentOfPublished() {
        double[] paperSeed = uniformSds(314);
        double[] averaged = new double[DUPLICATION.length];
        for (long seed = 1; seed <= 10; seed++) {
            double[] sds = uniformSds(seed);
            for (int j = 0; j < sds.length; j++) {
                averaged[j] += sds[j] / 10;
            }
        }
        for (int j = 0; j < DUPLICATION.length; j++) {
            double tol = 0.15 * PUBLISHED_UNIFORM_SD[j];
            assertEquals(PUBLISHED_UNIFORM_SD[j], paperSeed[j], tol, "seed 314, n = " + DUPLICATION[j]);
            assertEquals(PUBLISHED_UNIFORM_SD[j], averaged[j], tol, "mean over seeds 1..10, n = " + DUPLICATION[j]);
        }
    }

    @Test
    void homogeneousSdWithin10PercentOfPublished() {
        assertEquals(PUBLISHED_HOMOGENEOUS_SD, homogeneousSd(314), 0.10 * PUBLISHED_HOMOGENEOUS_SD);
        double averaged = 0.0;
        for (long seed = 1; seed <= 10; seed++) {
            averaged += homogeneousSd(seed) / 10;
        }
        assertEquals(PUBLISHED_HOMOGENEOUS_SD, averaged, 0.10 * PUBLISHED_HOMOGENEOUS_SD);
    }
}
