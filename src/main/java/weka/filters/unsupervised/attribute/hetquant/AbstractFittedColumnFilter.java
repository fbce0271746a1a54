package weka.filters.unsupervised.attribute.hetquant;

import org.hetquant.engine.GainScale;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;

/**
 * The column nodes that fit on their first batch (the calibrator and the composite node), and so can also fit the
 * gain scale on it: {@code -gain-scale auto|fitted|features|fixed} and its target utilization {@code -U}. The
 * streamable column has only the data-blind scale ({@code -fixed-gains}).
 */
public abstract class AbstractFittedColumnFilter extends AbstractColumnFilter {

    private static final long serialVersionUID = 1L;

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
