package org.hetquant.plot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.core.Utils;

/**
 * The input values at which each neuron of one feature's column starts to fire, on the scale of the column's
 * input (the normalized feature value when a normalizer precedes the column). A neuron that never fires has
 * threshold {@code +∞}. Immutable.
 *
 * <p>Text forms, both written and read here so that whatever HetQuant writes reads back (any attribute name an
 * ARFF file can hold, exact thresholds in the compact form):
 * <ul>
 *   <li>the <em>description</em> a fitted column node prints ({@code toString()}): per attribute a line
 *       {@code attribute <name>}, then one row per neuron {@code n<kk> <gain> <onset>}, in neuron order;</li>
 *   <li>the <em>compact</em> form {@code <name>: t0, t1, …; <name2>: …} ({@link #toString()}, {@link #format}),
 *       which the diagnostics text lists under {@link #LIST_HEADER}.</li>
 * </ul>
 * Names are quoted as ARFF quotes them ({@link #quote}), and also whenever they hold a character these forms use
 * as a separator (':', ';', whitespace).
 *
 * @param feature the source attribute's name, e.g. {@code sensor3}; any string
 * @param thresholds one value per neuron, in neuron order; finite or {@code +∞}, never NaN
 */
public record FeatureThresholds(String feature, double[] thresholds) implements Serializable {

    /** The line the diagnostics text puts above the compact form of its thresholds. */
    public static final String LIST_HEADER = "neuron thresholds (column input from which each neuron fires):";

    public FeatureThresholds {
        if (feature == null) {
            throw new IllegalArgumentException("feature name must not be null");
        }
        if (thresholds.length < 1) {
            throw new IllegalArgumentException("feature " + quote(feature)
                    + ": at least one neuron threshold is required");
        }
        for (int k = 0; k < thresholds.length; k++) {
            if (Double.isNaN(thresholds[k]) || thresholds[k] == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("feature " + quote(feature) + ", neuron " + k
                        + ": threshold must be a number or +Infinity, got " + thresholds[k]);
            }
        }
        thresholds = thresholds.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** The neuron-table header of a description; its presence tells a description from the compact form. */
    private static final Pattern TABLE_HEADER = Pattern.compile("^\\s+neuron\\s+gain\\s+fires from x >=\\s*$");
    private static final Pattern NEURON_ROW = Pattern.compile("^\\s+n(\\d+)\\s+(\\S+)\\s+(\\S+)\\s*$");
    private static final String ATTRIBUTE = "attribute ";

    /**
     * An attribute name as the text forms write it: ARFF's quoting ({@code weka.core.Utils.quote}: quotes and
     * escapes where an ARFF file would), and in single quotes also when it holds ':', ';', whitespace or a
     * control character.
     */
    public static String quote(String name) {
        String quoted = Utils.quote(name);
        if (quoted.startsWith("'")) {
            return quoted;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' || c == ';' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.isISOControl(c)) {
                // No character ARFF escapes is present (quote() would have quoted), so plain quotes suffice.
                return "'" + name + "'";
            }
        }
        return quoted;
    }

    /** The line that starts an attribute's neuron table in a description. */
    public static String attributeLine(String name) {
        return ATTRIBUTE + quote(name);
    }

    /**
     * Reads thresholds from any text form HetQuant writes: a fitted column node's description (pasted whole),
     * the diagnostics text (the part under {@link #LIST_HEADER}), or the compact form.
     *
     * @throws IllegalArgumentException naming the part that cannot be read
     */
    public static List<FeatureThresholds> parse(String text) {
        if (text == null) {
            return new ArrayList<>();
        }
        int list = text.indexOf(LIST_HEADER);
        if (list >= 0) {
            return parseAll(text.substring(list + LIST_HEADER.length()));
        }
        String[] lines = text.split("\\r\\n|\\n|\\r");
        boolean description = false;
        for (String line : lines) {
            description |= TABLE_HEADER.matcher(line).matches();
        }
        if (!description) {
            return parseAll(text);
        }
        List<FeatureThresholds> out = new ArrayList<>();
        String feature = null;
        List<Double> onsets = new ArrayList<>();
        for (String line : lines) {
            Matcher m = NEURON_ROW.matcher(line);
            if (line.startsWith(ATTRIBUTE)) {
                add(out, feature, onsets);
                feature = unquote(line.substring(ATTRIBUTE.length()), "attribute line '" + line + "'");
                onsets = new ArrayList<>();
            } else if (m.matches()) {
                if (feature == null) {
                    throw new IllegalArgumentException("neuron row before any 'attribute <name>' line: '"
                            + line.trim() + "'");
                }
                String neuron = "attribute " + quote(feature) + ", neuron n" + m.group(1);
                if (Integer.parseInt(m.group(1)) != onsets.size()) {
                    throw new IllegalArgumentException(neuron + ": expected neuron " + onsets.size()
                            + " (rows must run n00, n01, … under their attribute line)");
                }
                onsets.add(number(m.group(3), neuron + ", onset"));
            }
        }
        add(out, feature, onsets);
        return out;
    }

