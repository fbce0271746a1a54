package org.hetquant.spark;

import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;

/**
 * The params the estimator {@link HetQuant} and its model {@link HetQuantModel} share (the model receives their
 * values from the estimator when fitted), with their getters and setters. Each stage holds its own param
 * instances, made by {@link HetQuantParams}, and returns them from the accessor methods.
 *
 * @param <S> the stage type, returned by the setters for chaining
 */
public interface HetQuantColumnParams<S extends HetQuantColumnParams<S>> extends Params {

    /** The input vector column (default {@code features}). */
    Param<String> inputCol();

    /** The output vector column of phase codes (default {@code phases}). */
    Param<String> outputCol();

    /** {@code error}, {@code skip} or {@code keep} (default {@code error}). */
    Param<String> handleInvalid();

    /** {@code clip}, {@code offset}, {@code shift} or {@code error} (default {@code clip}). */
    Param<String> negativeValues();

    /** {@code ascending}, {@code paper} or {@code binary} (default {@code ascending}). */
    Param<String> encoding();

    default String getInputCol() {
        return $(inputCol());
    }

    default S setInputCol(String value) {
        return self(set(inputCol(), value));
    }

    default String getOutputCol() {
        return $(outputCol());
    }

    default S setOutputCol(String value) {
        return self(set(outputCol(), value));
    }

    default String getHandleInvalid() {
        return $(handleInvalid());
    }

    default S setHandleInvalid(String value) {
        return self(set(handleInvalid(), value));
    }

    default String getNegativeValues() {
        return $(negativeValues());
    }

    default String getEncoding() {
        return $(encoding());
    }

    default S setEncoding(String value) {
        return self(set(encoding(), value));
    }

    @SuppressWarnings("unchecked")
    private S self(Params stage) {
        return (S) stage;
    }
}
