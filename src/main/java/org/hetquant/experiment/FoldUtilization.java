package org.hetquant.experiment;

import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Utilization;

/**
 * MC utilization under the paper's few-shot protocol (docs/method.md §4.3): for each fold, the test samples are
 * L1-normalized, encoded by the column, and the per-sample utilization's mean and SD (n − 1) are taken across
 * the fold's test samples, all classes pooled; the fold values are then averaged.
 *
 * @param meanUtilization mean over folds of the fold's mean utilization, in %
 * @param meanSd mean over folds of the fold's utilization SD, in percentage points
 * @param foldSds each fold's utilization SD
 */
public record FoldUtilization(double meanUtilization, double meanSd, double[] foldSds) {

    /**
     * Measures data-blind gains on a protocol plan.
     *
     * @param workingSet the plan's working set ({@link SamplingProtocol.Plan#workingSet}), shifted, raw
     * @param plan the folds
     * @param gains the column's gains; one feature per working-set column
     * @param table the MC neuron's phase table
     */
    public static FoldUtilization measure(double[][] workingSet, SamplingProtocol.Plan plan, ColumnGains gains,
            PhaseTable table) {
        ColumnEncoder encoder = new ColumnEncoder(gains, table);
        Normalization l1 = Normalization.withoutShift();
        int folds = plan.folds();
        double[] sds = new double[folds];
        double meanUtil = 0.0;
        double[] v = new double[gains.features()];
        byte[] phases = new byte[encoder.units()];
        for (int k = 0; k < folds; k++) {
            int[] test = plan.testIndices(k);
            double[] util = new double[test.length];
            for (int s = 0; s < test.length; s++) {
                l1.apply(workingSet[test[s]], v, test[s]);
                encoder.encode(v, phases);
                util[s] = Utilization.ofSample(phases, 0, phases.length);
            }
            Utilization.Summary summary = Utilization.summarize(util);
            sds[k] = summary.sd();
            meanUtil += summary.mean() / folds;
        }
        double meanSd = 0.0;
        for (double sd : sds) {
            meanSd += sd / folds;
        }
        return new FoldUtilization(meanUtil, meanSd, sds);
    }

    /** The fold SDs, a copy. */
    @Override
    public double[] foldSds() {
        return foldSds.clone();
    }
}
