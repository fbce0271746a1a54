package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
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

    private GainScheme m_Scheme = GainScheme.UNIFORM;

    /** The streamable column cannot fit on data: its gain scale is data-blind, F / 8 by default. */
    public HetQuantColumn() {
        m_GainScale = GainScale.Rule.FEATURES;
    }

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
        return "Replaces each selected attribute x by a column of n duplicated neurons whose drives are gain_k * x"
                + " (attributes <name>_n00 ... ordered by ascending gain). The gains are uniform (P / linspace(L, 1,"
                + " n): firing onsets evenly spaced in normalized input), equidistant (onsets dense at small inputs) or"
                + " homogeneous (all equal to P, the paper's baseline); by default every gain is multiplied by F / 8 for"
                + " F attributes (-gain-scale features; fixed keeps the paper's gains). Feed it L1-normalized attributes"
                + " and follow it with the spike-phase quantizer.";
    }

    @OptionMetadata(
            displayName = "gain scheme",
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

    /**
     * Also only the data-blind gain scales.
     *
     * @throws IllegalArgumentException naming the option, for fitted or auto
     */
    @Override
    protected void checkOptions() {
        super.checkOptions();
        if (new GainScale(m_GainScale, m_TargetUtilization).needsData()) {
            throw new IllegalArgumentException("-gain-scale (gain scale) must be fixed or features in the streamable"
                    + " column, got " + getGainScale().getSelectedTag().getReadable()
                    + "; fitted and auto fit on a first batch: use HetQuantPipeline or HetQuantCalibrator");
        }
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    @Override
    protected void prepare(int features) {
        m_Gains = scaled(ColumnGains.dataBlind(features, m_Scheme.column(m_Duplication, m_Payload, m_Limit)), null);
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
                + " gains)\n" + describeGainScale() + "\n" + Describe.gains(m_Gains, featureNames(), PhaseTable.of(NeuronParameters.DEFAULT));
    }
}
