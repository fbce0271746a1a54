package weka.filters.unsupervised.attribute.hetquant;

/** {@link HetQuantColumn}'s number fields read strictly in Weka's GUI ({@link NodeBeanInfo}). */
public class HetQuantColumnBeanInfo extends NodeBeanInfo {

    public HetQuantColumnBeanInfo() {
        super(HetQuantColumn.class);
    }
}
