package org.hetquant.engine;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;

/**
 * One factor that multiplies every gain of a column, so that its onsets suit the number of features and the data
 * (an extension of docs/method.md §2(c); the paper has 8 sensors and a fixed payload P = 25).
 *
 * <p>Why: an L1-normalized input averages 1/F over F features, while the paper's onsets,
 * (D* / P)·linspace(L, 1, n) ≈ 0.0027 … 0.27, were set for F = 8. With 16 features the same gains leave most
 * neurons silent (mean utilization about 26 % on the UCI gas-drift data) and with 128 features almost all of
 * them. The factor moves every onset by 1/factor and keeps the column's shape (uniform, equidistant,
 * homogeneous or calibrated), so the heterogeneity the method relies on is untouched.
 *
 * <ul>
 *   <li>{@link Rule#FIXED}: factor 1, the gains as given (the paper).</li>
 *   <li>{@link Rule#FEATURES}: factor F / 8: the payload follows the number of features relative to the
 *       paper's 8 sensors, data-blind; F = 8 is exactly the paper.</li>
 *   <li>{@link Rule#FITTED}: the smallest factor under which the mean utilization of the fitting rows reaches
 *       the target (default 45 %, the paper's operating point).</li>
 *   <li>{@link Rule#AUTO}: {@link Rule#FEATURES}, kept when the fitting rows' mean utilization under it lies in
 *       the paper's operating range, [{@value #BAND_LOW}, {@value #BAND_HIGH}] %; otherwise {@link Rule#FITTED}.
 *       So 8 features in the operating range are exactly the paper, and features of very unequal scale (most
 *       of them near 0 after normalization) are still brought into the range.</li>
 * </ul>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param rule how the factor is found, non-null
 * @param targetUtilization the mean utilization, in percent, that {@link Rule#FITTED} (and {@link Rule#AUTO}
 *     when it fits) aims at, in (0, 100]
 */
