package weka.filters.unsupervised.attribute.hetquant;

import java.util.Arrays;
import java.util.Locale;
import java.util.Vector;
import java.util.regex.Pattern;
import org.hetquant.engine.ParameterRange;
import weka.core.Option;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * One option of the HetQuant nodes, declared once in {@link NodeOptions} and shared by every node that has it:
 * its command-line flag, bean property, GUI label, description (the GUI shows it up to the first '.'), default,
 * valid values, and the one parser and validator all paths use.
 *
 * <p><b>Parsing is strict and the same in every locale.</b> A number is written with a decimal point
 * ({@code 0.5}; {@code 0,5} is an error that says so, under any default locale), optionally with an exponent;
 * hexadecimal, {@code NaN}, {@code Infinity} and Java's {@code d}/{@code f} suffixes are not numbers here. A
 * whole number has no fraction. A choice is one of its names, matched case-insensitively ({@code UNIFORM} =
 * {@code uniform}); its numeric tag id is not accepted. A flag that takes a value but is given none, or is
 * followed by another flag, is an error.
 *
 * <p><b>One message style.</b> Every rejection reads {@code "<flag> (<label>): expected <valid form>, got
 * <value>"}, sometimes with a hint in parentheses, e.g. {@code -S (smoothing s): expected a number in [0, 1],
 * got 0,5 (a decimal comma: write 0.5)}. The valid ranges of n, P, L and s are the engine's
 * ({@link ParameterRange}), so the engine and the nodes cannot disagree.
 *
 * @param <T> the value type: Integer, Double, Boolean, String or an enum
 */
final class NodeOption<T> {

    /** How an option's value is written and checked. */
    private enum Kind { WHOLE_NUMBER, NUMBER, CHOICE, FLAG, NEGATED_FLAG, TEXT }

    /** Decimal number with an optional exponent; no hex, NaN, Infinity or type suffix. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d*,\\d+([eE][+-]?\\d+)?");

    private final Kind kind;
    private final String flag;
    private final String property;
    private final String label;
    private final String description;
    private final int displayOrder;
    private final T defaultValue;
    private final ParameterRange range;
    private final Class<T> type;
    private final String synopsis;

    private NodeOption(Kind kind, String flag, String property, String label, String description, int displayOrder,
            T defaultValue, ParameterRange range, Class<T> type, String synopsis) {
        this.kind = kind;
        this.flag = flag;
        this.property = property;
        this.label = label;
        this.description = description;
        this.displayOrder = displayOrder;
        this.defaultValue = defaultValue;
        this.range = range;
        this.type = type;
        this.synopsis = synopsis;
    }

    /** A whole-number option, e.g. {@code -N 8}. */
    static NodeOption<Integer> wholeNumber(String flag, String property, String label, String description,
            int displayOrder, int defaultValue, ParameterRange range) {
        return new NodeOption<>(Kind.WHOLE_NUMBER, flag, property, label, description, displayOrder, defaultValue,
                range, Integer.class, "-" + flag + " <" + range.describe() + ">");
    }

    /** A number option, e.g. {@code -S 0.25}. */
    static NodeOption<Double> number(String flag, String property, String label, String description,
            int displayOrder, double defaultValue, ParameterRange range) {
        return new NodeOption<>(Kind.NUMBER, flag, property, label, description, displayOrder, defaultValue, range,
                Double.class, "-" + flag + " <" + range.describe() + ">");
    }

    /** A choice among an enum's constants, written in lower case, e.g. {@code -scheme uniform}. */
    static <E extends Enum<E>> NodeOption<E> choice(String flag, String property, String label, String description,
            int displayOrder, E defaultValue) {
        Class<E> type = defaultValue.getDeclaringClass();
        return new NodeOption<>(Kind.CHOICE, flag, property, label, description, displayOrder, defaultValue, null,
                type, "-" + flag + " <" + String.join("|", names(type)) + ">");
    }

    /** A flag that turns something on when present, e.g. {@code -calibrate}; off by default. */
    static NodeOption<Boolean> flag(String flag, String property, String label, String description,
            int displayOrder) {
        return new NodeOption<>(Kind.FLAG, flag, property, label, description, displayOrder, false, null,
                Boolean.class, "-" + flag);
    }

