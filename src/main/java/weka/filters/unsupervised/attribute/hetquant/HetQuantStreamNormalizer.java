package weka.filters.unsupervised.attribute.hetquant;

import java.util.List;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.Normalization;
import weka.filters.StreamableFilter;

/**
 * Node 1 for streams: per-sample L1 normalization of the selected attributes without the data-level shift
 * ({@link Normalization#withoutShift()}). It learns nothing, so each row is answered at once: a
 * {@link StreamableFilter}, which Weka's {@code MultiFilter} and the KnowledgeFlow {@code instance} connection
 * require. A negative value is an {@code IllegalArgumentException} naming the attribute and the row; data that may
 * be negative need {@link HetQuantNormalizer} (batch, with the learned shift).
 */
public class HetQuantStreamNormalizer extends AbstractHetQuantNormalizer implements StreamableFilter {

    private static final long serialVersionUID = 1L;

    private static final List<NodeOption<?>> OPTIONS = List.of(NodeOptions.RANGE, NodeOptions.INVERT);

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
        return "Streamable per-sample L1 normalization without shift: each row's selected attributes sum to 1. "
                + L1_DESCRIPTION + " No data-level shift is learned, so every row is transformed on its own as it"
                + " arrives (a streamable filter): use it on instance connections in the KnowledgeFlow and in a"
                + " streaming MultiFilter, for data that are already non-negative; a negative value is an error naming"
                + " the attribute and the row. For data that may be negative use HetQuantNormalizer, a batch filter"
                + " that learns the shift (the global minimum) on the first batch.";
    }

    @Override
    protected List<NodeOption<?>> options() {
        return OPTIONS;
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return false;
    }

    /** This node has no shift to turn on: the advice points to the node that has one. */
    @Override
    protected String advice(InvalidValueException problem) {
        return problem.problem() == InvalidValueException.Problem.NEGATIVE
                ? " This node has no data-level shift: for data that may be negative use HetQuantNormalizer, which"
                        + " learns one on the first batch, or fix the data."
                : super.advice(problem);
    }
}
