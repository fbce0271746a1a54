package weka.filters.unsupervised.attribute.hetquant;

import java.util.Locale;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * Weka {@link SelectedTag}s for engine enums: tag id = ordinal, readable = the lower-case constant name, which
 * is also what the command line accepts (e.g. {@code -scheme equidistant}).
 */
final class EnumTags {

    private EnumTags() {}

    static <E extends Enum<E>> Tag[] of(Class<E> type) {
        E[] constants = type.getEnumConstants();
        Tag[] tags = new Tag[constants.length];
        for (E e : constants) {
            tags[e.ordinal()] = new Tag(e.ordinal(), e.name().toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    static <E extends Enum<E>> SelectedTag selected(E value) {
        return new SelectedTag(value.ordinal(), of(value.getDeclaringClass()));
    }

    /**
     * The constant a tag selects.
     *
     * @throws IllegalArgumentException if the tag belongs to another enum, naming the option
     */
    static <E extends Enum<E>> E value(Class<E> type, SelectedTag tag, String option) {
        Tag selected = tag.getSelectedTag();
        E[] constants = type.getEnumConstants();
        int id = selected.getID();
        if (id < 0 || id >= constants.length || !constants[id].name().equalsIgnoreCase(selected.getReadable())) {
            throw new IllegalArgumentException(
                    option + " must be one of " + names(type) + ", got " + selected.getReadable());
        }
        return constants[id];
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        StringBuilder s = new StringBuilder();
        for (Tag t : of(type)) {
            s.append(s.length() == 0 ? "" : ", ").append(t.getReadable());
        }
        return s.toString();
    }
}
