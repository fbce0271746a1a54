package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.CalibrationParameters;
import org.hetquant.engine.GainScale;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The column nodes that fit on their first batch (the calibrator and the composite node): the calibration's
 * options (smoothing {@code -S}, update rule {@code -rule}, exact distinct values {@code -distinct}), and the gain
 * scale they can fit on that batch: {@code -gain-scale auto|fitted|features|fixed} and its target utilization
 * {@code -U}. The streamable column has only the data-blind scale ({@code -fixed-gains}).
 */
public abstract class AbstractFittedColumnFilter extends AbstractColumnFilter {

    private static final long serialVersionUID = 1L;

    @OptionMetadata(
            displayName = NodeOptions.SMOOTHING_LABEL,
            description = NodeOptions.SMOOTHING_TEXT,
            displayOrder = NodeOptions.SMOOTHING_ORDER)
    public double getSmoothing() {
        return get(NodeOptions.SMOOTHING);
    }

    public void setSmoothing(double smoothing) {
        set(NodeOptions.SMOOTHING, smoothing);
    }

    @OptionMetadata(
            displayName = NodeOptions.RULE_LABEL,
            description = NodeOptions.RULE_TEXT,
            displayOrder = NodeOptions.RULE_ORDER)
    public SelectedTag getUpdateRule() {
        return NodeOptions.RULE.tag(get(NodeOptions.RULE));
    }

    public void setUpdateRule(SelectedTag rule) {
        set(NodeOptions.RULE, NodeOptions.RULE.fromTag(rule));
    }

    @OptionMetadata(
            displayName = NodeOptions.DISTINCT_LABEL,
            description = NodeOptions.DISTINCT_TEXT,
            displayOrder = NodeOptions.DISTINCT_ORDER)
    public int getDistinct() {
        return get(NodeOptions.DISTINCT);
    }

    public void setDistinct(int distinct) {
        set(NodeOptions.DISTINCT, distinct);
    }

    /** The calibration's parameters from the node's options. */
    protected CalibrationParameters calibrationParameters() {
        return new CalibrationParameters(getDuplication(), getPayload(), getLimit(), getSmoothing(),
                get(NodeOptions.RULE));
    }

    @OptionMetadata(
            displayName = NodeOptions.GAIN_SCALE_LABEL,
            description = NodeOptions.GAIN_SCALE_TEXT,
            displayOrder = NodeOptions.GAIN_SCALE_ORDER)
    public SelectedTag getGainScale() {
        return NodeOptions.GAIN_SCALE.tag(get(NodeOptions.GAIN_SCALE));
    }

    public void setGainScale(SelectedTag rule) {
        set(NodeOptions.GAIN_SCALE, NodeOptions.GAIN_SCALE.fromTag(rule));
    }

    @OptionMetadata(
            displayName = NodeOptions.TARGET_LABEL,
            description = NodeOptions.TARGET_TEXT,
            displayOrder = NodeOptions.TARGET_ORDER)
    public double getTargetUtilization() {
        return get(NodeOptions.TARGET);
    }

    public void setTargetUtilization(double percent) {
        set(NodeOptions.TARGET, percent);
    }

    @Override
    protected GainScale gainScale() {
        return new GainScale(get(NodeOptions.GAIN_SCALE), getTargetUtilization());
    }
}
