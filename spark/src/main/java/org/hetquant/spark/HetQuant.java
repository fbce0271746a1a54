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
import org.hetquant.engine.GainScale;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.UpdateRule;

/**
 * The whole HetQuant front end as a Spark ML {@link Estimator} (the Weka node {@code HetQuantPipeline}):
 * per-sample L1 normalization of a vector column (negative values clipped, or offsets learned on the fitting
 * data), a column of n duplicated neurons per feature with heterogeneous gains (data-blind, or calibrated on the
 * data; scaled to the number of features and, if needed, to the data), and each neuron's spike phase under oscillatory inhibition (Moyal et al., Sci. Rep. 2025; docs/method.md §2).
 *
 * <p>{@link #fit} learns the offsets and, with {@code calibrate}, the gains, by summarizing each partition and
 * merging the summaries (one pass over the data, two with the calibration); a gain scale fitted on the data
 * ({@code gainScale} auto, when F / 8 leaves the rows' mean utilization outside 35-55 %, or fitted) caches the
 * normalized rows and counts their firing units once per step of the engine's search (about 45 short jobs); the
 * {@link HetQuantModel} it returns runs the engine on each row's input vector (a column function). Rows keep their
 * order; every other column passes through. Params and defaults are the Weka node's; {@code handleInvalid} decides
 * about NaN and bad values.
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
    private final Param<String> negativeValues;
    private final Param<String> gainScheme;
    private final IntParam duplication;
    private final DoubleParam payload;
    private final DoubleParam limit;
    private final BooleanParam calibrate;
    private final DoubleParam smoothing;
    private final Param<String> updateRule;
    private final Param<String> encoding;
    private final Param<String> gainScale;
    private final DoubleParam targetUtilization;

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
        negativeValues = HetQuantParams.negativeValues(this);
        gainScheme = HetQuantParams.gainScheme(this);
        duplication = HetQuantParams.duplication(this);
        payload = HetQuantParams.payload(this);
        limit = HetQuantParams.limit(this);
        calibrate = HetQuantParams.calibrate(this);
        smoothing = HetQuantParams.smoothing(this);
        updateRule = HetQuantParams.updateRule(this);
        encoding = HetQuantParams.encoding(this);
        gainScale = HetQuantParams.gainScale(this);
        targetUtilization = HetQuantParams.targetUtilization(this);
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
    public Param<String> negativeValues() { return negativeValues; }

    public Param<String> gainScheme() { return gainScheme; }

    public IntParam duplication() { return duplication; }

    public DoubleParam payload() { return payload; }

    public DoubleParam limit() { return limit; }

    public BooleanParam calibrate() { return calibrate; }

    public DoubleParam smoothing() { return smoothing; }

    public Param<String> updateRule() { return updateRule; }

    @Override
    public Param<String> encoding() { return encoding; }

    public Param<String> gainScale() { return gainScale; }

    public DoubleParam targetUtilization() { return targetUtilization; }

    // ---- getters and setters (the shared ones are in HetQuantColumnParams) ---------------------------------

    public HetQuant setNegativeValues(String value) { set(negativeValues, value); return this; }

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

    public String getGainScale() { return $(gainScale); }

    public HetQuant setGainScale(String value) { set(gainScale, value); return this; }

    public double getTargetUtilization() { return (Double) $(targetUtilization); }

    public HetQuant setTargetUtilization(double value) { set(targetUtilization, value); return this; }

    // ---- Estimator -----------------------------------------------------------------------------------------

    @Override
    public StructType transformSchema(StructType schema) {
        StructField input = Columns.input(schema, getClass().getSimpleName(), getInputCol());
        Columns.requireNew(schema, getClass().getSimpleName(), getOutputCol());
        return schema.add(Columns.output(getOutputCol(), Columns.size(input), getDuplication(),
                Columns.names(input)));
    }

    /**
     * Learns the normalization's offsets (negativeValues offset or shift), the gains (calibrated, or the gain
     * scheme's) and the gain scale's factor, see the class description.
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
        NegativePolicy policy = HetQuantParams.constant(NegativePolicy.class, getNegativeValues());
        RowScreen screen = new RowScreen(stage, getHandleInvalid(), policy == NegativePolicy.ERROR,
                Columns.names(input));
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
        Normalization normalization = Normalization.of(policy, summary.minimum(), summary.featureMinima());
        ColumnGains gains;
        if (getCalibrate()) {
            CalibrationParameters parameters = new CalibrationParameters(getDuplication(), getPayload(), getLimit(),
                    getSmoothing(), HetQuantParams.constant(UpdateRule.class, getUpdateRule()));
            gains = Calibration.fit(vectors, screen, normalization, features, parameters, stage);
        } else {
            GainScheme scheme = HetQuantParams.constant(GainScheme.class, getGainScheme());
            gains = ColumnGains.dataBlind(features, scheme.column(getDuplication(), getPayload(), getLimit()));
        }
        GainScale scale = new GainScale(HetQuantParams.constant(GainScale.Rule.class, getGainScale()),
                getTargetUtilization());
        double factor;
        if (scale.needsData()) {
            try (GainScaleRows rows = new GainScaleRows(vectors, screen, normalization, features)) {
                factor = scale.factor(gains, rows, PhaseTable.of(NeuronParameters.DEFAULT).firingThreshold());
            }
        } else {
            factor = scale.dataBlindFactor(features);
        }
        if (factor != 1.0) {
            gains = gains.scaled(factor);
        }
        HetQuantModel model = new HetQuantModel(uid, gains, normalization, factor);
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
