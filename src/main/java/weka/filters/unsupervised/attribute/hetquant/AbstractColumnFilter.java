package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.InvalidValueException;
import weka.core.OptionMetadata;

/**
 * The options every node with a column of duplicated neurons shares (the heterogeneous column, the data-aware
 * calibrator and the composite node): duplication n, payload P and limit L, with the paper's values as defaults.
 * Each selected attribute becomes n outputs.
 */
public abstract class AbstractColumnFilter extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** The gains in use: data-blind once the format is set, or fitted on the first batch; else {@code null}. */
    protected volatile ColumnGains m_Gains;

    @OptionMetadata(
            displayName = NodeOptions.DUPLICATION_LABEL,
            description = NodeOptions.DUPLICATION_TEXT,
            displayOrder = NodeOptions.DUPLICATION_ORDER)
    public int getDuplication() {
        return get(NodeOptions.DUPLICATION);
    }

    public void setDuplication(int n) {
        set(NodeOptions.DUPLICATION, n);
    }

    @OptionMetadata(
            displayName = NodeOptions.PAYLOAD_LABEL,
            description = NodeOptions.PAYLOAD_TEXT,
            displayOrder = NodeOptions.PAYLOAD_ORDER)
    public double getPayload() {
        return get(NodeOptions.PAYLOAD);
    }

    public void setPayload(double payload) {
        set(NodeOptions.PAYLOAD, payload);
    }

    @OptionMetadata(
            displayName = NodeOptions.LIMIT_LABEL,
            description = NodeOptions.LIMIT_TEXT,
            displayOrder = NodeOptions.LIMIT_ORDER)
    public double getLimit() {
        return get(NodeOptions.LIMIT);
    }

    public void setLimit(double limit) {
        set(NodeOptions.LIMIT, limit);
    }

    /** The gains in use, or {@code null} before they are known. */
    public ColumnGains gains() {
        return m_Gains;
    }

    /**
     * The gains in use.
     *
     * @throws IllegalStateException if they are not known yet (no batch seen)
     */
    protected ColumnGains requireGains() {
        if (m_Gains == null) {
            throw new IllegalStateException(notFittedMessage());
        }
        return m_Gains;
    }

    @Override
    protected int outputsPerFeature() {
        return getDuplication();
    }

    /**
     * Writes each feature's n drives {@code gain · x} to its places in the output row.
     *
     * @throws InvalidValueException for an infinite input or a drive beyond the largest double, naming the feature
     */
    protected final void drives(double[] features, double[] out, int[] at) {
        for (int f = 0; f < features.length; f++) {
            m_Gains.drives(f, features[f], out, at[f]);
        }
    }
}
