package weka.filters.unsupervised.attribute.hetquant;

/** {@link HetQuantCalibrator}'s number fields read strictly in Weka's GUI ({@link NodeBeanInfo}). */
public class HetQuantCalibratorBeanInfo extends NodeBeanInfo {

    public HetQuantCalibratorBeanInfo() {
        super(HetQuantCalibrator.class);
    }
}
