package org.hetquant.engine;

import java.io.Serializable;
import java.util.Locale;

/**
 * The valid values of one numeric method parameter, and the one check and message every host uses for it: the
 * engine names the parameter ("limit L"), a host names its option ("-L (limit L)"), and both say the same thing
 * in the same words: {@code "<name>: expected <valid form>, got <value>"}.
 *
 * <p>Bounds are inclusive or exclusive; an integer range also requires a whole number. A value outside the
 * range, NaN and ±∞ are always rejected (every method parameter is finite).
 *
 * @param lower lower bound (−∞ for none)
 * @param lowerOpen whether the lower bound itself is excluded
 * @param upper upper bound (+∞ for none)
 * @param upperOpen whether the upper bound itself is excluded
 * @param integer whether only whole numbers are valid
 */
public record ParameterRange(double lower, boolean lowerOpen, double upper, boolean upperOpen, boolean integer)
        implements Serializable {

    /** Duplication n, neurons per feature: a whole number ≥ 1 (paper: 4, 8, 16, 32). */
    public static final ParameterRange DUPLICATION = new ParameterRange(1, false, Double.POSITIVE_INFINITY, true, true);

    /** Payload P, the drive scale of the gains: finite and &gt; 0 (paper: 25). */
    public static final ParameterRange PAYLOAD = new ParameterRange(0, true, Double.POSITIVE_INFINITY, true, false);

    /** Limit L, the smallest covered normalized input: in (0, 1) (paper: 0.01). */
    public static final ParameterRange LIMIT = new ParameterRange(0, true, 1, true, false);

    /** Smoothing s of the calibration: in [0, 1] (paper: 0.25 "Adaptive", 0.5 "Scaled"). */
    public static final ParameterRange SMOOTHING = new ParameterRange(0, false, 1, false, false);

    /** Distinct values per feature a calibration summary keeps exactly: a whole number in [1, 2³¹ − 1]. */
    public static final ParameterRange EXACT_LIMIT = new ParameterRange(1, false, Integer.MAX_VALUE, false, true);

    /** KLL parameter k of a calibration summary's sketch: a whole number in [8, 65535] (DataSketches' range). */
    public static final ParameterRange SKETCH_K = new ParameterRange(8, false, 65535, false, true);

    /** GCs per MC in the granule-cell layer: a whole number ≥ 1 (paper: 4; 2 in its calibrated Concentration runs). */
    public static final ParameterRange GRANULES_PER_MITRAL =
            new ParameterRange(1, false, Double.POSITIVE_INFINITY, true, true);

    /** Connection probability p of the MC→GC projection: in [0, 1] (paper: 1/n). */
    public static final ParameterRange CONNECTION_PROBABILITY = new ParameterRange(0, false, 1, false, false);

    /** Target mean utilization of a fitted gain scale, in percent: in (0, 100] (the paper operates near 45). */
    public static final ParameterRange TARGET_UTILIZATION = new ParameterRange(0, true, 100, false, false);

    /** Whether {@code x} is valid: finite, within the bounds and, for an integer range, whole. */
    public boolean contains(double x) {
        if (!Double.isFinite(x)) {
            return false;
        }
        boolean aboveLower = lowerOpen ? x > lower : x >= lower;
        boolean belowUpper = upperOpen ? x < upper : x <= upper;
        return aboveLower && belowUpper && (!integer || x == Math.rint(x));
    }

    /**
     * The valid form in words, e.g. "a number in (0, 1)", "a whole number >= 1", "a finite number > 0".
     * Bounds are printed as Java prints them with a decimal point, in every locale.
     */
    public String describe() {
        String kind = integer ? "a whole number" : "a number";
        boolean boundedBelow = lower != Double.NEGATIVE_INFINITY;
        boolean boundedAbove = upper != Double.POSITIVE_INFINITY;
        if (boundedBelow && boundedAbove) {
            return kind + " in " + (lowerOpen ? "(" : "[") + format(lower) + ", " + format(upper)
                    + (upperOpen ? ")" : "]");
        }
        if (boundedBelow) {
            return (integer ? kind : "a finite number") + (lowerOpen ? " > " : " >= ") + format(lower);
        }
        if (boundedAbove) {
            return (integer ? kind : "a finite number") + (upperOpen ? " < " : " <= ") + format(upper);
        }
        return integer ? kind : "a finite number";
    }

    /**
     * Checks a value.
     *
     * @param name what the value is, e.g. "limit L" or "-L (limit L)"
     * @param x the value
     * @return {@code x}
     * @throws IllegalArgumentException {@code "<name>: expected <describe()>, got <x>"}
     */
    public double require(String name, double x) {
        if (!contains(x)) {
            throw new IllegalArgumentException(message(name, format(x)));
        }
        return x;
    }

    /** As {@link #require(String, double)} for a whole number. */
    public int require(String name, int x) {
        require(name, (double) x);
        return x;
    }

    /** The rejection message for a value given as text: {@code "<name>: expected <describe()>, got <given>"}. */
    public String message(String name, String given) {
        return name + ": expected " + describe() + ", got " + given;
    }

    /** A bound or value as the messages print it: integers without a fraction, others as Java prints doubles. */
    static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) x);
        }
        return Double.toString(x);
    }
}
