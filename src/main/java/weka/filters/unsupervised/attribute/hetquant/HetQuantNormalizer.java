package weka.filters.unsupervised.attribute.hetquant;

import java.util.Enumeration;
import org.hetquant.engine.Normalization;
import weka.core.Option;
import weka.core.OptionMetadata;

/**
 * Node 1, the normalizer: per-sample L1 normalization of the selected attributes ({@link Normalization}), with
 * the data-level shift learned on the first batch: the minimum over every row, whatever its instance weight (see
 * {@link AbstractHetQuantFilter}).
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

    private boolean m_Shift = true;

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
        return L1_DESCRIPTION + " With the data-level shift, the global minimum of the first batch, if negative,"
                + " is subtracted first; values still negative in later batches are clamped to 0 and counted (see"
                + " -output-debug-info). This is a"
                + " batch filter (the shift is learned on the first batch); to stream rows (KnowledgeFlow instance"
                + " connections, a streamable MultiFilter) of data that are already non-negative, use"
                + " HetQuantStreamNormalizer.";
    }

    @OptionMetadata(
            displayName = "data-level shift",
            description = "Subtract the first batch's global minimum (over all selected attributes) when it is"
                    + " negative, so that L1 normalization sees non-negative values; off: a negative value is an error"
                    + " (command line: -no-shift turns it off; to stream such data use HetQuantStreamNormalizer).",
            displayOrder = 2)
    public boolean getShift() {
        return m_Shift;
    }

    public void setShift(boolean shift) {
        m_Shift = shift;
    }

    @Override
    public Enumeration<Option> listOptions() {
        return Options.withNoShiftFlag(super.listOptions());
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        setShift(Options.shiftFrom(options));
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        return Options.withNoShiftFlag(m_Shift, super.getOptions());
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return m_Shift;
    }

    @Override
    protected void fit(double[][] rows) {
        try {
            useNormalization(Normalization.fit(rows, true));
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }
}
