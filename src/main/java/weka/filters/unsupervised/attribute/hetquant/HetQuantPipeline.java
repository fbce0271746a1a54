package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The composite node: normalizer → heterogeneous column → spike phase in one filter, so that a
 * FilteredClassifier needs no MultiFilter. Each selected attribute becomes n phase attributes
 * {@code <name>_n<kk>}.
 *
 * <p>Memory: the phases come from a {@link ColumnEncoder}, whose lookup structures take at most about 1.2 KB per
 * neuron of each distinct gain column (the uniform column at n = 1000: 0.75 MB), shared by every attribute of a
 * data-blind scheme, so the node needs O(attributes · n) memory besides its output rows; {@code -N 1000} on 16
 * attributes runs in a 256 MB heap. Values still negative after the shift are clamped to 0 and counted as in
 * {@link HetQuantNormalizer}; a batch whose every neuron stays silent is reported ({@link #silentBatchCount()}).
 */
public class HetQuantPipeline extends AbstractFittedColumnFilter implements ColumnOnsets {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT,
            NodeOptions.NEGATIVE, NodeOptions.SCHEME, NodeOptions.DUPLICATION, NodeOptions.PAYLOAD, NodeOptions.LIMIT,
            NodeOptions.CALIBRATE, NodeOptions.SMOOTHING, NodeOptions.RULE, NodeOptions.ENCODING,
            NodeOptions.GAIN_SCALE, NodeOptions.TARGET, NodeOptions.DISTINCT, NodeOptions.SPARSE);

    private final PhaseTable m_Table = PhaseTable.of(NeuronParameters.DEFAULT);

    /** The normalization and its clamp count. */
    private final NormalizationStage m_Stage = new NormalizationStage();

    private final SilenceWatch m_Silence = new SilenceWatch();

    /** Attributes calibrated from the quantile sketch (comma-separated), empty if all were exact. */
    private String m_Sketched = "";

    /** Paper phase → output code for the encoding in use; set with the input format. */
    private volatile int[] m_Codes;

    private volatile ColumnEncoder m_Encoder;

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantPipeline(), args);
    }

    @Override
    protected String describe() {
        return "The whole HetQuant chain in one filter: L1 normalizer, neuron column and spike phase. "
                + "In order: per-sample L1 normalization of the"
                + " selected attributes (negative values clipped to 0 by default), a column of n duplicated"
                + " neurons per attribute with heterogeneous gains (data-blind, or calibrated on the first batch;"
                + " scaled to the number of attributes and, if needed, to the data), and the spike phase of each"
                + " neuron under oscillatory inhibition. Each selected attribute becomes n phase attributes <name>_n00,"
                + " <name>_n01 and so on; use it in front of any classifier in a FilteredClassifier.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @OptionMetadata(
            displayName = NodeOptions.NEGATIVE_LABEL,
            description = NodeOptions.NEGATIVE_TEXT,
            displayOrder = NodeOptions.NEGATIVE_ORDER)
    public SelectedTag getNegativeValues() {
        return NodeOptions.NEGATIVE.tag(get(NodeOptions.NEGATIVE));
    }

    public void setNegativeValues(SelectedTag policy) {
        set(NodeOptions.NEGATIVE, NodeOptions.NEGATIVE.fromTag(policy));
    }

    @OptionMetadata(
            displayName = NodeOptions.SCHEME_LABEL,
            description = NodeOptions.SCHEME_TEXT,
            displayOrder = NodeOptions.SCHEME_ORDER)
    public SelectedTag getGainScheme() {
        return NodeOptions.SCHEME.tag(get(NodeOptions.SCHEME));
    }

    public void setGainScheme(SelectedTag scheme) {
        set(NodeOptions.SCHEME, NodeOptions.SCHEME.fromTag(scheme));
    }

    @OptionMetadata(
            displayName = NodeOptions.CALIBRATE_LABEL,
            description = NodeOptions.CALIBRATE_TEXT,
            displayOrder = NodeOptions.CALIBRATE_ORDER)
    public boolean getCalibrate() {
        return get(NodeOptions.CALIBRATE);
    }

    public void setCalibrate(boolean calibrate) {
        set(NodeOptions.CALIBRATE, calibrate);
    }

    @OptionMetadata(
            displayName = NodeOptions.ENCODING_LABEL,
            description = NodeOptions.ENCODING_TEXT,
            displayOrder = NodeOptions.ENCODING_ORDER)
    public SelectedTag getEncoding() {
        return NodeOptions.ENCODING.tag(get(NodeOptions.ENCODING));
    }

    public void setEncoding(SelectedTag encoding) {
        set(NodeOptions.ENCODING, NodeOptions.ENCODING.fromTag(encoding));
    }

    /** Number of values clipped to 0 since the input format was set (0 with the error policy). */
    public long clampedValueCount() {
        return m_Stage.clampedTotal();
    }

    /** Rows since the input format was set that clipping negative values left all zero (every neuron silent). */
    public long emptiedRowCount() {
        return m_Stage.emptiedTotal();
    }

    /** Batches since the input format was set whose every neuron stayed silent (phase 0). */
    public long silentBatchCount() {
        return m_Silence.silentBatches();
    }

    /** The onsets of the column in use (calibrated or data-blind), in L1-normalized input units. */
    @Override
    public double[][] onsets() {
        requireFitted();
        return Describe.onsets(m_Gains, m_Table);
    }

    /** The selected attributes after this node's normalization (with its fitted offset or shift, if any). */
    @Override
    public double[][] columnInputs(Instances data) {
        requireFitted();
        double[][] rows = featureRows(data);
        for (int r = 0; r < rows.length; r++) {
            try {
                m_Stage.applyForFit(rows[r]);
            } catch (InvalidValueException e) {
                throw located(e, "row " + (r + 1) + " of the data");
            }
        }
        return byFeature(rows, featureNames().length);
    }

    private void requireFitted() {
        if (!isFitted()) {
            throw new IllegalStateException(notFittedMessage());
        }
        requireGains();
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return get(NodeOptions.NEGATIVE).fits() || getCalibrate() || gainScale().needsData();
    }

    @Override
    protected void prepare(int features) {
        m_Stage.reset(get(NodeOptions.NEGATIVE));
        m_Silence.reset();
        m_Codes = get(NodeOptions.ENCODING).lookup(m_Table);
        if (getCalibrate() || gainScale().needsData()) {
            m_Gains = null;
            m_Encoder = null;
        } else {
            useGains(scaled(dataBlindGains(features), null));
        }
    }

    private ColumnGains dataBlindGains(int features) {
        return ColumnGains.dataBlind(features,
                get(NodeOptions.SCHEME).column(getDuplication(), getPayload(), getLimit()));
    }

    private void useGains(ColumnGains gains) {
        m_Encoder = new ColumnEncoder(gains, m_Table);
        m_Gains = gains;
    }

    @Override
    protected void fit(FeatureRows rows) {
        boolean shift = get(NodeOptions.NEGATIVE).fits();
        if (!shift && !gainScale().needsData()) {
            // Streamed: each row is normalized in its buffer and handed to the calibration, which is all that is
            // kept of the first batch.
            useGains(scaled(calibrate(sink -> rows.forEach((row, r) -> {
                normalize(row, r);
                sink.accept(row);
            })), null));
            return;
        }
        // The shift needs the global minimum before any row can be normalized, and a fitted gain scale reads the
        // normalized first batch again after the calibration: one copy of the rows, normalized in place.
        double[][] normalized = rows.toArray();
        if (shift) {
            m_Stage.fit(normalized);
        }
        if (m_Gains != null) {
            return;
        }
        for (int r = 0; r < normalized.length; r++) {
            normalize(normalized[r], r);
        }
        ColumnGains base = getCalibrate()
                ? calibrate(sink -> {
                    for (double[] row : normalized) {
                        sink.accept(row);
                    }
                })
                : dataBlindGains(featureNames().length);
        useGains(scaled(base, normalized));
    }

    /** Normalizes a first-batch row in place for fitting; an error names the row. */
    private void normalize(double[] row, long r) {
        try {
            m_Stage.applyForFit(row);
        } catch (InvalidValueException e) {
            throw e.at(r, -1);
        }
    }

    private ColumnGains calibrate(Consumer<Consumer<double[]>> normalizedRows) {
        Calibrations.Fit fit = Calibrations.fit(featureNames().length, normalizedRows, calibrationParameters(),
                getDistinct(), this);
        m_Sketched = fit.sketched();
        return fit.gains();
    }

    @Override
    protected void transform(double[] features, double[] out, int[] at) {
        m_Stage.apply(features);
        m_Silence.row(m_Encoder.encode(features, m_Codes, out, at) > 0);
    }

    /** Sparse output: the encoder lists the neurons that fire, and nothing is written for the silent ones. */
    @Override
    protected int transformSparse(double[] features, int[] at, double[] values, int[] indices) {
        m_Stage.apply(features);
        int listed = m_Encoder.encodeNonZero(features, m_Codes, at, values, indices);
        m_Silence.row(listed > 0);
        return listed;
    }

    @Override
    protected void batchDone() {
        m_Stage.batchDone(this);
        m_Silence.batchDone(this, "Every value was missing, zero or (clipped to 0) negative, or the gains are too"
                + " small for the data: raise -P or lower -L.");
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NEGATIVE
                ? NormalizationStage.CHOOSE_A_POLICY : super.advice(problem);
    }

    @Override
    public String toString() {
        if (!isFitted() || m_Gains == null) {
            return notFittedMessage();
        }
        String gains = getCalibrate()
                ? "gains calibrated on the first batch, s = " + getSmoothing() + ", "
                        + get(NodeOptions.RULE).name().toLowerCase(Locale.ROOT) + " update rule, "
                        + Calibrations.describe(m_Sketched, getDistinct())
                : get(NodeOptions.SCHEME).name().toLowerCase(Locale.ROOT) + " gains";
        PhaseEncoding encoding = get(NodeOptions.ENCODING);
        return getClass().getSimpleName() + " (" + gains + ", "
                + encoding.name().toLowerCase(Locale.ROOT) + " phase encoding)\n"
                + m_Stage.describe() + " over the selected attributes\n"
                + m_Stage.describeClamps()
                + describeGainScale() + "\n\n"
                + Describe.gains(m_Gains, featureNames(), m_Table);
    }
}
