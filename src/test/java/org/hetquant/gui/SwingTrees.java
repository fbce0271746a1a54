package org.hetquant.gui;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;

/** Finds components in a Swing window's tree (the tests read what Weka's GUIs put on screen). */
public final class SwingTrees {

    private SwingTrees() {}

    /** The first component of the type, depth first from {@code root} (itself included), or {@code null}. */
    public static <T> T find(Component root, Class<T> type) {
        List<T> all = all(root, type);
        return all.isEmpty() ? null : all.get(0);
    }

    /** Every component of the type, depth first from {@code root} (itself included); empty for a null root. */
    public static <T> List<T> all(Component root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T> void collect(Component c, Class<T> type, List<T> out) {
        if (c == null) {
            return;
        }
        if (type.isInstance(c)) {
            out.add(type.cast(c));
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, type, out);
            }
        }
    }
}
