package org.hetquant.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test oracle: the batch calibration as it was written before {@link CalibrationSummary} existed (boxed hash sets
 * of distinct values per feature, the FAITHFUL rule as pending and fitted sets), kept to check that the summary,
 * and {@link Calibrator} on top of it, give identical gains.
 */
final class CalibrationOracle {

    private final CalibrationParameters parameters;
    private int featureCount = -1;
    private int sampleCount;
    private double[] runningMin;
    private double[] runningMax;
    /** Whether some sample set a new non-zero running extreme (the FAITHFUL trigger). */
    private boolean triggered;
    /** Per feature: distinct values (below L stored as L) the fit uses. */
    private List<HashSet<Double>> fitted;
    /** Per feature, FAITHFUL only: distinct values seen since the last trigger, not (yet) used by the fit. */
    private List<HashSet<Double>> pending;
    private double[][] gainsCache;

    /**
     * @param parameters calibration hyperparameters, non-null
     */
    CalibrationOracle(CalibrationParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
    }

    /**
     * Fits the gains in one go from a matrix of calibration samples.
     *
     * @param rows       calibration samples, each as for {@link #observe}; at least one
     * @param parameters calibration hyperparameters
     * @return the fitted gains, as {@link #gains()}
     */
    public static double[][] fitGains(double[][] rows, CalibrationParameters parameters) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException("rows must hold at least one calibration sample");
        }
        CalibrationOracle calibrator = new CalibrationOracle(parameters);
        for (double[] row : rows) {
            calibrator.observe(row);
        }
        return calibrator.gains();
    }

    /**
     * Adds one calibration sample.
     *
     * @param v the L1-normalized sample: one value in [0, 1] per feature, or NaN for a missing value (ignored for
     *          that feature); every sample must have the same number of features, ≥ 1
     * @throws IllegalArgumentException if the sample is malformed (the message names the sample and feature)
     */
    public void observe(double[] v) {
        validateSample(v);
        if (featureCount < 0) {
            initialize(v.length);
        }
        boolean trigger = false;
        for (int i = 0; i < featureCount; i++) {
            double value = v[i];
            // NaN fails both comparisons, so a missing value never sets an extreme.
            if (value != 0 && value < runningMin[i]) {
                runningMin[i] = value;
                trigger = true;
            }
            if (value != 0 && value > runningMax[i]) {
                runningMax[i] = value;
                trigger = true;
            }
        }
        boolean faithful = parameters.updateRule() == UpdateRule.FAITHFUL;
        for (int i = 0; i < featureCount; i++) {
            if (!Double.isNaN(v[i])) {
                (faithful ? pending : fitted).get(i).add(stored(v[i]));
            }
        }
        if (faithful && trigger) {
            for (int i = 0; i < featureCount; i++) {
                fitted.get(i).addAll(pending.get(i));
                pending.get(i).clear();
            }
        }
        triggered |= trigger;
        sampleCount++;
        gainsCache = null;
    }

    /**
     * The fitted ET→MC gains W (drive per unit of L1-normalized input): {@code [feature][k]}, n per feature,
     * ascending in k. Steps 8–9 of docs/method.md §2(d): each feature's weight factors are sorted, then
     * {@code corr = median(linspace(L, 1, n)) / median(1/factors)} with torch's lower median over all F·n
     * entries, and {@code W = (P/corr)·factors}. Hence the global lower median of P/W equals the lower median of
     * {@code linspace(L, 1, n)}.
     *
     * @return a fresh array
     * @throws IllegalStateException if no sample was observed, or (FAITHFUL) no sample had a non-zero value, in
     *                               which case the authors' weights would never have been fitted
     */
    public double[][] gains() {
        if (gainsCache == null) {
            gainsCache = fit();
        }
        double[][] copy = new double[gainsCache.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = gainsCache[i].clone();
        }
        return copy;
    }

    private double[][] fit() {
        if (sampleCount == 0) {
            throw new IllegalStateException("no calibration samples observed: call observe(...) before gains()");
        }
        if (parameters.updateRule() == UpdateRule.FAITHFUL && !triggered) {
            throw new IllegalStateException("no calibration sample had a non-zero value, so the FAITHFUL rule "
                    + "never fitted the weights");
        }
        int n = parameters.duplication();
        double[][] space = new double[featureCount][];
        double[] coverage = new double[featureCount * n];
        for (int i = 0; i < featureCount; i++) {
            Set<Double> values = fitted.get(i);
            double[] column = new double[values.size() + 1];
            int j = 0;
            for (double value : values) {
                column[j++] = value;
            }
            // The zero rows (initial and rinse) are always part of the authors' observations.
            column[j] = 0.0;
            space[i] = AdaptiveDensity.weightFactors(column, n, parameters.smoothing(), parameters.limit());
            Arrays.sort(space[i]);
            for (int k = 0; k < n; k++) {
                coverage[i * n + k] = 1.0 / space[i][k];
            }
        }
        double target = TorchConventions.lowerMedian(TorchConventions.linspace(parameters.limit(), 1.0, n));
        double correction = target / TorchConventions.lowerMedian(coverage);
        double gain = parameters.payload() / correction;
        for (double[] column : space) {
            for (int k = 0; k < n; k++) {
                column[k] *= gain;
            }
        }
        return space;
    }

    private double stored(double value) {
        // Values below L are replaced by L in the fit anyway; storing them as L keeps the sets small.
        return value < parameters.limit() ? parameters.limit() : value;
    }

    private void initialize(int features) {
        featureCount = features;
        runningMin = new double[features];
        runningMax = new double[features];
        Arrays.fill(runningMin, Double.POSITIVE_INFINITY);
        Arrays.fill(runningMax, Double.NEGATIVE_INFINITY);
        fitted = newSets(features);
        pending = parameters.updateRule() == UpdateRule.FAITHFUL ? newSets(features) : null;
    }

    private static List<HashSet<Double>> newSets(int features) {
        List<HashSet<Double>> sets = new ArrayList<>(features);
        for (int i = 0; i < features; i++) {
            sets.add(new HashSet<>());
        }
        return sets;
    }

    private void validateSample(double[] v) {
        if (v == null) {
            throw new IllegalArgumentException("sample " + sampleCount + " must not be null");
        }
        if (featureCount < 0 ? v.length == 0 : v.length != featureCount) {
            throw new IllegalArgumentException("sample " + sampleCount + " has " + v.length + " features, expected "
                    + (featureCount < 0 ? "at least 1" : String.valueOf(featureCount)));
        }
        for (int i = 0; i < v.length; i++) {
            double value = v[i];
            if (!Double.isNaN(value) && !(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("sample " + sampleCount + ", feature " + i
                        + ": value must be in [0, 1] (or NaN for missing), was " + value);
            }
        }
    }
}