    /** A setting that is on by default and turned off by a flag, e.g. the shift and {@code -no-shift}. */
    static NodeOption<Boolean> negatedFlag(String flag, String property, String label, String description,
            int displayOrder) {
        return new NodeOption<>(Kind.NEGATED_FLAG, flag, property, label, description, displayOrder, true, null,
                Boolean.class, "-" + flag);
    }

    /** Free text checked where it is used (e.g. a Weka range, when the data arrive). */
    static NodeOption<String> text(String flag, String property, String label, String description,
            int displayOrder, String defaultValue, String synopsis) {
        return new NodeOption<>(Kind.TEXT, flag, property, label, description, displayOrder, defaultValue, null,
                String.class, synopsis);
    }

    /** The command-line flag without '-', e.g. "S". */
    String flag() {
        return flag;
    }

    /** The bean property the GUI edits, e.g. "smoothing". */
    String property() {
        return property;
    }

    /** The GUI label, in sentence case as Weka's own, e.g. "Smoothing (s)". */
    String label() {
        return label;
    }

    /** The description; its first sentence (up to the first '.') is the GUI's tooltip. */
    String description() {
        return description;
    }

    /** Position in the GUI and in the option lists, the same for every node. */
    int displayOrder() {
        return displayOrder;
    }

    T defaultValue() {
        return defaultValue;
    }

    Class<T> type() {
        return type;
    }

    /**
     * How messages name the option: {@code "-S (smoothing s)"}, the flag and the label in running text (lower-case
     * first letter, a one-letter symbol without its parentheses).
     */
    String name() {
        String words = Character.toLowerCase(label.charAt(0)) + label.substring(1);
        return "-" + flag + " (" + words.replaceAll(" \\(([A-Za-z])\\)$", " $1") + ")";
    }

    /** The valid form in words, e.g. "a number in [0, 1]" or "one of uniform, equidistant, homogeneous". */
    String validForm() {
        switch (kind) {
            case WHOLE_NUMBER:
            case NUMBER:
                return range.describe();
            case CHOICE:
                return "one of " + String.join(", ", names(type)) + " (case-insensitive)";
            case TEXT:
                return "a value";
            default:
                return "no value (a flag)";
        }
    }

    /** Weka's {@link Option} for {@code -h} and the GUIs: the description and the default. */
    Option toWekaOption() {
        boolean takesValue = kind != Kind.FLAG && kind != Kind.NEGATED_FLAG;
        String text = "\t" + description.replace("\n", "\n\t")
                + (takesValue ? "\n\t(default: " + format(defaultValue) + ")" : "");
        return new Option(text, flag, takesValue ? 1 : 0, synopsis);
    }

    /**
     * Reads this option from command-line options, blanking what it consumes (Weka's convention).
     *
     * @param options the options, some perhaps blanked by options read before
     * @param given the options as given, so that a value is read as written even if another option's flag
     *     took it (e.g. {@code -S -N 4}: the value of -S is "-N", not the empty string -N left)
     * @return the value given, or the default if the option is absent (setOptions resets what is not given)
     * @throws IllegalArgumentException if a value is missing or does not parse, naming the option
     */
    T read(String[] options, String[] given) {
        int at = Utils.getOptionPos(flag, options);
        if (kind == Kind.FLAG || kind == Kind.NEGATED_FLAG) {
            boolean present = at >= 0;
            if (present) {
                options[at] = "";
            }
            return type.cast(kind == Kind.FLAG ? present : !present);
        }
        if (at < 0) {
            return defaultValue;
        }
        if (at + 1 >= options.length) {
            throw new IllegalArgumentException(name() + ": expected " + validForm() + ", got no value");
        }
        String text = given[at + 1];
        options[at] = "";
        options[at + 1] = "";
        return parse(text);
    }

