package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import java.util.Locale;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseEncoding;
import org.hetquant.engine.PhaseTable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.filters.StreamableFilter;

/**
 * Node 3, the spike-phase quantizer: each selected attribute, read as a drive, becomes the phase at which the
 * oscillation-gated LIF neuron spikes ({@link PhaseTable}), in the chosen {@link PhaseEncoding}. Row-local,
 * hence a {@link StreamableFilter}. A negative drive is inhibitory and stays silent, as in the simulator; an
 * infinite drive is an error. A batch whose every value stays silent is reported (see {@link #silentBatchCount()}).
 */
public class HetQuantSpikePhase extends AbstractHetQuantFilter implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS =
            List.of(NodeOptions.RANGE, NodeOptions.INVERT, NodeOptions.ENCODING, NodeOptions.SPARSE);

    /** The paper's neuron; its table is computed once per JVM and shared. */
    private final PhaseTable m_Table = PhaseTable.of(NeuronParameters.DEFAULT);

    /** Paper phase → output code for the encoding in use; set with the input format. */
    private volatile int[] m_Codes;

    private final SilenceWatch m_Silence = new SilenceWatch();

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
        return "Spike-phase quantizer: each attribute, read as a neuron's drive, becomes the phase it spikes at. "
                + "The neuron is a leaky integrate-and-fire unit under 50-step oscillatory inhibition: a stronger drive"
                + " spikes earlier; drives below its firing threshold D* = 6.7855 (and missing values) stay silent."
                + " Encodings: paper (0 silent,"
                + " 2 strongest ... 17 weakest, as published), ascending (0 silent, 1 weakest ... 16 strongest) or"
                + " binary (1 spike, 0 silent).";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
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

    /** Batches since the input format was set whose every value stayed silent (phase 0). */
    public long silentBatchCount() {
        return m_Silence.silentBatches();
    }

    @Override
    protected int outputsPerFeature() {
        return 1;
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    @Override
    protected void prepare(int features) {
        m_Codes = get(NodeOptions.ENCODING).lookup(m_Table);
        m_Silence.reset();
    }

    @Override
    protected void transform(double[] features, double[] out, int[] at) {
        int[] codes = m_Codes;
        boolean fired = false;
        for (int f = 0; f < features.length; f++) {
            int phase;
            try {
                phase = m_Table.phase(features[f]);
            } catch (InvalidValueException e) {
                throw e.at(-1, f);
            }
            fired |= phase != 0;
            out[at[f]] = codes[phase];
        }
        m_Silence.row(fired);
    }

    @Override
    protected void batchDone() {
        m_Silence.batchDone(this, String.format(Locale.ROOT, "No value reached the firing drive D* = %.4f. This"
                + " node reads drives (gain x normalized value, e.g. HetQuantColumn's output), not raw or"
                + " normalized values: put HetQuantNormalizer and HetQuantColumn in front, or use HetQuantPipeline.",
                m_Table.firingThreshold()));
    }

    @Override
    public String toString() {
        PhaseEncoding encoding = get(NodeOptions.ENCODING);
        StringBuilder s = new StringBuilder(getClass().getSimpleName())
                .append(" (").append(encoding.name().toLowerCase(Locale.ROOT)).append(" encoding)\n")
                .append(String.format(Locale.ROOT, "%-18s %12s %8s%n", "drive from", "paper phase", "output"))
                .append(String.format(Locale.ROOT, "%-18s %12d %8d%n", "below / missing", 0, 0));
        double[] bounds = m_Table.lowerBounds();
        int[] phases = m_Table.phases();
        for (int j = 0; j < bounds.length; j++) {
            s.append(String.format(Locale.ROOT, "%-18.6f %12d %8d%n",
                    bounds[j], phases[j], encoding.encode(phases[j], m_Table)));
        }
        if (getInputFormat() != null) {
            s.append("attributes: ").append(String.join(", ", featureNames())).append('\n');
        }
        return s.toString();
    }
}
