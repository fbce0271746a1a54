package org.hetquant.plot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The input values at which each neuron of one feature's column starts to fire, on the scale of the column's
 * input (the normalized feature value when a normalizer precedes the column). A neuron that never fires has
 * threshold {@code +∞}. Immutable.
 *
 * @param feature the source attribute's name, e.g. {@code sensor3}
 * @param thresholds one value per neuron, in neuron order; finite or {@code +∞}, never NaN
 */
public record FeatureThresholds(String feature, double[] thresholds) implements Serializable {

    public FeatureThresholds {
        if (feature == null || feature.isBlank()) {
            throw new IllegalArgumentException("feature name must not be blank");
        }
        if (thresholds.length < 1) {
            throw new IllegalArgumentException("feature " + feature + ": at least one neuron threshold is required");
        }
        for (int k = 0; k < thresholds.length; k++) {
            if (Double.isNaN(thresholds[k]) || thresholds[k] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("feature " + feature + ", neuron " + k
                        + ": threshold must be a number or +Infinity, got " + thresholds[k]);
            }
        }
        thresholds = thresholds.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    private static final java.util.regex.Pattern NEURON_ROW =
            java.util.regex.Pattern.compile("^\\s+n(\\d+)\\s+(\\S+)\\s+(\\S+)\\s*$");

    /**
     * Reads thresholds from either form: the description a fitted HetQuant column or calibrator prints (its
     * {@code toString()}: per attribute a name line, then one row per neuron "n&lt;kk&gt; gain onset", the onset
     * being the input value from which the neuron fires), or the compact {@code name: t0, t1, …; …} form of
     * {@link #parseAll}.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static List<FeatureThresholds> parse(String text) {
        if (text == null || !text.contains("fires from x >=")) {
            return parseAll(text);
        }
        List<FeatureThresholds> out = new ArrayList<>();
        String feature = null;
        List<Double> onsets = new ArrayList<>();
        for (String line : text.split("\\R")) {
            java.util.regex.Matcher m = NEURON_ROW.matcher(line);
            if (m.matches()) {
                if (feature == null) {
                    throw new IllegalArgumentException("neuron row before any attribute name: '" + line.trim() + "'");
                }
                try {
                    onsets.add(Double.parseDouble(m.group(3)));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("attribute " + feature + ", neuron n" + m.group(1)
                            + ": onset '" + m.group(3) + "' is not a number", e);
                }
            } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0)) && !line.contains(";")
                    && !line.contains("(")) {
                // An attribute name line (the title and the D* line contain ';' or '(').
                add(out, feature, onsets);
                feature = line.trim();
                onsets = new ArrayList<>();
            }
        }
        add(out, feature, onsets);
        return out;
    }

    private static void add(List<FeatureThresholds> out, String feature, List<Double> onsets) {
        if (feature != null && !onsets.isEmpty()) {
            out.add(new FeatureThresholds(feature, onsets.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    /**
     * Parses {@code name: t0, t1, …; name2: …} — one feature per {@code ;}-separated group, thresholds separated by
     * commas or blanks, {@code Infinity} (or {@code inf}) for a neuron that never fires.
     *
     * @param spec the text; blank gives an empty list
     * @throws IllegalArgumentException naming the group that cannot be read
     */
    public static List<FeatureThresholds> parseAll(String spec) {
        List<FeatureThresholds> out = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return out;
        }
        for (String group : spec.split(";")) {
            if (group.isBlank()) {
                continue;
            }
            int colon = group.lastIndexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("thresholds group '" + group.trim()
                        + "' must read 'feature: t0, t1, …'");
            }
            String name = group.substring(0, colon).trim();
            String[] parts = group.substring(colon + 1).trim().split("[,\\s]+");
            double[] t = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                String p = parts[k].toLowerCase(Locale.ROOT);
                try {
                    t[k] = p.equals("inf") || p.equals("infinity") || p.equals("+inf") ? Double.POSITIVE_INFINITY
                            : Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("thresholds of feature " + name + ", neuron " + k
                            + ": '" + parts[k] + "' is not a number", e);
                }
            }
            out.add(new FeatureThresholds(name, t));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureThresholds f && f.feature.equals(feature) && Arrays.equals(f.thresholds, thresholds);
    }

    @Override
    public int hashCode() {
        return feature.hashCode() * 31 + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return feature + ": " + Arrays.toString(thresholds);
    }
}