    /**
     * Parses a value as the command line writes it; range checks are {@link #check}'s.
     *
     * @throws IllegalArgumentException if it does not parse, naming the option, the text and the valid form
     */
    T parse(String given) {
        String text = given.trim();
        switch (kind) {
            case WHOLE_NUMBER:
                if (WHOLE_NUMBER.matcher(text).matches()) {
                    try {
                        return type.cast(Integer.valueOf(text));
                    } catch (NumberFormatException tooLarge) {
                        throw rejected(given, "beyond the range of a whole number");
                    }
                }
                throw rejected(given, hint(text));
            case NUMBER:
                if (NUMBER.matcher(text).matches()) {
                    double value = Double.parseDouble(text);
                    if (Double.isInfinite(value)) {
                        throw rejected(given, "beyond the largest double");
                    }
                    return type.cast(value);
                }
                throw rejected(given, hint(text));
            case CHOICE:
                for (T constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                throw rejected(given, text.startsWith("-") ? "is its value missing?" : null);
            case TEXT:
                if (text.isEmpty()) {
                    throw rejected(given, null);
                }
                return type.cast(given);
            default:
                throw new IllegalStateException(name() + " is a flag and takes no value");
        }
    }

    /**
     * Checks a value, however it was set (command line, setOptions, GUI, Java).
     *
     * @throws IllegalArgumentException {@code "<flag> (<label>): expected <valid form>, got <value>"}
     */
    void check(T value) {
        if (value == null) {
            throw new IllegalArgumentException(name() + ": expected " + validForm() + ", got no value");
        }
        if (kind == Kind.WHOLE_NUMBER || kind == Kind.NUMBER) {
            double x = ((Number) value).doubleValue();
            if (!range.contains(x)) {
                String hint = Double.isNaN(x) ? " (a GUI field that is not a number, e.g. 0,5 with a decimal"
                        + " comma, reads as NaN: write 0.5)"
                        : kind == Kind.WHOLE_NUMBER && ((Integer) value) == StrictNumberEditor.NOT_A_WHOLE_NUMBER
                        ? " (a GUI field that is not a whole number)" : "";
                throw new IllegalArgumentException(range.message(name(), format(value)) + hint);
            }
        }
    }

    /** The value as the command line writes it (numbers as Java prints them, choices in lower case). */
    String format(T value) {
        if (value instanceof Enum<?>) {
            return ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
        }
        return String.valueOf(value);
    }

    /** Appends this option with its value to command-line options (flags only when they differ from off). */
    void write(T value, Vector<String> options) {
        switch (kind) {
            case FLAG:
                if ((Boolean) value) {
                    options.add("-" + flag);
                }
                return;
            case NEGATED_FLAG:
                if (!(Boolean) value) {
                    options.add("-" + flag);
                }
                return;
            default:
                options.add("-" + flag);
                options.add(format(value));
        }
    }

    /** The GUI's value of a choice: a Weka tag per constant, id = ordinal, readable = the lower-case name. */
    SelectedTag tag(T value) {
        return new SelectedTag(((Enum<?>) value).ordinal(), tags());
    }

    /**
     * The constant a GUI tag selects.
     *
     * @throws IllegalArgumentException if the tag is none of this option's, naming the option
     */
    T fromTag(SelectedTag tag) {
        Tag selected = tag.getSelectedTag();
        for (T constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            if (e.ordinal() == selected.getID() && e.name().equalsIgnoreCase(selected.getReadable())) {
                return constant;
            }
        }
        throw rejected(selected.getReadable(), null);
    }

    private Tag[] tags() {
        T[] constants = type.getEnumConstants();
        Tag[] tags = new Tag[constants.length];
        for (T constant : constants) {
            Enum<?> e = (Enum<?>) constant;
            tags[e.ordinal()] = new Tag(e.ordinal(), e.name().toLowerCase(Locale.ROOT));
        }
        return tags;
    }

    private IllegalArgumentException rejected(String given, String hint) {
        return new IllegalArgumentException(name() + ": expected " + validForm() + ", got "
                + (given.isBlank() ? "no value" : given) + (hint == null ? "" : " (" + hint + ")"));
    }

    /** Whether a text is a number as the options write them (surrounding blanks allowed). */
    static boolean isNumber(String text) {
        return text != null && NUMBER.matcher(text.trim()).matches()
                && Double.isFinite(Double.parseDouble(text.trim()));
    }

    /** Whether a text is a whole number that fits an int (surrounding blanks allowed). */
    static boolean isWholeNumber(String text) {
        if (text == null || !WHOLE_NUMBER.matcher(text.trim()).matches()) {
            return false;
        }
        try {
            Integer.parseInt(text.trim());
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }

    /** Why a text is not a number, when it can be told. */
    private static String hint(String text) {
        if (DECIMAL_COMMA.matcher(text).matches()) {
            return "a decimal comma: write " + text.replace(',', '.')
                    + "; options are read the same in every locale";
        }
        if (text.startsWith("-") && text.length() > 1 && Character.isLetter(text.charAt(1))) {
            return "is its value missing?";
        }
        return null;
    }

    private static String[] names(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT))
                .toArray(String[]::new);
    }

    @Override
    public String toString() {
        return name();
    }
}
