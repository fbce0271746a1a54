package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.filters.StreamableFilter;

/**
 * Node 3, the spike-phase quantizer: each selected attribute, read as a drive, becomes the phase at which the
 * oscillation-gated LIF neuron spikes ({@link PhaseTable}), in the chosen {@link PhaseEncoding}. Row-local,
 * hence a {@link StreamableFilter}.
 */
public class HetQuantSpikePhase extends AbstractHetQuantFilter implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    private PhaseEncoding m_Encoding = PhaseEncoding.PAPER;

    /** The paper's neuron; its table is computed once per JVM and shared. */
    private final PhaseTable m_Table = PhaseTable.of(NeuronParameters.DEFAULT);

    /** Paper phase → output code for the chosen encoding, built on first use. */
    private transient int[] m_Codes;

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantSpikePhase(), args);
    }

    @Override
    protected String describe() {
        return "Replaces each selected attribute, read as the drive of a leaky integrate-and-fire neuron under"
                + " 50-step oscillatory inhibition, by the phase at which that neuron spikes: a stronger drive spikes"
                + " earlier, drives below D* = 6.7855 (and missing values) stay silent. Encodings: paper (0 silent,"
                + " 2 strongest ... 17 weakest, as published), ascending (0 silent, 1 weakest ... 16 strongest) or"
                + " binary (1 spike, 0 silent).";
    }

    @OptionMetadata(
            displayName = "phase encoding",
            description = "paper: 0 silent, 2 strongest ... 17 weakest (as published); ascending: 0 silent,"
                    + " 1 weakest ... 16 strongest (grows with the drive); binary: 1 spike, 0 silent.",
            displayOrder = 2,
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
    protected int outputsPerFeature() {
        return 1;
    }

    @Override
    protected void checkOptions() {
        // The encoding is a closed choice; the range is validated by weka.core.Range.
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    @Override
    protected void prepare(int features) {
        // Data-blind: the phase table is fixed.
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        if (m_Codes == null) {
            m_Codes = m_Encoding.lookup(m_Table);
        }
        for (int f = 0; f < features.length; f++) {
            out[f] = m_Codes[m_Table.phase(features[f])];
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getSimpleName())
                .append(" (").append(m_Encoding.name().toLowerCase(Locale.ROOT)).append(" encoding)\n")
                .append(String.format(Locale.ROOT, "%-18s %12s %8s%n", "drive from", "paper phase", "output"))
                .append(String.format(Locale.ROOT, "%-18s %12d %8d%n", "below / missing", 0, 0));
        double[] bounds = m_Table.lowerBounds();
        int[] phases = m_Table.phases();
        for (int j = 0; j < bounds.length; j++) {
            s.append(String.format(Locale.ROOT, "%-18.6f %12d %8d%n",
                    bounds[j], phases[j], m_Encoding.encode(phases[j], m_Table)));
        }
        if (getInputFormat() != null) {
            s.append("attributes: ").append(String.join(", ", featureNames())).append('\n');
        }
        return s.toString();
    }
}
