package weka.filters.unsupervised.attribute.hetquant;

import java.util.StringJoiner;
import java.util.function.Consumer;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnGains;

/**
 * Runs the engine's calibration on a first batch, row by row through a {@link CalibrationSummary}, with errors
 * put in the filter's terms.
 */
final class Calibrations {

    private Calibrations() {}

    /** The fitted gains and the attributes whose values overflowed the exact limit (empty if none). */
    record Fit(ColumnGains gains, String sketched) {}

    /**
     * Fits per-feature gains on normalized rows.
     *
     * @param features   number of features
     * @param rows       calls its argument once per row with the row's L1-normalized features ({@code NaN} where
     *                   missing), in order; the array may be reused for the next row
     * @param exactLimit distinct values per feature kept exactly (the sketch is sized from it)
     * @throws org.hetquant.engine.InvalidValueException for a value outside [0, 1], naming its row and feature
     *     (the filter restates it)
     * @throws IllegalArgumentException naming the filter if there is nothing to fit on
     */
    static Fit fit(int features, Consumer<Consumer<double[]>> rows, CalibrationParameters parameters,
                   int exactLimit, AbstractHetQuantFilter filter) {
        CalibrationSummary summary = CalibrationSummary.create(features, parameters, exactLimit);
        rows.accept(summary::add);
        if (summary.count() == 0) {
            throw new IllegalArgumentException(filter.getClass().getSimpleName()
                    + ": the first batch is empty; calibration needs at least one row");
        }
        ColumnGains gains;
        try {
            gains = summary.gains();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(filter.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        StringJoiner sketched = new StringJoiner(", ");
        String[] names = filter.featureNames();
        for (int f = 0; f < features; f++) {
            if (!summary.exact(f)) {
                sketched.add(names[f]);
            }
        }
        return new Fit(gains, sketched.toString());
    }

    /**
     * Fits per-feature gains on normalized rows held in memory, as {@link #fit(int, Consumer,
     * CalibrationParameters, int, AbstractHetQuantFilter)} does on streamed ones.
     *
     * @param rows {@code [row][feature]}, L1-normalized, {@code NaN} where missing; not modified
     */
    static Fit fit(double[][] rows, CalibrationParameters parameters, int exactLimit, AbstractHetQuantFilter filter) {
        return fit(filter.featureNames().length, sink -> {
            for (double[] row : rows) {
                sink.accept(row);
            }
        }, parameters, exactLimit, filter);
    }

    /** The fit's description for {@code toString()}: how the values were kept. */
    static String describe(String sketched, int exactLimit) {
        return sketched.isEmpty()
                ? "exact distinct values"
                : "quantile sketch (k = " + CalibrationSummary.sketchKFor(exactLimit) + ") for " + sketched
                        + ", which had more than " + exactLimit + " distinct values; exact for the rest";
    }
}
