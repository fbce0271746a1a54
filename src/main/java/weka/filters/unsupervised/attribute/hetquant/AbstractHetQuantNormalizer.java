package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.Normalization;

/**
 * What the two normalizer nodes share: per-sample L1 normalization of the selected attributes
 * ({@link Normalization}), one output per attribute (name kept), engine errors put in the filter's context, and
 * the count of values clamped to 0 after a data-level shift.
 *
 * <p>A subclass decides only whether the normalization is fitted: one that fits nothing on the first batch
 * ({@link #fitsOnFirstBatch()} false) normalizes without shift, so a negative value is an error; one that fits
 * calls {@link #useNormalization} from {@link #fit}.
 */
public abstract class AbstractHetQuantNormalizer extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** What both nodes' descriptions say after their own first sentence. */
    static final String L1_DESCRIPTION = "Exact per-sample L1, the ET layer of the heterogeneous-quantization"
            + " network: v_i = x_i / sum_j x_j over the selected attributes of a row; a zero row stays zero, a"
            + " missing value stays missing and is left out of the sum.";

    /** The normalization in use; {@code null} until fitted. */
    private Normalization m_Normalization;

    /** Values clamped to 0 since the input format was set (negative even after the shift). */
    private long m_ClampedTotal;

    /** Values clamped to 0 in the current batch. */
    private long m_ClampedInBatch;

    /** Installs the normalization fitted on the first batch. */
    protected final void useNormalization(Normalization normalization) {
        m_Normalization = normalization;
    }

    /** Number of values clamped to 0 since the input format was set (always 0 without the shift). */
    public long clampedValueCount() {
        return m_ClampedTotal;
    }

    @Override
    protected final int outputsPerFeature() {
        return 1;
    }

    @Override
    protected void checkOptions() {
        // The range is validated by weka.core.Range itself.
    }

    @Override
    protected final void prepare(int features) {
        m_Normalization = fitsOnFirstBatch() ? null : Normalization.withoutShift();
        m_ClampedTotal = 0;
        m_ClampedInBatch = 0;
    }

    @Override
    protected final void transform(double[] features, double[] out, long row) {
        try {
            int clamped = m_Normalization.apply(features, out, row);
            m_ClampedInBatch += clamped;
            m_ClampedTotal += clamped;
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }

    @Override
    protected final void batchDone() {
        if (getDebug() && m_ClampedInBatch > 0) {
            System.err.println(getClass().getSimpleName() + ": clamped " + m_ClampedInBatch
                    + " value(s) still negative after the shift to 0 in this batch");
        }
        m_ClampedInBatch = 0;
    }

    @Override
    public String toString() {
        if (!isFitted() || m_Normalization == null) {
            return notFittedMessage();
        }
        return getClass().getSimpleName() + "\n"
                + "features: " + String.join(", ", featureNames()) + "\n"
                + m_Normalization + "\n"
                + (m_Normalization.shiftEnabled() ? "values clamped to 0 so far: " + m_ClampedTotal + "\n" : "");
    }
}
