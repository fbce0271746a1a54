package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.ColumnGains;
import weka.core.OptionMetadata;

/**
 * The options every node with a column of duplicated neurons shares (the heterogeneous column, the data-aware
 * calibrator and the composite node): duplication n, payload P and limit L, with the paper's values as defaults.
 * Each selected attribute becomes n outputs named {@code <source>_n<kk>}, also for n = 1 ({@code <source>_n00}).
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

    /** The gains in use: data-blind once the format is set, or fitted on the first batch; else {@code null}. */
    protected ColumnGains m_Gains;

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

    @Override
    protected boolean namesNeurons() {
        return true;
    }

    /**
     * Validates n, P and L; subclasses extend it with their own options.
     *
     * @throws IllegalArgumentException naming the option and its valid range
     */
    @Override
    protected void checkOptions() {
        Options.checkColumn(m_Duplication, m_Payload, m_Limit);
    }
}
