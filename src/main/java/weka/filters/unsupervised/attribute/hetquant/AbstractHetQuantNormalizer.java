package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;

/**
 * What the two normalizer nodes share: per-sample L1 normalization of the selected attributes
 * ({@link Normalization}, through {@link NormalizationStage}), one output per attribute (name kept), and the
 * count of negative values clipped to 0.
 *
 * <p>A subclass says only which negative-value policy is in use; a policy that learns (offset, shift) is fitted
 * on the first batch.
 */
public abstract class AbstractHetQuantNormalizer extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** What both nodes' descriptions say after their own first sentence. */
    static final String L1_DESCRIPTION = "Exact per-sample L1, the ET layer of the heterogeneous-quantization"
            + " network: v_i = x_i / sum_j x_j over the selected attributes of a row; a zero row stays zero, a"
            + " missing value stays missing and is left out of the sum.";

    /** The normalization and its clamp count. */
    private final NormalizationStage m_Stage = new NormalizationStage();

    /** Number of values clipped to 0 since the input format was set (always 0 with the error policy). */
    public long clampedValueCount() {
        return m_Stage.clampedTotal();
    }

    /** Rows since the input format was set that clipping negative values left all zero. */
    public long emptiedRowCount() {
        return m_Stage.emptiedTotal();
    }

    /** The negative-value policy in use. */
    protected abstract NegativePolicy negativePolicy();

    @Override
    protected final boolean fitsOnFirstBatch() {
        return negativePolicy().fits();
    }

    @Override
    protected final int outputsPerFeature() {
        return 1;
    }

    @Override
    protected final void prepare(int features) {
        m_Stage.reset(negativePolicy());
    }

    @Override
    protected final void fit(double[][] rows) {
        m_Stage.fit(rows);
    }

    @Override
    protected final void transform(double[] features, double[] out, int[] at) {
        m_Stage.apply(features);
        for (int f = 0; f < features.length; f++) {
            out[at[f]] = features[f];
        }
    }

    @Override
    protected final void batchDone() {
        m_Stage.batchDone(this);
    }

    @Override
    public String toString() {
        if (!isFitted() || !m_Stage.fitted()) {
            return notFittedMessage();
        }
        return getClass().getSimpleName() + "\n"
                + "features: " + String.join(", ", featureNames()) + "\n"
                + m_Stage.describe() + "\n"
                + m_Stage.describeClamps();
    }
}
