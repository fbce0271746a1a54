package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import weka.core.OptionMetadata;

/**
 * The options every node with a column of duplicated neurons shares (the heterogeneous column, the data-aware
 * calibrator and the composite node): duplication n, payload P and limit L, with the paper's values as defaults;
 * and the gain scale ({@link GainScale}), one factor on the gains that adapts them to the number of attributes and,
 * in the nodes that fit, to the data. Each selected attribute becomes n outputs named {@code <source>_n<kk>}, also
 * for n = 1 ({@code <source>_n00}).
 */
public abstract class AbstractColumnFilter extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** The gains in use: data-blind once the format is set, or fitted on the first batch; else {@code null}. */
    protected volatile ColumnGains m_Gains;

    /** The factor the gain scale applied to the gains in use (1 before they are known). */
    private volatile double m_GainFactor = 1.0;

    /** The gain scale in use: the node's rule (and target, where it fits). */
    protected abstract GainScale gainScale();

    /** The factor the gain scale applied to the gains in use (1 before they are known, and for fixed). */
    public double gainFactor() {
        return m_GainFactor;
    }

    /**
     * The column's gains after the gain scale.
     *
     * @param base the gains from P, L and the scheme, or from the calibration
     * @param normalizedRows the first batch, L1-normalized, {@code [row][feature]}; {@code null} for a data-blind
     *     rule
     */
    protected final ColumnGains scaled(ColumnGains base, double[][] normalizedRows) {
        GainScale scale = gainScale();
        double factor = scale.needsData()
                ? scale.factor(base, normalizedRows, PhaseTable.of(NeuronParameters.DEFAULT).firingThreshold())
                : scale.dataBlindFactor(base.features());
        m_GainFactor = factor;
        return factor == 1.0 ? base : base.scaled(factor);
    }

    /** One line on the gain scale in use and, for a rule that fits, what it decided; for toString. */
    protected final String describeGainScale() {
        GainScale scale = gainScale();
        String line = String.format(Locale.ROOT, "gain scale %s: factor %.6g",
                scale.rule().name().toLowerCase(Locale.ROOT), m_GainFactor);
        // F / 8, what AUTO keeps when it can (the engine's data-blind rule).
        double blind = GainScale.of(GainScale.Rule.FEATURES).dataBlindFactor(featureNames().length);
        return switch (scale.rule()) {
            case FITTED -> line + String.format(Locale.ROOT, " (fitted on the first batch to a mean utilization of"
                    + " %.4g %%)", scale.targetUtilization());
            // The engine keeps F / 8 exactly when its utilization is in range: equal factors say which branch ran.
            case AUTO -> line + (m_GainFactor == blind
                    ? String.format(Locale.ROOT, " (F/8 kept: the first batch's mean utilization under it lies in"
                            + " %.0f–%.0f %%)", GainScale.BAND_LOW, GainScale.BAND_HIGH)
                    : String.format(Locale.ROOT, " (F/8 = %.6g put the first batch's mean utilization outside"
                            + " %.0f–%.0f %%, so the factor was fitted to %.4g %%)", blind,
                            GainScale.BAND_LOW, GainScale.BAND_HIGH, scale.targetUtilization()));
            default -> line;
        };
    }

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

    @Override
    protected boolean namesNeurons() {
        return true;
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
