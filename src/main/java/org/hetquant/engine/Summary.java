package org.hetquant.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Count, mean and standard deviation of a set of values with R's conventions: the statistics of the paper's
 * utilization metric (docs/method.md §4.3; the authors aggregate with R's {@code mean} and {@code sd}) and of every
 * average HetQuant reports over samples, folds or sessions. HetQuant has no other mean or SD.
 *
 * <p><b>Undefined statistics.</b> A statistic R gives as {@code NA} or {@code NaN} is <em>undefined</em> here: an
 * empty {@link OptionalDouble}, shown as {@value #UNDEFINED} ({@link #text}). The mean of no values is undefined;
 * the SD (n − 1) of fewer than two values is undefined (R's {@code sd} of one value is {@code NA}, not 0). An
 * aggregate of per-fold statistics leaves the undefined ones out and counts them ({@link #ofDefined},
 * {@link #undefined()}), so a fold with a single test sample neither enters the mean over folds as 0 nor hides.
 *
 * <p><b>Arithmetic.</b> Commons Math's {@link Mean} and {@link StandardDeviation} (bias-corrected, i.e. n − 1):
 * the mean is the sum over n plus the mean of the residuals (the correction pass R's {@code mean} also makes) and
 * the variance the corrected two-pass formula. {@code SummaryTest} bounds the error against exact decimal
 * arithmetic: within 1e-14 of the largest magnitude summarized, on 2,000 random sets.
 *
 * <p>Immutable and thread-safe.
 */
public final class Summary {

    /** How an undefined statistic is written in text and on charts. */
    public static final String UNDEFINED = "undefined";

    private final int count;
    private final int undefined;
    /** NaN when undefined, here and below; never exposed as a number. */
    private final double mean;
    private final double sd;
    private final double populationSd;

    private Summary(int count, int undefined, double mean, double sd, double populationSd) {
        this.count = count;
        this.undefined = undefined;
        this.mean = mean;
        this.sd = sd;
        this.populationSd = populationSd;
    }

    /**
     * Summarizes values.
     *
     * @param values finite values, any number (none gives an undefined mean and SD); not modified
     * @throws IllegalArgumentException if {@code values} is null or a value is NaN or infinite (the message names
     *     its index and value)
     */
    public static Summary of(double... values) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        return of(values, 0);
    }

    /**
     * Summarizes the defined values among per-fold (or per-level) statistics; the undefined ones are left out and
     * counted in {@link #undefined()}. This is how HetQuant averages over folds: a fold whose SD is undefined
     * does not enter the mean over folds.
     *
     * @param values statistics, each finite or undefined; none null
     * @throws IllegalArgumentException if {@code values} or an element is null, or a defined value is not finite
     */
    public static Summary ofDefined(List<OptionalDouble> values) {
        if (values == null) {
            throw new IllegalArgumentException("values must not be null");
        }
        double[] defined = new double[values.size()];
        int count = 0;
        for (int i = 0; i < values.size(); i++) {
            OptionalDouble v = values.get(i);
            if (v == null) {
                throw new IllegalArgumentException("values[" + i + "] must not be null (use OptionalDouble.empty() "
                        + "for an undefined value)");
            }
            if (v.isPresent()) {
                defined[count++] = v.getAsDouble();
            }
        }
        return of(Arrays.copyOf(defined, count), values.size() - count);
    }

    private static Summary of(double[] values, int undefined) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values[" + i + "] must be finite, got " + values[i]);
            }
        }
        int n = values.length;
        if (n == 0) {
            return new Summary(0, undefined, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = new Mean().evaluate(values);
        double sd = n > 1 ? new StandardDeviation(true).evaluate(values, mean) : Double.NaN;
        double populationSd = new StandardDeviation(false).evaluate(values, mean);
        return new Summary(n, undefined, mean, sd, populationSd);
    }

    /** Number of values summarized, ≥ 0 (for {@link #ofDefined}: the defined ones). */
    public int count() {
        return count;
    }

    /** Number of undefined values left out ({@link #ofDefined}), ≥ 0; 0 for {@link #of}. */
    public int undefined() {
        return undefined;
    }

    /** The arithmetic mean (R's {@code mean}); undefined when there is no value. */
    public OptionalDouble mean() {
        return count > 0 ? OptionalDouble.of(mean) : OptionalDouble.empty();
    }

    /**
     * The sample standard deviation with the n − 1 denominator (R's {@code sd}, the published convention);
     * undefined for fewer than two values.
     */
    public OptionalDouble sd() {
        return count > 1 ? OptionalDouble.of(sd) : OptionalDouble.empty();
    }

    /** The standard deviation with the n denominator (numpy's default {@code std}); undefined when empty. */
    public OptionalDouble populationSd() {
        return count > 0 ? OptionalDouble.of(populationSd) : OptionalDouble.empty();
    }

    /**
     * A statistic as text: {@code String.format(Locale.ROOT, "%.<decimals>f", value)}, or {@value #UNDEFINED}.
     *
     * @param decimals digits after the point, ≥ 0
     */
    public static String text(OptionalDouble value, int decimals) {
        if (decimals < 0) {
            throw new IllegalArgumentException("decimals must be >= 0, got " + decimals);
        }
        return value.isPresent() ? String.format(Locale.ROOT, "%." + decimals + "f", value.getAsDouble()) : UNDEFINED;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && s.count == count && s.undefined == undefined
                && Double.compare(s.mean, mean) == 0 && Double.compare(s.sd, sd) == 0
                && Double.compare(s.populationSd, populationSd) == 0;
    }

    @Override
    public int hashCode() {
        int h = 31 * count + undefined;
        h = 31 * h + Double.hashCode(mean);
        h = 31 * h + Double.hashCode(sd);
        return 31 * h + Double.hashCode(populationSd);
    }

    @Override
    public String toString() {
        return "Summary[count=" + count + (undefined > 0 ? ", undefined=" + undefined : "") + ", mean="
                + text(mean(), 6) + ", sd=" + text(sd(), 6) + "]";
    }
}
