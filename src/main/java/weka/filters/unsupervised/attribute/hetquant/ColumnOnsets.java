package weka.filters.unsupervised.attribute.hetquant;

import weka.core.Instances;

/**
 * A fitted node whose transform contains a column of n neurons per selected attribute: where each neuron starts
 * to fire, and the column inputs of a data set on the same scale, so that the thresholds can be drawn over the
 * data (the diagnostics node does this).
 */
public interface ColumnOnsets {

    /** The selected attributes (the features), in input order; empty before the input format is set. */
    String[] featureNames();

    /**
     * Per feature, in neuron order (ascending gain), the column input from which that neuron fires: its drive
     * gain · x reaches the firing threshold D*, i.e. x ≥ D* / gain. The unit is the column's input (for a node
     * that normalizes, the L1-normalized value, in [0, 1]).
     *
     * @return {@code [feature][neuron]}, positive and finite
     * @throws IllegalStateException before the first batch has been fitted
     */
    double[][] onsets();

    /**
     * The column input of each feature for every row of {@code data}, on the scale of {@link #onsets()}: the
     * selected attributes after whatever the node does before its column (e.g. its normalization).
     *
     * @param data rows whose header equals the first batch's
     * @return {@code [feature][row]}, {@code NaN} where missing
     * @throws IllegalStateException before the first batch has been fitted
     * @throws IllegalArgumentException if the header differs from the first batch's, or a row is rejected by
     *     the node (e.g. a negative value without the shift), naming it
     */
    double[][] columnInputs(Instances data);
}
