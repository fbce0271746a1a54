package org.hetquant.engine;

import java.io.Serializable;

/**
 * Data-aware (adaptive) calibration of the ET→MC gains, docs/method.md §2(d), in one batch: accumulates the
 * calibration samples (L1-normalized rows) and fits, per feature, a column of n gains from the natural breaks of
 * the observed values, followed by the global lower-median gain correction.
 *
 * <p>The authors' observation column also holds an initial all-zero row and the rinse zeros after every sample;
 * they become L, so L is always part of each feature's values. Only distinct values matter to the fit. This is a
 * {@link CalibrationSummary} that never leaves its exact mode (memory grows with the distinct values); use the
 * summary itself for bounded memory, merging or streaming.
 *
 * <p>Not thread-safe. Serializable, so a Weka filter holding a fitted calibrator can be saved.
 */
public final class Calibrator implements Serializable {

    private static final long serialVersionUID = 2L;

    private final CalibrationParameters parameters;
    /** Created with the first sample, which fixes the number of features. */
    private CalibrationSummary summary;

    /**
     * @param parameters calibration hyperparameters, non-null
     */
    public Calibrator(CalibrationParameters parameters) {
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
        Calibrator calibrator = new Calibrator(parameters);
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
     * @throws InvalidValueException for a value outside [0, 1], naming the sample and feature (from 0)
     * @throws IllegalArgumentException if the sample is otherwise malformed (the message names the sample)
     */
    public void observe(double[] v) {
        if (summary == null) {
            if (v == null || v.length == 0) {
                throw new IllegalArgumentException("sample 0 must hold at least 1 feature");
            }
            summary = CalibrationSummary.create(v.length, parameters, Integer.MAX_VALUE,
                    CalibrationSummary.DEFAULT_SKETCH_K);
        }
        summary.add(v);
    }

    /** Number of calibration samples observed so far. */
    public int sampleCount() {
        return summary == null ? 0 : (int) summary.count();
    }

    /** Number of features F, or −1 before the first sample. */
    public int featureCount() {
        return summary == null ? -1 : summary.features();
    }

    /** The hyperparameters. */
    public CalibrationParameters parameters() {
        return parameters;
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
        return columnGains().toArray();
    }

    /** The fitted gains as a {@link ColumnGains} value; see {@link #gains()}. */
    public ColumnGains columnGains() {
        if (summary == null) {
            throw new IllegalStateException("no calibration samples observed: call observe(...) before gains()");
        }
        return summary.gains();
    }

    /**
     * Diagnostic: the L1-normalized input value at which each MC starts to fire, {@code (D*)/W}, per feature and
     * in the order of {@link #gains()} (descending thresholds).
     *
     * @param driveThreshold D*, the smallest drive w·v that makes an MC spike (about 6.79 for the paper's LIF),
     *                       finite and &gt; 0
     * @return {@code [feature][k]} thresholds in input units
     */
    public double[][] firingThresholds(double driveThreshold) {
        if (!(driveThreshold > 0) || !Double.isFinite(driveThreshold)) {
            throw new IllegalArgumentException("driveThreshold must be finite and > 0, was " + driveThreshold);
        }
        double[][] thresholds = gains();
        for (double[] column : thresholds) {
            for (int k = 0; k < column.length; k++) {
                column[k] = driveThreshold / column[k];
            }
        }
        return thresholds;
    }
}
