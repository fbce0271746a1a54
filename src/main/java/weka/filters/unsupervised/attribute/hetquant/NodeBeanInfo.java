package weka.filters.unsupervised.attribute.hetquant;

import java.beans.BeanInfo;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.beans.SimpleBeanInfo;

/**
 * Bean info of a node with number options: its properties as Java finds them, with {@link StrictNumberEditor}
 * for every {@code int} and {@code double} property, so that Weka's GUI reads those fields as strictly as the
 * command line. Labels, descriptions and order still come from the getters' {@code @OptionMetadata}.
 */
abstract class NodeBeanInfo extends SimpleBeanInfo {

    private final Class<?> bean;

    NodeBeanInfo(Class<?> bean) {
        this.bean = bean;
    }

    @Override
    public PropertyDescriptor[] getPropertyDescriptors() {
        try {
            BeanInfo plain = Introspector.getBeanInfo(bean, Introspector.IGNORE_IMMEDIATE_BEANINFO);
            PropertyDescriptor[] properties = plain.getPropertyDescriptors();
            PropertyDescriptor[] result = new PropertyDescriptor[properties.length];
            for (int i = 0; i < properties.length; i++) {
                PropertyDescriptor p = properties[i];
                Class<?> type = p.getPropertyType();
                if ((type == int.class || type == double.class) && p.getReadMethod() != null
                        && p.getWriteMethod() != null) {
                    // A copy: the descriptors of a superclass may be shared with Java's cache.
                    p = new PropertyDescriptor(p.getName(), p.getReadMethod(), p.getWriteMethod());
                    p.setPropertyEditorClass(StrictNumberEditor.class);
                }
                result[i] = p;
            }
            return result;
        } catch (IntrospectionException e) {
            return null; // Java's own introspection then
        }
    }
}
