package org.hetquant.engine;

/**
 * A data value the method cannot take, with where it is and why, so that a host can restate it in its own
 * terms (an attribute name, a row counted from 1) and add its own advice. The engine's message counts features
 * and rows from 0, as its arrays do: {@code "row 3, feature 1: -0.5 is negative; L1 normalization needs values
 * >= 0"}.
 *
 * <p>A location the throwing method does not know is −1 and left out of the message; {@link #at} fills it in.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the value. */
    public enum Problem {
        /** ±∞ where values must be finite (NaN is a missing value and always allowed). */
        NOT_FINITE("is not finite"),
        /** Negative where the method needs values ≥ 0. */
        NEGATIVE("is negative"),
        /** Outside the range the method defines, e.g. a calibration sample outside [0, 1]. */
        OUT_OF_RANGE("is out of range"),
        /** Finite, but a result computed from it is beyond the largest double. */
        OVERFLOW("is too large");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        /** The problem in words, after the value: "is negative". */
        public String words() {
            return words;
        }
    }

    private final String rowWord;
    private final long row;
    private final int feature;
    private final double value;
    private final Problem problem;
    private final String requirement;

    /**
     * @param rowWord what a row is called in the engine's message ("row", or "sample" for a calibration sample)
     * @param row the row, from 0, or −1 if unknown
     * @param feature the feature, from 0, or −1 if unknown
     * @param value the offending value
     * @param problem what is wrong with it
     * @param requirement what the method needs, e.g. "L1 normalization needs values >= 0"
     */
    public InvalidValueException(String rowWord, long row, int feature, double value, Problem problem,
            String requirement) {
        super(message(rowWord, row, feature, value, problem, requirement));
        this.rowWord = rowWord;
        this.row = row;
        this.feature = feature;
        this.value = value;
        this.problem = problem;
        this.requirement = requirement;
    }

    /** As the full constructor, for a row. */
    public InvalidValueException(long row, int feature, double value, Problem problem, String requirement) {
        this("row", row, feature, value, problem, requirement);
    }

    private static String message(String rowWord, long row, int feature, double value, Problem problem,
            String requirement) {
        StringBuilder s = new StringBuilder();
        if (row >= 0) {
            s.append(rowWord).append(' ').append(row);
        }
        if (feature >= 0) {
            s.append(s.length() > 0 ? ", " : "").append("feature ").append(feature);
        }
        return s.append(s.length() > 0 ? ": " : "").append(value).append(' ').append(problem.words()).append("; ")
                .append(requirement).toString();
    }

    /** The same problem at a known location (−1 keeps this exception's value). */
    public InvalidValueException at(long row, int feature) {
        InvalidValueException located = new InvalidValueException(rowWord, row >= 0 ? row : this.row,
                feature >= 0 ? feature : this.feature, value, problem, requirement);
        located.initCause(getCause() != null ? getCause() : this);
        return located;
    }

    /** The row, from 0, or −1 if unknown. */
    public long row() {
        return row;
    }

    /** The feature, from 0, or −1 if unknown. */
    public int feature() {
        return feature;
    }

    /** The offending value. */
    public double value() {
        return value;
    }

    /** What is wrong with it. */
    public Problem problem() {
        return problem;
    }

    /** What the method needs, without location: "L1 normalization needs values >= 0". */
    public String requirement() {
        return requirement;
    }

    /** The problem without location: {@code "-0.5 is negative; L1 normalization needs values >= 0"}. */
    public String problemText() {
        return value + " " + problem.words() + "; " + requirement;
    }
}
