package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;
import weka.core.OptionMetadata;
import weka.filters.StreamableFilter;

/**
 * Node 1 for streams: per-sample L1 normalization of the selected attributes ({@link Normalization}) with a
 * negative-value policy that learns nothing (clip, the default, or error). Each row is answered at once: a
 * {@link StreamableFilter}, which Weka's {@code MultiFilter} and the KnowledgeFlow {@code instance} connection
 * require. The policies learned on a first batch (offset, shift) need {@link HetQuantNormalizer}.
 */
public class HetQuantStreamNormalizer extends AbstractHetQuantNormalizer implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT,
            NodeOptions.REJECT_NEGATIVE, NodeOptions.SPARSE);

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
        return "Streamable per-sample L1 normalization that learns nothing: each row's selected attributes sum to 1. "
                + L1_DESCRIPTION + " Nothing is learned, so every row is transformed on its own as it arrives (a"
                + " streamable filter): use it on instance connections in the KnowledgeFlow and in a streaming"
                + " MultiFilter. Negative values are clipped to 0 and counted (the default, as in HetQuantNormalizer)"
                + " or, with -reject-negative, rejected with an error naming the attribute and the row; the policies"
                + " learned on a first batch (offset, shift) need HetQuantNormalizer, a batch filter.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @OptionMetadata(
            displayName = NodeOptions.REJECT_NEGATIVE_LABEL,
            description = NodeOptions.REJECT_NEGATIVE_TEXT,
            displayOrder = NodeOptions.NEGATIVE_ORDER)
    public boolean getRejectNegative() {
        return get(NodeOptions.REJECT_NEGATIVE);
    }

    public void setRejectNegative(boolean reject) {
        set(NodeOptions.REJECT_NEGATIVE, reject);
    }

    /** Refuses {@code -negative}, the batch normalizer's option. */
    @Override
    protected void refuseOtherNodesOptions(String[] options) {
        if (weka.core.Utils.getOptionPos("negative", options) >= 0) {
            throw new IllegalArgumentException(NodeOptions.NEGATIVE.name() + ": HetQuantNormalizer's option; this"
                    + " node learns nothing, so it clips negative values to 0 (the default) or rejects them"
                    + " (-reject-negative)");
        }
    }

    @Override
    protected NegativePolicy negativePolicy() {
        return getRejectNegative() ? NegativePolicy.ERROR : NegativePolicy.CLIP;
    }

    /** Under -reject-negative: the advice points to clipping, and to the node that can learn the other policies. */
    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NEGATIVE
                ? " Drop -reject-negative to clip negative values to 0, or use HetQuantNormalizer, which can also"
                        + " learn an offset or the paper's data-level minimum from a first batch; or fix the data."
                : super.advice(problem);
    }
}
