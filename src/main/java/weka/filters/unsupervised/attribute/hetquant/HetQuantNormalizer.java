package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * Node 1, the normalizer: per-sample L1 normalization of the selected attributes ({@link Normalization}), with
 * the negative-value policy chosen by the user (clip by default; offset and shift are learned on the first
 * batch, from every row whatever its instance weight: see {@link AbstractHetQuantFilter}).
 *
 * <p>Not a {@code StreamableFilter}, although L1 normalization itself is row-local: with the offset or shift
 * policy the first batch is held back to learn the minima, and Weka's {@code MultiFilter} treats every
 * {@code StreamableFilter} as answering each row at once; it would lose a held-back batch. Weka's own
 * {@code Normalize} is a batch filter for the same reason. For streaming (a KnowledgeFlow {@code instance}
 * connection, a streamable {@code MultiFilter}) use {@link HetQuantStreamNormalizer}, which has the policies that
 * learn nothing (clip, error) and gives the same numbers with them.
 */
public class HetQuantNormalizer extends AbstractHetQuantNormalizer {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS =
            List.of(NodeOptions.RANGE, NodeOptions.INVERT, NodeOptions.NEGATIVE, NodeOptions.SPARSE);

    /**
     * Runs the filter from the command line.
     *
     * @param args the options, see {@code -h}
     */
    public static void main(String[] args) {
        runFilter(new HetQuantNormalizer(), args);
    }

    @Override
    protected String describe() {
        return "Per-sample L1 normalization, negative values clipped or shifted: each row's attributes sum to 1. "
                + L1_DESCRIPTION + " Negative values are clipped to 0 and counted (see -output-debug-info) by default;"
                + " -negative offset subtracts each attribute's negative minimum in the first batch, -negative shift"
                + " the first batch's negative global minimum (the paper's data-level shift), and -negative error"
                + " rejects them. This is a batch filter (offset and shift are learned on the first batch); to stream"
                + " rows (KnowledgeFlow instance connections, a streamable MultiFilter) use HetQuantStreamNormalizer.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @OptionMetadata(
            displayName = NodeOptions.NEGATIVE_LABEL,
            description = NodeOptions.NEGATIVE_TEXT,
            displayOrder = NodeOptions.NEGATIVE_ORDER)
    public SelectedTag getNegativeValues() {
        return NodeOptions.NEGATIVE.tag(get(NodeOptions.NEGATIVE));
    }

    public void setNegativeValues(SelectedTag policy) {
        set(NodeOptions.NEGATIVE, NodeOptions.NEGATIVE.fromTag(policy));
    }

    @Override
    protected NegativePolicy negativePolicy() {
        return get(NodeOptions.NEGATIVE);
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NEGATIVE
                ? NormalizationStage.CHOOSE_A_POLICY : super.advice(problem);
    }
}