    private static void add(List<FeatureThresholds> out, String feature, List<Double> onsets) {
        if (feature == null) {
            return;
        }
        if (onsets.isEmpty()) {
            throw new IllegalArgumentException("attribute " + quote(feature) + " has no neuron rows");
        }
        for (FeatureThresholds t : out) {
            if (t.feature().equals(feature)) {
                throw new IllegalArgumentException("attribute " + quote(feature) + " is given twice");
            }
        }
        out.add(new FeatureThresholds(feature, onsets.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Parses the compact form {@code name: t0, t1, …; name2: …} — one feature per {@code ;}-separated group, the
     * name before the group's last ':' (quoted as {@link #quote} writes it, or plain), thresholds separated by
     * commas or blanks, {@code Infinity} (or {@code inf}) for a neuron that never fires.
     *
     * @param spec the text; blank gives an empty list
     * @throws IllegalArgumentException naming the group that cannot be read
     */
    public static List<FeatureThresholds> parseAll(String spec) {
        List<FeatureThresholds> out = new ArrayList<>();
        if (spec == null) {
            return out;
        }
        for (String group : splitOutsideQuotes(spec, ';')) {
            if (group.isBlank()) {
                continue;
            }
            int colon = lastOutsideQuotes(group, ':');
            if (colon < 0) {
                throw new IllegalArgumentException("thresholds group '" + group.strip()
                        + "' must read 'feature: t0, t1, …'");
            }
            String name = unquote(group.substring(0, colon), "thresholds group '" + group.strip() + "'");
            String[] parts = group.substring(colon + 1).strip().split("[,\\s]+");
            List<Double> onsets = new ArrayList<>();
            for (int k = 0; k < parts.length; k++) {
                onsets.add(number(parts[k], "thresholds of feature " + quote(name) + ", neuron " + k));
            }
            add(out, name, onsets);
        }
        return out;
    }

    private static double number(String text, String what) {
        String p = text.toLowerCase(Locale.ROOT);
        if (p.equals("inf") || p.equals("+inf") || p.equals("infinity") || p.equals("+infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number", e);
        }
    }

    /**
     * A name as written by {@link #quote}, surrounding whitespace ignored: a single- or double-quoted ARFF
     * string, or the plain text.
     */
    private static String unquote(String token, String where) {
        String t = token.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException(where + ": no attribute name");
        }
        char q = t.charAt(0);
        if (q != '\'' && q != '"') {
            return t;
        }
        int end = closingQuote(t, 0);
        if (end != t.length() - 1) {
            throw new IllegalArgumentException(where + ": the quoted name " + (end < 0 ? "is not closed"
                    : "is followed by '" + t.substring(end + 1) + "'"));
        }
        String inner = t.substring(1, t.length() - 1);
        return q == '\'' ? Utils.unquote(t) : Utils.unbackQuoteChars(inner);
    }

    /** Index of the quote closing the one at {@code open} (a backslash escapes the next character), or -1. */
    private static int closingQuote(String s, int open) {
        char q = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return -1;
    }

    /** @throws IllegalArgumentException if a quote is not closed */
    private static List<String> splitOutsideQuotes(String s, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(s, i);
                if (end < 0) {
                    throw new IllegalArgumentException("thresholds: the quote opened in '"
                            + s.substring(from).strip() + "' is not closed");
                }
                i = end;
            } else if (c == separator) {
                parts.add(s.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static int lastOutsideQuotes(String s, char target) {
        int last = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = closingQuote(s, i);
                i = end < 0 ? s.length() : end;
            } else if (c == target) {
                last = i;
            }
        }
        return last;
    }

    /** The compact form of several features, one per line, each group ending with ';'. */
    public static String format(List<FeatureThresholds> all) {
        StringBuilder b = new StringBuilder();
        for (FeatureThresholds t : all) {
            b.append(t).append(";\n");
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureThresholds f && f.feature.equals(feature) && Arrays.equals(f.thresholds, thresholds);
    }

    @Override
    public int hashCode() {
        return feature.hashCode() * 31 + Arrays.hashCode(thresholds);
    }

    /** The compact form {@code <quoted name>: t0, t1, …}, exact ({@link Double#toString}); reads back. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(quote(feature)).append(':');
        for (int k = 0; k < thresholds.length; k++) {
            b.append(k == 0 ? " " : ", ").append(thresholds[k]);
        }
        return b.toString();
    }
}
