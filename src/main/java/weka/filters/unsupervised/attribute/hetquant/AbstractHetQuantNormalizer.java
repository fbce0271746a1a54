package weka.filters.unsupervised.attribute.hetquant;

import java.util.Enumeration;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * What the two normalizer nodes share: per-sample L1 normalization of the selected attributes
 * ({@link Normalization}), one output per attribute (name kept), the negative-value policy, engine errors put in
 * the filter's context, and the count of values clipped to 0.
 *
 * <p>A policy that learns something ({@link NegativePolicy#fits()}: offset, shift) fits on the first batch; the
 * others answer each row at once.
 */
public abstract class AbstractHetQuantNormalizer extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** The first sentence of both nodes' descriptions. */
    static final String L1_DESCRIPTION = "Normalizes each row so that the selected attributes sum to 1 (exact"
            + " per-sample L1, the ET layer of the heterogeneous-quantization network): v_i = x_i / sum_j x_j, a"
            + " zero row stays zero, a missing value stays missing and is left out of the sum.";

    /** What happens to negative values. */
    protected NegativePolicy m_Negative = Options.DEFAULT_NEGATIVE;

    /** The normalization in use; {@code null} until fitted. */
    private Normalization m_Normalization;

    /** Values clipped to 0 since the input format was set. */
    private long m_ClampedTotal;

    /** Values clipped to 0 in the current batch. */
    private long m_ClampedInBatch;

    @OptionMetadata(
            displayName = "negative values",
            description = Options.NEGATIVE_DESCRIPTION,
            displayOrder = 2,
            commandLineParamName = "negative",
            commandLineParamSynopsis = "-negative <clip|offset|shift|error>")
    public SelectedTag getNegativeValues() {
        return EnumTags.selected(m_Negative);
    }

    public void setNegativeValues(SelectedTag policy) {
        m_Negative = EnumTags.value(NegativePolicy.class, policy, "negative values");
    }

    @Override
    public Enumeration<Option> listOptions() {
        return Options.withNoShiftAlias(super.listOptions());
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        boolean noShift = Options.noShiftFrom(options);
        super.setOptions(options);
        if (noShift) {
            m_Negative = NegativePolicy.ERROR;
        }
    }

    /** Number of values clipped to 0 since the input format was set (always 0 with the error policy). */
    public long clampedValueCount() {
        return m_ClampedTotal;
    }

    /** The normalization in use, or {@code null} before it is fitted. */
    public Normalization normalization() {
        return m_Normalization;
    }

    @Override
    protected final int outputsPerFeature() {
        return 1;
    }

    @Override
    protected void checkOptions() {
        // The policy is a closed choice; the range is validated by weka.core.Range itself.
    }

    @Override
    protected final boolean fitsOnFirstBatch() {
        return m_Negative.fits();
    }

    @Override
    protected final void prepare(int features) {
        m_Normalization = fitsOnFirstBatch() ? null : Normalization.fit(new double[0][], m_Negative);
        m_ClampedTotal = 0;
        m_ClampedInBatch = 0;
    }

    @Override
    protected final void fit(double[][] rows) {
        try {
            m_Normalization = Normalization.fit(rows, m_Negative);
        } catch (IllegalArgumentException e) {
            throw inContext(e);
        }
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
            System.err.println(getClass().getSimpleName() + ": clipped " + m_ClampedInBatch
                    + " negative value(s) to 0 in this batch");
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
                + (m_Negative != NegativePolicy.ERROR ? "values clipped to 0 so far: " + m_ClampedTotal + "\n" : "");
    }
}
