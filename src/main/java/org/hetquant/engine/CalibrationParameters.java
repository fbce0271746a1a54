package org.hetquant.engine;

import java.io.Serializable;

/**
 * Hyperparameters of the data-aware (adaptive) calibration, docs/method.md §2(d).
 *
 * @param duplication n, MCs per column, {@link ParameterRange#DUPLICATION} (≥ 1)
 * @param payload     P, the nominal drive scale of the ET→MC gains, {@link ParameterRange#PAYLOAD} (finite, &gt; 0;
 *                    paper: 25)
 * @param limit       L, the smallest covered L1-normalized input, {@link ParameterRange#LIMIT} (in (0, 1); paper:
 *                    0.01)
 * @param smoothing   s, {@link ParameterRange#SMOOTHING} (in [0, 1]); {@link #ADAPTIVE_SMOOTHING} and
 *                    {@link #SCALED_SMOOTHING} are the paper's values
 * @param updateRule  which observations the fit uses, non-null
 */
public record CalibrationParameters(int duplication, double payload, double limit, double smoothing,
                                    UpdateRule updateRule) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Paper payload P (the column's, {@link ColumnGains#DEFAULT_PAYLOAD}). */
    public static final double DEFAULT_PAYLOAD = ColumnGains.DEFAULT_PAYLOAD;
    /** Paper limit L (the column's, {@link ColumnGains#DEFAULT_LIMIT}). */
    public static final double DEFAULT_LIMIT = ColumnGains.DEFAULT_LIMIT;
    /** Smoothing of the paper's "Adaptive" condition (4 Jenks classes, 3 segments). */
    public static final double ADAPTIVE_SMOOTHING = 0.25;
    /** Smoothing of the paper's "Scaled" condition (2 Jenks classes, 1 segment). */
    public static final double SCALED_SMOOTHING = 0.5;

    /** Validates every component; messages name the parameter and its range. */
    public CalibrationParameters {
        requireDuplication(duplication);
        ParameterRange.PAYLOAD.require("payload P", payload);
        requireLimit(limit);
        requireSmoothing(smoothing);
        if (updateRule == null) {
            throw new IllegalArgumentException("updateRule must be one of FAITHFUL, FINAL, was null");
        }
    }

    /** Paper defaults (P = 25, L = 0.01, {@link UpdateRule#FINAL}) for the given duplication and smoothing. */
    public static CalibrationParameters of(int duplication, double smoothing) {
        return new CalibrationParameters(duplication, DEFAULT_PAYLOAD, DEFAULT_LIMIT, smoothing, UpdateRule.FINAL);
    }

    /** A copy with another update rule. */
    public CalibrationParameters withUpdateRule(UpdateRule rule) {
        return new CalibrationParameters(duplication, payload, limit, smoothing, rule);
    }

    static void requireDuplication(int duplication) {
        ParameterRange.DUPLICATION.require("duplication n", duplication);
    }

    static void requireLimit(double limit) {
        ParameterRange.LIMIT.require("limit L", limit);
    }

    static void requireSmoothing(double smoothing) {
        ParameterRange.SMOOTHING.require("smoothing s", smoothing);
    }
}
