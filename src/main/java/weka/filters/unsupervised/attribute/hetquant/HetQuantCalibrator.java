package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import org.hetquant.engine.UpdateRule;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * Node 4, the data-aware calibrator: a heterogeneous column whose gains are fitted on the first batch
 * ({@link CalibrationSummary}, fed row by row: Jenks natural breaks, smoothing s, global gain correction) and
 * reused for every later batch. Its input must be L1-normalized (put {@link HetQuantNormalizer} in front).
 */
public class HetQuantCalibrator extends AbstractColumnFilter implements ColumnOnsets {

    private static final long serialVersionUID = 1L;

    private double m_Smoothing = CalibrationParameters.ADAPTIVE_SMOOTHING;
    private UpdateRule m_Rule = UpdateRule.FINAL;
    private int m_Distinct = CalibrationSummary.DEFAULT_EXACT_LIMIT;
    /** Attributes calibrated from the quantile sketch (comma-separated), empty if all were exact. */
    private String m_Sketched = "";


    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantCalibrator(), args);
    }

    @Override
    protected String describe() {
        return "Replaces each selected L1-normalized attribute x by a column of n drives gain_k * x (attributes"
                + " <name>_n00 ... by ascending gain) whose gains are fitted on the first batch: the firing onsets"
                + " follow the data's density (Jenks natural breaks, smoothing s), rescaled over all attributes so"
                + " that their median matches the uniform column's. Later batches reuse the first batch's gains.";
    }

    @OptionMetadata(
            displayName = "smoothing s",
            description = "In [0, 1]: 0.25 is the paper's \"Adaptive\" condition (4 Jenks classes), 0.5 its"
                    + " \"Scaled\" one (2 classes, one linear segment).",
            displayOrder = 7,
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
            description = "final: fit on every row of the first batch; faithful: as the authors' code, only on"
                    + " the rows up to the last one that set a new running minimum or maximum.",
            displayOrder = 8,
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
            description = "Distinct values per attribute kept exactly for the fit (>= 1); beyond them a quantile"
                    + " sketch about 1/20 that size approximates it.",
            displayOrder = 9,
            commandLineParamName = "distinct",
            commandLineParamSynopsis = "-distinct <int>")
    public int getDistinct() {
        return m_Distinct;
    }

    public void setDistinct(int distinct) {
        m_Distinct = distinct;
    }


    /** The fitted onsets, in the calibrator's input unit (its input is already normalized). */
    @Override
    public double[][] onsets() {
        return Describe.onsets(requireGains(), PhaseTable.of(NeuronParameters.DEFAULT));
    }

    /** The selected attributes as they are: the calibrator's input is its column's input. */
    @Override
    public double[][] columnInputs(Instances data) {
        requireGains();
        return byFeature(featureRows(data), featureNames().length);
    }

    @Override
    protected void checkOptions() {
        super.checkOptions();
        Options.checkSmoothing(m_Smoothing);
        Options.checkDistinct(m_Distinct);
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return true;
    }

    @Override
    protected void prepare(int features) {
        m_Gains = null;
    }

    @Override
    protected void fit(FeatureRows rows) {
        Calibrations.Fit fit = Calibrations.fit(featureNames().length,
                sink -> rows.forEach((features, row) -> sink.accept(features)), parameters(), m_Distinct, this);
        m_Gains = fit.gains();
        m_Sketched = fit.sketched();
    }

    CalibrationParameters parameters() {
        return new CalibrationParameters(m_Duplication, m_Payload, m_Limit, m_Smoothing, m_Rule);
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        m_Gains.drives(features, out);
    }

    @Override
    public String toString() {
        if (m_Gains == null) {
            return notFittedMessage();
        }
        return getClass().getSimpleName() + " (gains fitted on the first batch, s = " + m_Smoothing + ", "
                + m_Rule.name().toLowerCase(Locale.ROOT) + " update rule, "
                + Calibrations.describe(m_Sketched, m_Distinct) + ")\n"
                + Describe.gains(m_Gains, featureNames(), PhaseTable.of(NeuronParameters.DEFAULT));
    }
}
