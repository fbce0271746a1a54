package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GainScale;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseTable;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The options every node with a column of duplicated neurons shares (the heterogeneous column, the data-aware
 * calibrator and the composite node): duplication n, payload P and limit L, with the paper's values as defaults,
 * and the gain scale ({@link GainScale}) that adapts the gains to the number of features and the data. Each
 * selected attribute becomes n outputs.
 */
public abstract class AbstractColumnFilter extends AbstractHetQuantFilter {

    private static final long serialVersionUID = 1L;

    /** Default duplication; the paper's grid uses 4, 8, 16 and 32 and names no single default. */
    static final int DEFAULT_DUPLICATION = 8;

    /** Neurons per feature. */
    protected int m_Duplication = DEFAULT_DUPLICATION;

    /** Payload P. */
    protected double m_Payload = ColumnGains.DEFAULT_PAYLOAD;

    /** Limit L. */
    protected double m_Limit = ColumnGains.DEFAULT_LIMIT;

    /** How the gains follow the number of features and the data. */
    protected GainScale.Rule m_GainScale = Options.DEFAULT_GAIN_SCALE;

    /** Target mean utilization (%) of a fitted gain scale. */
    protected double m_TargetUtilization = GainScale.DEFAULT_TARGET;

    /** The gains in use: data-blind once the format is set, or fitted on the first batch; else {@code null}. */
    protected ColumnGains m_Gains;

    /** The factor the gain scale applied to the gains in use (1 before they are known). */
    private double m_GainFactor = 1.0;

    @OptionMetadata(
            displayName = "duplication n",
            description = "Neurons per attribute (the paper uses 4, 8, 16 and 32); >= 1.",
            displayOrder = 4,
            commandLineParamName = "N",
            commandLineParamSynopsis = "-N <int>")
    public int getDuplication() {
        return m_Duplication;
    }

    public void setDuplication(int n) {
        m_Duplication = n;
    }

    @OptionMetadata(
            displayName = "payload P",
            description = "Drive scale of the gains: the gain of the least sensitive uniform neuron (homogeneous: of"
                    + " every neuron; calibrated: the scale of the corrected gains); finite and > 0. The paper"
                    + " uses 25.",
            displayOrder = 5,
            commandLineParamName = "P",
            commandLineParamSynopsis = "-P <double>")
    public double getPayload() {
        return m_Payload;
    }

    public void setPayload(double payload) {
        m_Payload = payload;
    }

    @OptionMetadata(
            displayName = "limit L",
            description = "Smallest coverage value, in (0, 1): the most sensitive uniform gain is P / L, and a"
                    + " calibration counts smaller observations as L. The paper uses 0.01. Unused by the"
                    + " homogeneous scheme.",
            displayOrder = 6,
            commandLineParamName = "L",
            commandLineParamSynopsis = "-L <double>")
    public double getLimit() {
        return m_Limit;
    }

    public void setLimit(double limit) {
        m_Limit = limit;
    }

    @OptionMetadata(
            displayName = "gain scale",
            description = "How the gains follow the number of attributes F and the data: fixed, features, fitted or"
                    + " auto. fixed: the gains as given by P and L (the paper, made for 8 sensors); features: every"
                    + " gain times F / 8, because L1-normalized inputs average 1 / F (F = 8 is exactly the paper);"
                    + " fitted: every gain times the smallest factor under which the first batch's mean utilization"
                    + " reaches the target (-U); auto: features, unless the first batch's mean utilization under it"
                    + " falls outside 35-55 % (the paper's operating range), then fitted. The factor in use is shown"
                    + " by toString. The streamable column offers only fixed and features.",
            displayOrder = 20,
            commandLineParamName = "gain-scale",
            commandLineParamSynopsis = "-gain-scale <fixed|features|fitted|auto>")
    public SelectedTag getGainScale() {
        return EnumTags.selected(m_GainScale);
    }

    public void setGainScale(SelectedTag rule) {
        m_GainScale = EnumTags.value(GainScale.Rule.class, rule, "gain scale");
    }

    @OptionMetadata(
            displayName = "target utilization (%)",
            description = "The mean utilization, in percent, that a fitted gain scale aims at, in (0, 100]; the paper"
                    + " operates at about 45. Unused by the streamable column.",
            displayOrder = 21,
            commandLineParamName = "U",
            commandLineParamSynopsis = "-U <percent>")
    public double getTargetUtilization() {
        return m_TargetUtilization;
    }

    public void setTargetUtilization(double percent) {
        m_TargetUtilization = percent;
    }

    /** The factor the gain scale applied to the gains in use (1 before they are known, and for fixed). */
    public double gainFactor() {
        return m_GainFactor;
    }

    /**
     * The column's gains after the gain scale.
     *
     * @param base the gains from P, L and the scheme or the calibration
     * @param normalizedRows the first batch, L1-normalized, {@code [row][feature]}; {@code null} for a data-blind
     *     rule
     */
    protected ColumnGains scaled(ColumnGains base, double[][] normalizedRows) {
        GainScale scale = new GainScale(m_GainScale, m_TargetUtilization);
        m_GainFactor = scale.needsData()
                ? scale.factor(base, normalizedRows, PhaseTable.of(NeuronParameters.DEFAULT).firingThreshold())
                : scale.dataBlindFactor(base.features());
        return m_GainFactor == 1.0 ? base : base.scaled(m_GainFactor);
    }

    /** One line on the gain scale in use, for toString. */
    protected String describeGainScale() {
        return String.format(Locale.ROOT, "gain scale %s: factor %.6g", m_GainScale.name().toLowerCase(Locale.ROOT),
                m_GainFactor)
                + (m_GainScale == GainScale.Rule.FITTED || m_GainScale == GainScale.Rule.AUTO
                        ? String.format(Locale.ROOT, " (target %.4g %% when fitted)", m_TargetUtilization) : "");
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
        return m_Duplication;
    }

    /**
     * Validates n, P and L; subclasses extend it with their own options.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    @Override
    protected void checkOptions() {
        Options.checkColumn(m_Duplication, m_Payload, m_Limit);
        Options.checkTargetUtilization(m_TargetUtilization);
    }
}
