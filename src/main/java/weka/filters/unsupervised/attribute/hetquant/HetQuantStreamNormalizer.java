package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;
import weka.filters.StreamableFilter;

/**
 * Node 1 for streams: per-sample L1 normalization of the selected attributes ({@link Normalization}) with a
 * negative-value policy that learns nothing (clip, the default, or error). Each row is answered at once: a
 * {@link StreamableFilter}, which Weka's {@code MultiFilter} and the KnowledgeFlow {@code instance} connection
 * require. The policies that learn on a first batch (offset, shift) need {@link HetQuantNormalizer}.
 */
public class HetQuantStreamNormalizer extends AbstractHetQuantNormalizer implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantStreamNormalizer(), args);
    }

    @Override
    protected String describe() {
        return L1_DESCRIPTION + " Nothing is learned, so every row is transformed on its own as it arrives (a"
                + " streamable filter): use it on instance connections in the KnowledgeFlow and in a streaming"
                + " MultiFilter. Negative values are clipped to 0 and counted (-negative clip, the default) or"
                + " rejected with an error naming the attribute and the row (-negative error); the policies learned on"
                + " a first batch (offset, shift) need HetQuantNormalizer, a batch filter.";
    }

    /**
     * Only the policies that learn nothing.
     *
     * @throws IllegalArgumentException naming the option, for offset or shift
     */
    @Override
    protected void checkOptions() {
        super.checkOptions();
        if (m_Negative.fits()) {
            throw new IllegalArgumentException("-negative (negative values) must be clip or error in the stream"
                    + " normalizer, got " + EnumTags.selected(m_Negative).getSelectedTag().getReadable()
                    + "; offset and shift are learned on a first batch: use HetQuantNormalizer");
        }
    }
}
