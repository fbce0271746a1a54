package weka.filters.unsupervised.attribute.hetquant;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import org.hetquant.engine.Normalization;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Utils;

/**
 * Node 1, the normalizer: per-sample L1 normalization of the selected attributes ({@link Normalization}).
 *
 * <p>Not a {@code StreamableFilter}, although L1 normalization itself is row-local: with the data-level shift on
 * (the default) the first batch is held back to learn the global minimum, and Weka's {@code MultiFilter} treats
 * every {@code StreamableFilter} as answering each row at once; it would lose a held-back batch. Weka's own
 * {@code Normalize} is a batch filter for the same reason.
 */
public class HetQuantNormalizer extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    private boolean m_Shift = true;

    private Normalization m_Normalization;

    /** Values clamped to 0 since the input format was set (negative even after the shift). */
    private long m_ClampedTotal;

    /** Values clamped to 0 in the current batch. */
    private long m_ClampedInBatch;

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
        return "Normalizes each row so that the selected attributes sum to 1 (exact per-sample L1, the ET layer"
                + " of the heterogeneous-quantization network): v_i = x_i / sum_j x_j, a zero row stays zero. With the"
                + " data-level shift, the global minimum of the first batch, if negative, is subtracted first; values"
                + " still negative in later batches are clamped to 0 and counted (see -output-debug-info).";
    }

    @OptionMetadata(
            displayName = "data-level shift",
            description = "Subtract the first batch's global minimum (over all selected attributes) when it is"
                    + " negative, so that L1 normalization sees non-negative values; off: a negative value is an error"
                    + " (command line: -no-shift turns it off).",
            displayOrder = 2)
    public boolean getShift() {
        return m_Shift;
    }

    public void setShift(boolean shift) {
        m_Shift = shift;
    }

    @Override
    public Enumeration<Option> listOptions() {
        Vector<Option> options = new Vector<>();
        options.add(new Option("\tDo not apply the data-level shift (negative values are then an error).",
                "no-shift", 0, "-no-shift"));
        options.addAll(Collections.list(super.listOptions()));
        return options.elements();
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        setShift(!Utils.getFlag("no-shift", options));
        super.setOptions(options);
    }

    @Override
    public String[] getOptions() {
        Vector<String> options = new Vector<>();
        if (!m_Shift) {
            options.add("-no-shift");
        }
        Collections.addAll(options, super.getOptions());
        return options.toArray(new String[0]);
    }

    /** Number of values clamped to 0 since the input format was set (always 0 without the shift). */
    public long clampedValueCount() {
        return m_ClampedTotal;
    }

    @Override
    protected int outputsPerFeature() {
        return 1;
    }

    @Override
    protected void checkOptions() {
        // The range is validated by weka.core.Range itself; the shift is a switch.
    }

    @Override
    protected boolean fitsOnFirstBatch() {
        return m_Shift;
    }

    @Override
    protected void prepare(int features) {
        m_Normalization = m_Shift ? null : Normalization.withoutShift();
        m_ClampedTotal = 0;
        m_ClampedInBatch = 0;
    }

    @Override
    protected void fit(double[][] rows) {
        try {
            m_Normalization = Normalization.fit(rows, true);
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }

    @Override
    protected void transform(double[] features, double[] out, long row) {
        try {
            int clamped = m_Normalization.apply(features, out, row);
            m_ClampedInBatch += clamped;
            m_ClampedTotal += clamped;
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }

    @Override
    protected void batchDone() {
        if (getDebug() && m_ClampedInBatch > 0) {
            System.err.println(getClass().getSimpleName() + ": clamped " + m_ClampedInBatch
                    + " value(s) still negative after the shift to 0 in this batch");
        }
        m_ClampedInBatch = 0;
    }

    @Override
    public String toString() {
        if (!isFitted() || m_Normalization == null) {
            return getClass().getSimpleName() + ": not fitted yet (no batch seen)";
        }
        return getClass().getSimpleName() + "\n"
                + "features: " + String.join(", ", featureNames()) + "\n"
                + m_Normalization + "\n"
                + "values clamped to 0 so far: " + m_ClampedTotal + "\n";
    }
}
