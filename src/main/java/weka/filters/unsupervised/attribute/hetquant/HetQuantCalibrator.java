package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import java.util.Locale;
import org.hetquant.engine.CalibrationSummary;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import weka.core.Instances;

/**
 * Node 4, the data-aware calibrator: a heterogeneous column whose gains are fitted on the first batch
 * ({@link CalibrationSummary}, fed row by row: Jenks natural breaks, smoothing s, global gain correction) and
 * reused for every later batch. Its input must be L1-normalized (put {@link HetQuantNormalizer} in front).
 * Instance weights pass through and do not enter the calibration (see {@link AbstractHetQuantFilter}).
 */
public class HetQuantCalibrator extends AbstractFittedColumnFilter implements ColumnOnsets {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT,
            NodeOptions.DUPLICATION, NodeOptions.PAYLOAD, NodeOptions.LIMIT, NodeOptions.SMOOTHING,
            NodeOptions.RULE, NodeOptions.GAIN_SCALE, NodeOptions.TARGET, NodeOptions.DISTINCT, NodeOptions.SPARSE);

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
        return "Data-aware calibrator: a column of n neuron drives gain_k * x whose gains fit the first batch. "
                + "Its input must be L1-normalized (put HetQuantNormalizer in front); the outputs of attribute <name>"
                + " are named <name>_n00, <name>_n01 and so on, by ascending gain. The firing onsets"
                + " follow the data's density (Jenks natural breaks, smoothing s), rescaled over all attributes so"
                + " that their median matches the uniform column's, then scaled to the number of attributes and, if"
                + " needed, to the data (-gain-scale). Later batches reuse the first batch's gains.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
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
    protected boolean fitsOnFirstBatch() {
        return true;
    }

    @Override
    protected void prepare(int features) {
        m_Gains = null;
    }

    @Override
    protected void fit(FeatureRows rows) {
        Calibrations.Fit fit;
        double[][] kept = null;
        if (gainScale().needsData()) {
            // A fitted gain scale reads the first batch again after the calibration: keep one copy of it.
            kept = rows.toArray();
            fit = Calibrations.fit(kept, calibrationParameters(), getDistinct(), this);
        } else {
            // Streamed: the calibration summary is all that is kept of the first batch.
            fit = Calibrations.fit(featureNames().length,
                    sink -> rows.forEach((features, row) -> sink.accept(features)), calibrationParameters(), getDistinct(),
                    this);
        }
        m_Sketched = fit.sketched();
        m_Gains = scaled(fit.gains(), kept);
    }

    @Override
    protected void transform(double[] features, double[] out, int[] at) {
        drives(features, out, at);
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.OUT_OF_RANGE
                ? " The calibrator's input must be L1-normalized: put HetQuantNormalizer in front, or use"
                        + " HetQuantPipeline -calibrate."
                : super.advice(problem);
    }

    @Override
    public String toString() {
        if (m_Gains == null) {
            return notFittedMessage();
        }
        return getClass().getSimpleName() + " (gains fitted on the first batch, s = " + getSmoothing() + ", "
                + get(NodeOptions.RULE).name().toLowerCase(Locale.ROOT) + " update rule, "
                + Calibrations.describe(m_Sketched, getDistinct()) + ")\n"
                + describeGainScale() + "\n"
                + Describe.gains(m_Gains, featureNames(), PhaseTable.of(NeuronParameters.DEFAULT));
    }
}
