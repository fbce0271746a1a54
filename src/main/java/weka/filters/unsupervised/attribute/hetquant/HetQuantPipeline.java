package weka.filters.unsupervised.attribute.hetquant;

import java.util.Enumeration;
import java.util.Locale;
import java.util.function.Consumer;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.UpdateRule;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The composite node: normalizer → heterogeneous column → spike phase in one filter, so that a
 * FilteredClassifier needs no MultiFilter. Each selected attribute becomes n phase attributes
 * {@code <name>_n<kk>}.
 */
public class HetQuantPipeline extends AbstractColumnFilter implements ColumnOnsets {

    private static final long serialVersionUID = 1L;

    private boolean m_Shift = true;
    private GainScheme m_Scheme = GainScheme.UNIFORM;
    private PhaseEncoding m_Encoding = PhaseEncoding.PAPER;
    private boolean m_Calibrate;
    private double m_Smoothing = CalibrationParameters.ADAPTIVE_SMOOTHING;
    private UpdateRule m_Rule = UpdateRule.FINAL;
    private int m_Distinct = CalibrationSummary.DEFAULT_EXACT_LIMIT;
    /** Attributes calibrated from the quantile sketch (comma-separated), empty if all were exact. */
    private String m_Sketched = "";

    private final PhaseTable m_Table = PhaseTable.of(NeuronParameters.DEFAULT);

