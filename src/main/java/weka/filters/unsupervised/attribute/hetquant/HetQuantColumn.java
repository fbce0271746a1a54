package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import java.util.Locale;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.GainScheme;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.filters.StreamableFilter;

/**
 * Node 2, the heterogeneous column: each selected attribute becomes n drives {@code gain_k · x}, one per
 * duplicated neuron, with data-blind gains ({@link GainScheme}). Row-local, hence a {@link StreamableFilter}.
 */
public class HetQuantColumn extends AbstractColumnFilter implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT,
            NodeOptions.SCHEME, NodeOptions.DUPLICATION, NodeOptions.PAYLOAD, NodeOptions.LIMIT,
            NodeOptions.FIXED_GAINS, NodeOptions.SPARSE);

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantColumn(), args);
    }

    @Override
    protected String describe() {
        return "Heterogeneous column: each attribute becomes n neuron drives gain_k * x, with data-blind gains. "
                + "The n outputs of attribute <name> are named <name>_n00, <name>_n01 and so on, by ascending gain."
                + " The gains are uniform (P / linspace(L, 1,"
                + " n): firing onsets evenly spaced in normalized input), equidistant (onsets dense at small inputs) or"
                + " homogeneous (all equal to P, the paper's baseline); by default every gain is multiplied by F / 8 for"
                + " F attributes (-fixed-gains keeps the paper's gains). Feed it L1-normalized attributes and follow it"
                + " with the spike-phase quantizer.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
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
            displayName = NodeOptions.FIXED_GAINS_LABEL,
            description = NodeOptions.FIXED_GAINS_TEXT,
            displayOrder = NodeOptions.GAIN_SCALE_ORDER)
    public boolean getFixedGains() {
        return get(NodeOptions.FIXED_GAINS);
    }

    public void setFixedGains(boolean fixed) {
        set(NodeOptions.FIXED_GAINS, fixed);
    }

    /** Refuses {@code -gain-scale} and {@code -U}, the batch nodes' options. */
    @Override
    protected void refuseOtherNodesOptions(String[] options) {
        for (NodeOption<?> option : java.util.List.of(NodeOptions.GAIN_SCALE, NodeOptions.TARGET)) {
            if (weka.core.Utils.getOptionPos(option.flag(), options) >= 0) {
                throw new IllegalArgumentException(option.name() + ": an option of HetQuantPipeline and"
                        + " HetQuantCalibrator, which can fit on data; this streamable column multiplies its gains by"
                        + " F / 8 (the default) or keeps them (-fixed-gains)");
            }
        }
    }

    /** The streamable column cannot fit on data: F / 8, or the paper's gains with -fixed-gains. */
    @Override
    protected GainScale gainScale() {
        return GainScale.of(getFixedGains() ? GainScale.Rule.FIXED : GainScale.Rule.FEATURES);
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    @Override
    protected void prepare(int features) {
        m_Gains = scaled(ColumnGains.dataBlind(features,
                get(NodeOptions.SCHEME).column(getDuplication(), getPayload(), getLimit())), null);
    }

    @Override
    protected void transform(double[] features, double[] out, int[] at) {
        drives(features, out, at);
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.OVERFLOW
                ? " The column expects L1-normalized input: put HetQuantNormalizer in front." : super.advice(problem);
    }

    @Override
    public String toString() {
        if (m_Gains == null) {
            return getClass().getSimpleName() + ": no input format set";
        }
        return getClass().getSimpleName() + " (" + get(NodeOptions.SCHEME).name().toLowerCase(Locale.ROOT)
                + " gains)\n" + describeGainScale() + "\n" + Describe.gains(m_Gains, featureNames(), PhaseTable.of(NeuronParameters.DEFAULT));
    }
}
