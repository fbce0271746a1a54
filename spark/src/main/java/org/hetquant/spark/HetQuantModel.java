package org.hetquant.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import java.util.Arrays;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.param.DoubleArrayArrayParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;

/**
 * A fitted HetQuant front end ({@link HetQuant#fit}): appends to each row the spike phases of its input vector,
 * a vector of {@code features · n} codes, unit {@code f·n + k} for neuron k (ascending gain) of feature f, the
 * same numbers the Weka node {@code HetQuantPipeline} gives with the same fit.
 *
 * <p>Its fitted state, the gains (gain scale included) and the normalization's offsets, are params (as Spark's {@code Bucketizer} holds its
 * splits), so {@code DefaultParamsWritable} saves it whole; {@link #load} restores it exactly.
 */
public final class HetQuantModel extends Model<HetQuantModel>
        implements HetQuantColumnParams<HetQuantModel>, DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private static final DefaultParamsReadable<HetQuantModel> READABLE = new DefaultParamsReadable<>() {};

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final Param<String> handleInvalid;
    private final Param<String> negativeValues;
    private final Param<String> encoding;
    private final DoubleArrayArrayParam gains;
    private final DoubleParam shiftOffset;
    private final DoubleArrayParam featureOffsets;
    private final DoubleParam gainFactor;

    /**
     * An unfitted model, for Spark's persistence (which then sets the saved params); set {@code gains} before
     * use.
     *
     * @param uid the stage's unique id
     */
    public HetQuantModel(String uid) {
        this.uid = uid;
        inputCol = HetQuantParams.inputCol(this);
        outputCol = HetQuantParams.outputCol(this);
        handleInvalid = HetQuantParams.handleInvalid(this);
        negativeValues = HetQuantParams.negativeValues(this);
        encoding = HetQuantParams.encoding(this);
        gains = HetQuantParams.gains(this);
        shiftOffset = HetQuantParams.shiftOffset(this);
        featureOffsets = HetQuantParams.featureOffsets(this);
        gainFactor = HetQuantParams.gainFactor(this);
        HetQuantParams.setDefaults(this);
    }

    HetQuantModel(String uid, ColumnGains fitted, Normalization normalization, double factor) {
        this(uid);
        set(gains, fitted.toArray());
        set(shiftOffset, normalization.offset());
        set(featureOffsets, normalization.featureOffsets());
        set(gainFactor, factor);
    }

    @Override
    public String uid() {
        return uid;
    }

    // ---- params ---------------------------------------------------------------------------------------------

    @Override
    public Param<String> inputCol() { return inputCol; }

    @Override
    public Param<String> outputCol() { return outputCol; }

    @Override
    public Param<String> handleInvalid() { return handleInvalid; }

    @Override
    public Param<String> negativeValues() { return negativeValues; }

    @Override
    public Param<String> encoding() { return encoding; }

    public DoubleArrayArrayParam gains() { return gains; }

    public DoubleParam shiftOffset() { return shiftOffset; }

    public DoubleArrayParam featureOffsets() { return featureOffsets; }

    public DoubleParam gainFactor() { return gainFactor; }

    /** A copy of the fitted gains, {@code [feature][k]}. */
    public double[][] getGains() {
        double[][] g = $(gains);
        return Arrays.stream(g).map(double[]::clone).toArray(double[][]::new);
    }

    public double getShiftOffset() { return (Double) $(shiftOffset); }

    /** A copy of the fitted per-feature offsets (empty unless negativeValues is offset). */
    public double[] getFeatureOffsets() { return $(featureOffsets).clone(); }

    /** The factor the gain scale applied to the gains (informational: the gains include it). */
    public double getGainFactor() { return (Double) $(gainFactor); }

    /** Number of input features. */
    public int numFeatures() {
        return $(gains).length;
    }

    /** Duplication n: neurons, hence outputs, per feature. */
    public int getDuplication() {
        return $(gains)[0].length;
    }

    // ---- Model ---------------------------------------------------------------------------------------------

    @Override
    public StructType transformSchema(StructType schema) {
        String stage = getClass().getSimpleName();
        StructField input = Columns.input(schema, stage, getInputCol());
        Columns.requireNew(schema, stage, getOutputCol());
        int stated = Columns.size(input);
        if (stated >= 0 && stated != numFeatures()) {
            throw new IllegalArgumentException(stage + ": inputCol \"" + getInputCol() + "\" has " + stated
                    + " features (its ML attribute metadata), but the model was fitted on " + numFeatures());
        }
        return schema.add(Columns.output(getOutputCol(), numFeatures(), getDuplication(), Columns.names(input)));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType schema = transformSchema(dataset.schema(), true);
        StructField input = dataset.schema().apply(getInputCol());
        NegativePolicy policy = HetQuantParams.constant(NegativePolicy.class, getNegativeValues());
        Normalization normalization = Normalization.of(policy, getShiftOffset(), getFeatureOffsets());
        EncodeVector encode = new EncodeVector(
                new RowScreen(getClass().getSimpleName(), getHandleInvalid(), policy == NegativePolicy.ERROR,
                        Columns.names(input)),
                normalization,
                new ColumnEncoder(ColumnGains.of($(gains)), PhaseTable.of(NeuronParameters.DEFAULT)),
                HetQuantParams.constant(PhaseEncoding.class, getEncoding()));
        // Non-deterministic: evaluated once per row in order (its row count names rows in errors), never
        // duplicated into the filter below.
        UserDefinedFunction phases = udf(encode, new VectorUDT()).asNondeterministic();
        StructField output = schema.apply(getOutputCol());
        Dataset<Row> encoded = dataset.toDF()
                .withColumn(getOutputCol(), phases.apply(col(getInputCol())), output.metadata());
        // Only handleInvalid = skip gives null phases.
        return getHandleInvalid().equals(HetQuantParams.SKIP) ? encoded.filter(col(getOutputCol()).isNotNull())
                : encoded;
    }

    @Override
    public HetQuantModel copy(ParamMap extra) {
        return copyValues(new HetQuantModel(uid), extra).setParent(parent());
    }

    /** Reads a saved {@code HetQuantModel} ({@code MLReadable}). */
    public static MLReader<HetQuantModel> read() {
        return READABLE.read();
    }

    /** Loads a {@code HetQuantModel} saved with {@code write().save(path)}. */
    public static HetQuantModel load(String path) {
        return READABLE.load(path);
    }
}
