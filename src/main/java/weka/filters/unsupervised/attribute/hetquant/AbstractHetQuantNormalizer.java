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

    /** The first sentence of both nodes' descriptions. */
    static final String L1_DESCRIPTION = "Normalizes each row so that the selected attributes sum to 1 (exact"
            + " per-sample L1, the ET layer of the heterogeneous-quantization network): v_i = x_i / sum_j x_j, a"
            + " zero row stays zero, a missing value stays missing and is left out of the sum.";

    /** The normalization in use; {@code null} until fitted. */
    private Normalization m_Normalization;

    /** Values clamped to 0 (negative even after the shift). */
    private final ClampCount m_Clamped = new ClampCount();

    /** Installs the normalization fitted on the first batch. */
    protected final void useNormalization(Normalization normalization) {
        m_Normalization = normalization;
    }

    /** Number of values clamped to 0 since the input format was set (always 0 without the shift). */
    public long clampedValueCount() {
        return m_Clamped.total();
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
        m_Clamped.reset();
    }

    @Override
    protected final void transform(double[] features, double[] out, long row) {
        try {
            m_Clamped.add(m_Normalization.apply(features, out, row));
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
    }

    @Override
    protected final void batchDone() {
        m_Clamped.endBatch(this);
    }

    @Override
    public String toString() {
        if (!isFitted() || m_Normalization == null) {
            return notFittedMessage();
        }
        return getClass().getSimpleName() + "\n"
                + "features: " + String.join(", ", featureNames()) + "\n"
                + m_Normalization + "\n"
                + (m_Normalization.shiftEnabled() ? "values clamped to 0 so far: " + m_Clamped.total() + "\n" : "");
    }
}
