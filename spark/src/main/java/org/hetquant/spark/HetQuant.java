package org.hetquant.spark;

import static org.apache.spark.sql.functions.col;

import java.util.Collections;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.UpdateRule;

/**
 * The whole HetQuant front end as a Spark ML {@link Estimator} (the Weka node {@code HetQuantPipeline}):
 * per-sample L1 normalization of a vector column (with the data-level shift learned on the fitting data), a
 * column of n duplicated neurons per feature with heterogeneous gains (data-blind, or calibrated on the data),
 * and each neuron's spike phase under oscillatory inhibition (Moyal et al., Sci. Rep. 2025; docs/method.md §2).
 *
 * <p>{@link #fit} learns the shift and, with {@code calibrate}, the gains, by summarizing each partition and
 * merging the summaries (one pass over the data, two when the calibration needs the shift first); the
 * {@link HetQuantModel} it returns transforms each partition with the engine. Rows keep their order; every other
 * column passes through. Params and defaults are the Weka node's; {@code handleInvalid} decides about NaN and
 * bad values.
 *
 * <p>Persistence: {@code DefaultParamsWritable}; {@link #load} and {@link #read} reload it, also inside a saved
 * {@code Pipeline}.
 */
public final class HetQuant extends Estimator<HetQuantModel>
        implements HetQuantColumnParams<HetQuant>, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private static final DefaultParamsReadable<HetQuant> READABLE = new DefaultParamsReadable<>() {};

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> handleInvalid;
    private final BooleanParam shift;
    private final Param<String> gainScheme;
    private final IntParam duplication;
    private final DoubleParam payload;
    private final DoubleParam limit;
    private final BooleanParam calibrate;
    private final DoubleParam smoothing;
    private final Param<String> updateRule;
    private final Param<String> encoding;

    /** A front end with the Weka node's defaults. */
    public HetQuant() {
        this(Identifiable$.MODULE$.randomUID("hetquant"));
    }

    /** @param uid this stage's unique id (Spark's persistence restores a stage through this constructor) */
    public HetQuant(String uid) {
        this.uid = uid;
        inputCol = HetQuantParams.inputCol(this);
        outputCol = HetQuantParams.outputCol(this);
        handleInvalid = HetQuantParams.handleInvalid(this);
        shift = HetQuantParams.shift(this);
        gainScheme = HetQuantParams.gainScheme(this);
        duplication = HetQuantParams.duplication(this);
        payload = HetQuantParams.payload(this);
        limit = HetQuantParams.limit(this);
        calibrate = HetQuantParams.calibrate(this);
        smoothing = HetQuantParams.smoothing(this);
        updateRule = HetQuantParams.updateRule(this);
        encoding = HetQuantParams.encoding(this);
        HetQuantParams.setDefaults(this);
    }

    @Override
    public String uid() {
        return uid;
    }

    // ---- params (Spark finds them through these methods) --------------------------------------------------

    @Override
    public Param<String> inputCol() { return inputCol; }

    @Override
    public Param<String> outputCol() { return outputCol; }

    @Override
    public Param<String> handleInvalid() { return handleInvalid; }

    @Override
    public BooleanParam shift() { return shift; }

    public Param<String> gainScheme() { return gainScheme; }

    public IntParam duplication() { return duplication; }

    public DoubleParam payload() { return payload; }

    public DoubleParam limit() { return limit; }

    public BooleanParam calibrate() { return calibrate; }

    public DoubleParam smoothing() { return smoothing; }

    public Param<String> updateRule() { return updateRule; }

    @Override
    public Param<String> encoding() { return encoding; }

    // ---- getters and setters (the shared ones are in HetQuantColumnParams) ---------------------------------

    public HetQuant setShift(boolean value) { set(shift, value); return this; }

    public String getGainScheme() { return $(gainScheme); }

    public HetQuant setGainScheme(String value) { set(gainScheme, value); return this; }

    public int getDuplication() { return (Integer) $(duplication); }

    public HetQuant setDuplication(int value) { set(duplication, value); return this; }

    public double getPayload() { return (Double) $(payload); }

    public HetQuant setPayload(double value) { set(payload, value); return this; }

    public double getLimit() { return (Double) $(limit); }

    public HetQuant setLimit(double value) { set(limit, value); return this; }

    public boolean getCalibrate() { return (Boolean) $(calibrate); }

    public HetQuant setCalibrate(boolean value) { set(calibrate, value); return this; }

    public double getSmoothing() { return (Double) $(smoothing); }

    public HetQuant setSmoothing(double value) { set(smoothing, value); return this; }

    public String getUpdateRule() { return $(updateRule); }

    public HetQuant setUpdateRule(String value) { set(updateRule, value); return this; }

    // ---- Estimator -----------------------------------------------------------------------------------------

    @Override
    public StructType transformSchema(StructType schema) {
        StructField input = Columns.input(schema, getClass().getSimpleName(), getInputCol());
        Columns.requireNew(schema, getClass().getSimpleName(), getOutputCol());
        return schema.add(Columns.output(getOutputCol(), Columns.size(input), getDuplication(),
                Columns.names(input)));
    }

    /**
     * Learns the data-level shift (if on) and the gains (calibrated, or the gain scheme's), see the class
     * description.
     *
     * @throws IllegalArgumentException (possibly inside a {@code SparkException}) for an invalid value under
     *     {@code handleInvalid = error}, for vectors of different sizes, or when no row is left to fit on
     */
    @Override
    public HetQuantModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        String stage = getClass().getSimpleName();
        StructField input = dataset.schema().apply(getInputCol());
        int knownFeatures = Columns.size(input);
        RowScreen screen = new RowScreen(stage, getHandleInvalid(), getShift(), Columns.names(input));
        JavaRDD<Vector> vectors = dataset.select(col(getInputCol())).toJavaRDD()
                .map(row -> row.isNullAt(0) ? null : (Vector) row.get(0));

        FitSummary summary = vectors.getNumPartitions() == 0 ? null : vectors
                .mapPartitionsWithIndex((partition, rows) -> Collections.singletonList(
                        FitSummary.of(rows, screen, knownFeatures, partition)).iterator(), false)
                .treeReduce(FitSummary::merge);
        if (summary == null || summary.rows() == 0 || summary.features() < 0) {
            throw new IllegalArgumentException(stage + ": no row to fit on (the data are empty, or every row was"
                    + " skipped by handleInvalid = \"skip\")");
        }
        int features = summary.features();
        Normalization normalization = getShift()
                ? Normalization.withShift(summary.minimum())
                : Normalization.withoutShift();
        ColumnGains gains;
        if (getCalibrate()) {
            CalibrationParameters parameters = new CalibrationParameters(getDuplication(), getPayload(), getLimit(),
                    getSmoothing(), HetQuantParams.constant(UpdateRule.class, getUpdateRule()));
            gains = Calibration.fit(vectors, screen, normalization, features, parameters, stage);
        } else {
            GainScheme scheme = HetQuantParams.constant(GainScheme.class, getGainScheme());
            gains = ColumnGains.dataBlind(features, scheme.column(getDuplication(), getPayload(), getLimit()));
        }
        HetQuantModel model = new HetQuantModel(uid, gains, normalization.offset());
        return copyValues(model, ParamMap.empty()).setParent(this);
    }

    @Override
    public HetQuant copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a saved {@code HetQuant} ({@code MLReadable}). */
    public static MLReader<HetQuant> read() {
        return READABLE.read();
    }

    /** Loads a {@code HetQuant} saved with {@code write().save(path)}. */
    public static HetQuant load(String path) {
        return READABLE.load(path);
    }
}
