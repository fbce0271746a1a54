package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.Normalization;
import weka.core.OptionMetadata;

/**
 * Node 1, the normalizer: per-sample L1 normalization of the selected attributes ({@link Normalization}), with
 * the data-level shift learned on the first batch.
 *
 * <p>Not a {@code StreamableFilter}, although L1 normalization itself is row-local: with the data-level shift on
 * (the default) the first batch is held back to learn the global minimum, and Weka's {@code MultiFilter} treats
 * every {@code StreamableFilter} as answering each row at once; it would lose a held-back batch. Weka's own
 * {@code Normalize} is a batch filter for the same reason. For streaming (a KnowledgeFlow {@code instance}
 * connection, a streamable {@code MultiFilter}) on data that are already non-negative, use
 * {@link HetQuantStreamNormalizer}; {@code -no-shift} here gives the same numbers in a batch filter.
 */
public class HetQuantNormalizer extends AbstractHetQuantNormalizer {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS =
            List.of(NodeOptions.RANGE, NodeOptions.INVERT, NodeOptions.SHIFT);

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
        return "Per-sample L1 normalization with a learned shift: each row's selected attributes sum to 1. "
                + L1_DESCRIPTION + " With the data-level shift, the global minimum of the first batch, if negative,"
                + " is subtracted first; values still negative in later batches are clamped to 0 and counted (see"
                + " -output-debug-info). This is a"
                + " batch filter (the shift is learned on the first batch); to stream rows (KnowledgeFlow instance"
                + " connections, a streamable MultiFilter) of data that are already non-negative, use"
                + " HetQuantStreamNormalizer.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @OptionMetadata(
            displayName = NodeOptions.SHIFT_LABEL,
            description = NodeOptions.SHIFT_TEXT,
            displayOrder = NodeOptions.SHIFT_ORDER)
    public boolean getShift() {
        return get(NodeOptions.SHIFT);
    }

    public void setShift(boolean shift) {
        set(NodeOptions.SHIFT, shift);
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return getShift();
    }

    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NEGATIVE
                ? NormalizationStage.TURN_THE_SHIFT_ON : super.advice(problem);
    }
}
