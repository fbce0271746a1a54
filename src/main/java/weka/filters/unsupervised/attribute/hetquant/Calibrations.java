package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.Calibrator;
import org.hetquant.engine.ColumnGains;

/** Runs the engine's calibration on a first batch, with errors put in the filter's terms. */
final class Calibrations {

    private Calibrations() {}

    /**
     * Fits per-feature gains on normalized rows.
     *
     * @param rows {@code [row][feature]}, L1-normalized, {@code NaN} where missing
     * @throws org.hetquant.engine.InvalidValueException for a value outside [0, 1], naming its row and feature
     *     (the filter restates it)
     * @throws IllegalArgumentException naming the filter if there is nothing to fit on
     */
    static ColumnGains fit(double[][] rows, CalibrationParameters parameters, AbstractHetQuantFilter filter) {
        if (rows.length == 0) {
            throw new IllegalArgumentException(filter.getClass().getSimpleName()
                    + ": the first batch is empty; calibration needs at least one row");
        }
        try {
            return ColumnGains.of(Calibrator.fitGains(rows, parameters));
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(filter.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
