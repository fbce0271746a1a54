package weka.filters.unsupervised.attribute.hetquant;

/** {@link HetQuantPipeline}'s number fields read strictly in Weka's GUI ({@link NodeBeanInfo}). */
public class HetQuantPipelineBeanInfo extends NodeBeanInfo {

    public HetQuantPipelineBeanInfo() {
        super(HetQuantPipeline.class);
    }
}
