package weka.filters.unsupervised.attribute.hetquant;

import java.beans.PropertyEditorSupport;

/**
 * The GUI editor of the nodes' number options (n, P, L, s): reads a field as the command line does ({@link
 * NodeOption}: a decimal point in every locale, no hexadecimal or octal, no {@code NaN} or {@code Infinity}).
 *
 * <p>Weka's GUI hands the field's text to its editor on every keystroke and quietly ignores text the editor
 * rejects, so the JDK's own editors would leave the last text that parsed: typing {@code 0,5} would set s = 0
 * (from "0") and say nothing. This editor instead turns text that is not a number into a value that no option
 * accepts (NaN, or {@link #NOT_A_WHOLE_NUMBER}), so the node's check reports it, naming the option, when the data
 * arrive. Installed by the nodes' bean infos ({@link NodeBeanInfo}).
 */
public class StrictNumberEditor extends PropertyEditorSupport {

    /** The value of a whole-number field whose text is not a whole number; below every option's range. */
    static final int NOT_A_WHOLE_NUMBER = Integer.MIN_VALUE;

    @Override
    public String getAsText() {
        Object value = getValue();
        if (value instanceof Integer && (Integer) value == NOT_A_WHOLE_NUMBER) {
            return "";
        }
        return String.valueOf(value);
    }

    @Override
    public void setAsText(String text) {
        if (getValue() instanceof Integer) {
            setValue(NodeOption.isWholeNumber(text) ? (Object) Integer.valueOf(text.trim()) : NOT_A_WHOLE_NUMBER);
        } else {
            setValue(NodeOption.isNumber(text) ? Double.parseDouble(text.trim()) : Double.NaN);
        }
    }
}