public record GainScale(Rule rule, double targetUtilization) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The paper's number of sensors, the reference of {@link Rule#FEATURES}. */
    public static final int REFERENCE_FEATURES = 8;

    /** The paper's operating point: about 45 % mean MC utilization on both of its sessions (docs/method.md §4.4). */
    public static final double DEFAULT_TARGET = 45.0;

    /** Lower end (percent) of the operating range that {@link Rule#AUTO} keeps. */
    public static final double BAND_LOW = 35.0;

    /** Upper end (percent) of the operating range that {@link Rule#AUTO} keeps. */
    public static final double BAND_HIGH = 55.0;

    /** How the factor is found. */
    public enum Rule {
        /** Factor 1: the gains as given (the paper). */
        FIXED,
        /** Factor F / 8, data-blind. */
        FEATURES,
        /** Fitted on the data to the target mean utilization. */
        FITTED,
        /** F / 8 when the data's mean utilization under it lies in [35, 55] %, else fitted. */
        AUTO
    }

    /** Validates the components; messages name the parameter and its range. */
    public GainScale {
        if (rule == null) {
            throw new IllegalArgumentException("rule must be one of " + Arrays.toString(Rule.values()) + ", was null");
        }
        ParameterRange.TARGET_UTILIZATION.require("target utilization (%)", targetUtilization);
    }

    /** The rule with the default target ({@value #DEFAULT_TARGET} %). */
    public static GainScale of(Rule rule) {
        return new GainScale(rule, DEFAULT_TARGET);
    }

    /** Factor 1: the paper's gains. */
    public static GainScale fixed() {
        return of(Rule.FIXED);
    }

    /** Whether the factor depends on data ({@link Rule#FITTED}, {@link Rule#AUTO}). */
    public boolean needsData() {
        return rule == Rule.FITTED || rule == Rule.AUTO;
    }

    /**
     * The factor of a data-blind rule.
     *
     * @param features number of features F, ≥ 1
     * @return 1 for {@link Rule#FIXED}, F / 8 for {@link Rule#FEATURES}
     * @throws IllegalStateException for a rule that needs data
     */
    public double dataBlindFactor(int features) {
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        return switch (rule) {
            case FIXED -> 1.0;
            case FEATURES -> (double) features / REFERENCE_FEATURES;
            default -> throw new IllegalStateException("the " + rule.name().toLowerCase(Locale.ROOT)
                    + " gain scale needs data to fit on");
        };
    }

    /**
     * The rows a factor is fitted on, as the fit reads them: their count, the range of their positive values and
     * the number of firing units under a factor. A host that holds the rows in parts (a cluster's partitions)
     * sums each part's {@link #firing} counts and merges their ranges; {@link #of} holds them in memory.
     */
    public interface FittingRows {

        /** Number of rows. */
        long rows();

        /** The smallest positive finite value, {@code +∞} if there is none. */
        double smallestPositive();

        /** The largest positive finite value, 0 if there is none. */
        double largestPositive();

        /**
         * Units (feature × neuron) of all rows whose drive {@code factor · gain · v} reaches {@code threshold};
         * a missing ({@code NaN}) or non-positive input's units are silent.
         */
        long firing(ColumnGains gains, double threshold, double factor);

        /**
         * Rows held in memory.
         *
         * @param v L1-normalized rows, {@code [row][feature]}, {@code NaN} where missing; not copied
         * @param features the column's number of features
         * @throws IllegalArgumentException if a row's length differs from {@code features}, naming the row
         */
        static FittingRows of(double[][] v, int features) {
            double[] range = positiveRange(v, features);
            return new FittingRows() {
                @Override
                public long rows() {
                    return v.length;
                }

                @Override
                public double smallestPositive() {
                    return range[0];
                }

                @Override
                public double largestPositive() {
                    return range[1];
                }

                @Override
                public long firing(ColumnGains gains, double threshold, double factor) {
                    return GainScale.firing(gains, v, threshold, factor);
                }
            };
        }
    }

    /**
     * The factor for a column and the rows it is fitted on.
     *
     * @param base the column's gains before scaling
     * @param v L1-normalized fitting rows, {@code [row][feature]}, {@code NaN} where missing; ignored by the
     *     data-blind rules
     * @param firingThreshold D*, the smallest drive that fires (≈ 6.7855, {@link PhaseTable#firingThreshold()})
     * @return a finite factor > 0
     */
    public double factor(ColumnGains base, double[][] v, double firingThreshold) {
        return needsData() ? factor(base, FittingRows.of(v, base.features()), firingThreshold)
                : dataBlindFactor(base.features());
    }

    /**
     * The factor for a column and the rows it is fitted on, held in memory or in parts.
     *
     * @param base the column's gains before scaling
     * @param v the fitting rows
     * @param firingThreshold D*, the smallest drive that fires
     * @return a finite factor > 0
     */
    public double factor(ColumnGains base, FittingRows v, double firingThreshold) {
        return switch (rule) {
            case FIXED, FEATURES -> dataBlindFactor(base.features());
            case FITTED -> fittedFactor(base, v, firingThreshold, targetUtilization);
            case AUTO -> {
                double blind = (double) base.features() / REFERENCE_FEATURES;
                double u = meanUtilization(base, v, firingThreshold, blind);
                yield u >= BAND_LOW && u <= BAND_HIGH ? blind
                        : fittedFactor(base, v, firingThreshold, targetUtilization);
            }
        };
    }

    /**
     * Mean utilization of a column over rows: the percentage of the rows' units (features × n each) whose drive
     * {@code gain · v} reaches the firing threshold; a missing input's units are silent.
     *
     * @param gains the column
     * @param v L1-normalized rows, {@code [row][feature]}, one value per feature of {@code gains}
     * @param firingThreshold D*
     * @return percent in [0, 100]; 0 for no rows
     */
    public static double meanUtilization(ColumnGains gains, double[][] v, double firingThreshold) {
        return meanUtilization(gains, FittingRows.of(v, gains.features()), firingThreshold, 1.0);
    }

    private static double meanUtilization(ColumnGains gains, FittingRows v, double firingThreshold, double factor) {
        long units = v.rows() * gains.features() * gains.duplication();
        return units == 0 ? 0.0 : 100.0 * v.firing(gains, firingThreshold, factor) / units;
    }

    /**
     * The smallest factor c (to a relative 10⁻¹²) under which the column {@code c · base} has a mean utilization
     * of at least {@code target} percent over the rows; when even every unit with a positive input firing falls
     * short of the target, the factor that makes all of them fire, or as many as fire with gains that stay finite
     * (a share too small to reach the threshold under any finite gain stays silent).
     *
     * @param base the column before scaling
     * @param v L1-normalized rows, {@code [row][feature]}, {@code NaN} where missing
     * @param firingThreshold D*, > 0
     * @param target percent, in (0, 100]
     * @return a finite factor > 0; 1 when no input is positive (nothing can fire)
     * @throws IllegalArgumentException if a row's length differs from the column's features, or the threshold or
     *     target is out of range
     */
    public static double fittedFactor(ColumnGains base, double[][] v, double firingThreshold, double target) {
        return fittedFactor(base, FittingRows.of(v, base.features()), firingThreshold, target);
    }

    /** {@link #fittedFactor(ColumnGains, double[][], double, double)} on rows held in memory or in parts. */
    public static double fittedFactor(ColumnGains base, FittingRows v, double firingThreshold, double target) {
        if (!(firingThreshold > 0.0) || Double.isInfinite(firingThreshold)) {
            throw new IllegalArgumentException("firingThreshold must be finite and > 0, got " + firingThreshold);
        }
        ParameterRange.TARGET_UTILIZATION.require("target utilization (%)", target);
        double vMin = v.smallestPositive();
        double vMax = v.largestPositive();
        if (vMax == 0.0) {
            return 1.0;
        }
        double gMin = Double.POSITIVE_INFINITY;
        double gMax = 0.0;
        for (int f = 0; f < base.features(); f++) {
            gMin = Math.min(gMin, base.gain(f, 0));
            gMax = Math.max(gMax, base.gain(f, base.duplication() - 1));
        }
        long units = v.rows() * base.features() * base.duplication();
        long wanted = Math.max(1, (long) Math.ceil(target / 100.0 * units - 1e-9));
        // Below lo nothing fires; at hi every unit with a positive input fires, unless that factor would take the
        // largest gain past the largest double (a share near the smallest double, e.g. beside a value near the
        // largest): then hi is the largest factor that keeps the gains finite, and fires what can fire.
        double lo = firingThreshold / (gMax * vMax) * 0.5;
        double largest = Double.MAX_VALUE / gMax * 0.5;
        double hi = Math.max(lo, Math.min(firingThreshold / (gMin * vMin) * 2.0, largest));
        long all = v.firing(base, firingThreshold, hi);
        if (all < wanted) {
            wanted = all;
        }
        // The count of firing units only grows with the factor: bisect (geometrically) for the smallest factor
        // reaching the wanted count.
        while (hi / lo > 1.0 + 1e-12) {
            double mid = Math.sqrt(lo * hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (v.firing(base, firingThreshold, mid) >= wanted) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** {smallest, largest} positive finite value of the rows; checks each row's length. */
    private static double[] positiveRange(double[][] v, int features) {
        double vMin = Double.POSITIVE_INFINITY;
        double vMax = 0.0;
        for (int r = 0; r < v.length; r++) {
            if (v[r].length != features) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + v[r].length + " features but the column has " + features);
            }
            for (double x : v[r]) {
                if (x > 0.0 && x < Double.POSITIVE_INFINITY) {
                    vMin = Math.min(vMin, x);
                    vMax = Math.max(vMax, x);
                }
            }
        }
        return new double[] {vMin, vMax};
    }

    /**
     * Units of the rows with {@code factor · gain · v ≥ threshold}, counted per feature by binary search in its
     * ascending gains; the counts of disjoint row sets add up.
     *
     * @param v L1-normalized rows, {@code [row][feature]}, {@code NaN} where missing
     */
    public static long firing(ColumnGains gains, double[][] v, double threshold, double factor) {
        int n = gains.duplication();
        double[][] g = new double[gains.features()][];
        for (int f = 0; f < g.length; f++) {
            g[f] = gains.column(f);
            for (int k = 0; k < n; k++) {
                g[f][k] *= factor;
            }
        }
        long count = 0;
        for (double[] row : v) {
            for (int f = 0; f < g.length; f++) {
                double x = row[f];
                if (!(x > 0.0)) {
                    continue;
                }
                // Neurons k ≥ first fire: the gains ascend, so the drives do too.
                double[] column = g[f];
                int a = 0;
                int b = n;
                while (a < b) {
                    int m = (a + b) >>> 1;
                    if (column[m] * x >= threshold) {
                        b = m;
                    } else {
                        a = m + 1;
                    }
                }
                count += n - a;
            }
        }
        return count;
    }
}