    /** Per-row work buffers, reused so a row costs no allocation beyond its output instance. */
    private transient int[] m_Codes;
    private transient double[] m_V;
    private transient byte[] m_Phases;
    private Normalization m_Normalization;
    private ColumnEncoder m_Encoder;

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
        return "The whole heterogeneous-quantization front end in one filter: per-sample L1 normalization of the"
                + " selected attributes (with the data-level shift fitted on the first batch), a column of n duplicated"
                + " neurons per attribute with heterogeneous gains (data-blind, or calibrated on the first batch),"
                + " and the spike phase of each neuron under"
                + " oscillatory inhibition. Each selected attribute becomes n phase attributes <name>_n00 ...; use it"
                + " in front of any classifier in a FilteredClassifier.";
    }

    @OptionMetadata(
            displayName = "data-level shift",
            description = "Subtract the first batch's global minimum when it is negative before normalizing"
                    + " (command line: -no-shift turns it off; negative values are then an error).",
            displayOrder = 2)
    public boolean getShift() {
        return m_Shift;
    }

    public void setShift(boolean shift) {
        m_Shift = shift;
    }

    @OptionMetadata(
            displayName = "gain scheme",
            description = "uniform (the paper's heterogeneous default), equidistant, or homogeneous (n copies of P).",
            displayOrder = 3,
            commandLineParamName = "scheme",
            commandLineParamSynopsis = "-scheme <uniform|equidistant|homogeneous>")
    public SelectedTag getGainScheme() {
        return EnumTags.selected(m_Scheme);
    }

    public void setGainScheme(SelectedTag scheme) {
        m_Scheme = EnumTags.value(GainScheme.class, scheme, "gain scheme");
    }

    @OptionMetadata(
            displayName = "calibrate",
            description = "Fit the gains on the first batch (data-aware calibration) instead of using the gain"
                    + " scheme.",
            displayOrder = 7,
            commandLineParamName = "calibrate",
            commandLineParamSynopsis = "-calibrate",
            commandLineParamIsFlag = true)
    public boolean getCalibrate() {
        return m_Calibrate;
    }

    public void setCalibrate(boolean calibrate) {
        m_Calibrate = calibrate;
    }

    @OptionMetadata(
            displayName = "smoothing s",
            description = "Calibration only, in [0, 1]: 0.25 is the paper's \"Adaptive\" condition, 0.5 its"
                    + " \"Scaled\" one.",
            displayOrder = 8,
            commandLineParamName = "S",
            commandLineParamSynopsis = "-S <double>")
    public double getSmoothing() {
        return m_Smoothing;
    }

    public void setSmoothing(double smoothing) {
        m_Smoothing = smoothing;
    }

    @OptionMetadata(
            displayName = "update rule",
            description = "Calibration only. final: fit on every row of the first batch; faithful: as the"
                    + " authors' code, only on the rows up to the last one that set a new running extreme.",
            displayOrder = 9,
            commandLineParamName = "rule",
            commandLineParamSynopsis = "-rule <final|faithful>")
    public SelectedTag getUpdateRule() {
        return EnumTags.selected(m_Rule);
    }

    public void setUpdateRule(SelectedTag rule) {
        m_Rule = EnumTags.value(UpdateRule.class, rule, "update rule");
    }

    @OptionMetadata(
            displayName = "exact distinct values",
            description = "Calibration only: distinct values per attribute kept exactly for the fit (>= 1); beyond"
                    + " them a quantile sketch about 1/20 that size approximates it.",
            displayOrder = 10,
            commandLineParamName = "distinct",
            commandLineParamSynopsis = "-distinct <int>")
    public int getDistinct() {
        return m_Distinct;
    }

    public void setDistinct(int distinct) {
        m_Distinct = distinct;
    }

    @OptionMetadata(
            displayName = "phase encoding",
            description = "paper: 0 silent, 2 strongest ... 17 weakest; ascending: 0 silent, 1 weakest ..."
                    + " 16 strongest; binary: 1 spike, 0 silent.",
            displayOrder = 11,
            commandLineParamName = "encoding",
            commandLineParamSynopsis = "-encoding <paper|ascending|binary>")
    public SelectedTag getEncoding() {
        return EnumTags.selected(m_Encoding);
    }

    public void setEncoding(SelectedTag encoding) {
        m_Encoding = EnumTags.value(PhaseEncoding.class, encoding, "phase encoding");
        m_Codes = null;
    }

    @Override
    public Enumeration<Option> listOptions() {
        return Options.withNoShiftFlag(super.listOptions());
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        setShift(Options.shiftFrom(options));
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        return Options.withNoShiftFlag(m_Shift, super.getOptions());
    }

    /** The onsets of the column in use (calibrated or data-blind), in L1-normalized input units. */
    @Override
    public double[][] onsets() {
        requireFitted();
        return Describe.onsets(m_Gains, m_Table);
    }

    /** The selected attributes after this node's normalization (with its fitted shift, if any). */
    @Override
    public double[][] columnInputs(Instances data) {
        requireFitted();
        double[][] rows = featureRows(data);
        for (int r = 0; r < rows.length; r++) {
            normalize(rows[r], rows[r], r);
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
    protected void checkOptions() {
        super.checkOptions();
        Options.checkSmoothing(m_Smoothing);
        Options.checkDistinct(m_Distinct);
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return m_Shift || m_Calibrate;
    }

    @Override
    protected void prepare(int features) {
        m_Normalization = m_Shift ? null : Normalization.withoutShift();
        if (m_Calibrate) {
            m_Gains = null;
            m_Encoder = null;
        } else {
            useGains(ColumnGains.dataBlind(features, m_Scheme.column(m_Duplication, m_Payload, m_Limit)));
        }
    }

    private void useGains(ColumnGains gains) {
        m_Gains = gains;
        m_Encoder = new ColumnEncoder(gains, m_Table);
    }

    @Override
    protected void fit(FeatureRows rows) {
        int features = featureNames().length;
        if (!m_Shift) {
            if (m_Calibrate) {
                // Streamed: each row is normalized into one buffer and handed to the calibration.
                double[] v = new double[features];
                calibrate(sink -> rows.forEach((raw, row) -> {
                    normalize(raw, v, row);
                    sink.accept(v);
                }));
            }
            return;
        }
        // The shift needs the global minimum before any row can be normalized: keep one copy of the rows.
        double[][] raw = rows.toArray();
        try {
            m_Normalization = Normalization.fit(raw, true);
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
        if (m_Calibrate) {
            calibrate(sink -> {
                for (int r = 0; r < raw.length; r++) {
                    normalize(raw[r], raw[r], r);
                    sink.accept(raw[r]);
                }
            });
        }
    }

    private void calibrate(Consumer<Consumer<double[]>> normalizedRows) {
        Calibrations.Fit fit = Calibrations.fit(featureNames().length, normalizedRows,
                new CalibrationParameters(m_Duplication, m_Payload, m_Limit, m_Smoothing, m_Rule), m_Distinct, this);
        useGains(fit.gains());
        m_Sketched = fit.sketched();
    }

    private void normalize(double[] features, double[] v, long row) {
        try {
            m_Normalization.apply(features, v, row);
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        if (m_Codes == null || m_V == null || m_V.length != features.length
                || m_Phases.length != m_Encoder.units()) {
            m_Codes = m_Encoding.lookup(m_Table);
            m_V = new double[features.length];
            m_Phases = new byte[m_Encoder.units()];
        }
        normalize(features, m_V, row);
        m_Encoder.encode(m_V, m_Phases);
        for (int u = 0; u < m_Phases.length; u++) {
            out[u] = m_Codes[m_Phases[u]];
        }
    }

    @Override
    public String toString() {
        if (!isFitted() || m_Gains == null) {
            return notFittedMessage();
        }
        String gains = m_Calibrate
                ? "gains calibrated on the first batch, s = " + m_Smoothing + ", "
                        + m_Rule.name().toLowerCase(Locale.ROOT) + " update rule, "
                        + Calibrations.describe(m_Sketched, m_Distinct)
                : m_Scheme.name().toLowerCase(Locale.ROOT) + " gains";
        return getClass().getSimpleName() + " (" + gains + ", "
                + m_Encoding.name().toLowerCase(Locale.ROOT) + " phase encoding)\n"
                + m_Normalization + " over the selected attributes\n\n"
                + Describe.gains(m_Gains, featureNames(), m_Table);
    }
}
