package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScheme;
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

    /** The paper's duplication factors are 4, 8, 16 and 32; 8 is a middle one. */

    private GainScheme m_Scheme = GainScheme.UNIFORM;


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
                + " homogeneous (all equal to P, the paper's baseline). Feed it L1-normalized attributes and follow it"
                + " with the spike-phase quantizer.";
    }

    @OptionMetadata(
            displayName = "Gain scheme",
            description = "How the n gains of a column are spread: uniform (the paper's heterogeneous default),"
                    + " equidistant, or homogeneous (n copies of the payload).",
            displayOrder = 2,
            commandLineParamName = "scheme",
            commandLineParamSynopsis = "-scheme <uniform|equidistant|homogeneous>")
    public SelectedTag getGainScheme() {
        return EnumTags.selected(m_Scheme);
    }

    public void setGainScheme(SelectedTag scheme) {
        m_Scheme = EnumTags.value(GainScheme.class, scheme, "gain scheme");
    }



    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    @Override
    protected void prepare(int features) {
        m_Gains = ColumnGains.dataBlind(features, m_Scheme.column(m_Duplication, m_Payload, m_Limit));
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        m_Gains.drives(features, out);
    }

    @Override
    public String toString() {
        if (m_Gains == null) {
            return getClass().getSimpleName() + ": no input format set";
        }
        return getClass().getSimpleName() + " (" + m_Scheme.name().toLowerCase(java.util.Locale.ROOT)
                + " gains)\n" + Describe.gains(m_Gains, featureNames(), PhaseTable.of(NeuronParameters.DEFAULT));
    }
}
