package org.hetquant.experiment;

import java.util.List;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;

/**
 * MC utilization under the paper's few-shot protocol (docs/method.md §4.3): for each fold, the test samples are
 * L1-normalized, encoded by the column, and the per-sample utilization's mean and SD (n − 1) are taken across
 * the fold's test samples, all classes pooled; the fold values are then averaged over the folds where they are
 * defined. This is the one place a fold's utilization is computed: the utilization report and the reproduction
 * both call {@link #ofFold}.
 *
 * @param folds each fold's utilization summary across its test samples, in fold order
 */
public record FoldUtilization(List<Summary> folds) {

    /** @throws IllegalArgumentException if {@code folds} is null or empty */
    public FoldUtilization {
        if (folds == null || folds.isEmpty()) {
            throw new IllegalArgumentException("folds must hold at least one fold");
        }
        folds = List.copyOf(folds);
    }

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
        Summary[] folds = new Summary[plan.folds()];
        for (int k = 0; k < folds.length; k++) {
            folds[k] = ofFold(encoder, normalizedRows(workingSet, plan.testIndices(k)));
        }
        return new FoldUtilization(List.of(folds));
    }

    /**
     * One fold's utilization: each row encoded by the column, its utilization ({@link Utilization#ofSample}),
     * summarized across the rows ({@link Utilization#summarize}; the SD of a single row is undefined).
     *
     * @param encoder the column
     * @param normalizedRows the fold's L1-normalized test rows
     */
    public static Summary ofFold(ColumnEncoder encoder, double[][] normalizedRows) {
        byte[] phases = new byte[encoder.units()];
        double[] utilization = new double[normalizedRows.length];
        for (int s = 0; s < normalizedRows.length; s++) {
            encoder.encode(normalizedRows[s], phases);
            utilization[s] = Utilization.ofSample(phases, 0, phases.length);
        }
        return Utilization.summarize(utilization);
    }

    /**
     * Rows of the working set, L1-normalized (without a further shift: the working set is already shifted once,
     * train and test together, docs/method.md §2(a)).
     *
     * @param workingSet the shifted working set
     * @param rows indices into it, e.g. a fold's test indices
     * @return one fresh normalized row per index
     */
    public static double[][] normalizedRows(double[][] workingSet, int[] rows) {
        Normalization l1 = Normalization.withoutShift();
        double[][] v = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            v[i] = new double[workingSet[rows[i]].length];
            l1.apply(workingSet[rows[i]], v[i], rows[i]);
        }
        return v;
    }

    /** Mean over folds of each fold's mean utilization, in %; folds without samples are left out and counted. */
    public Summary meanUtilization() {
        return Summary.ofDefined(folds.stream().map(Summary::mean).toList());
    }

    /**
     * Mean over folds of each fold's utilization SD, in percentage points: the paper's regularization metric.
     * Folds whose SD is undefined (one test sample) are left out and counted in {@link Summary#undefined()}.
     */
    public Summary sd() {
        return Summary.ofDefined(folds.stream().map(Summary::sd).toList());
    }
}
