package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Every statistic HetQuant reports equals a straightforward reference with R's conventions, on random inputs:
 * {@code mean(x)} (NaN for no value), {@code sd(x)} (n − 1; NA for fewer than two values), the n-denominator SD,
 * and the mean over folds of per-fold statistics with the undefined ones left out. The reference computes in exact
 * decimal arithmetic, so the tolerance bounds our rounding error, not a second algorithm's.
 */
class SummaryTest implements ValueTypeContract<Summary> {

    private static final MathContext EXACT_ENOUGH = new MathContext(40);
    private static final int CASES = 2000;

    /** R's {@code mean}: NaN for no value; otherwise the exact mean rounded to double. */
    static double referenceMean(double[] x) {
        if (x.length == 0) {
            return Double.NaN;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) {
            sum = sum.add(new BigDecimal(v));
        }
        return sum.divide(BigDecimal.valueOf(x.length), EXACT_ENOUGH).doubleValue();
    }

    /** R's {@code sd} (denominator n − 1, NA → NaN for fewer than two values), or the n-denominator SD. */
    static double referenceSd(double[] x, boolean sample) {
        int n = x.length;
        if (n < (sample ? 2 : 1)) {
            return Double.NaN;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) {
            sum = sum.add(new BigDecimal(v));
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), EXACT_ENOUGH);
        BigDecimal ss = BigDecimal.ZERO;
        for (double v : x) {
            BigDecimal d = new BigDecimal(v).subtract(mean);
            ss = ss.add(d.multiply(d));
        }
        return ss.divide(BigDecimal.valueOf(sample ? n - 1 : n), EXACT_ENOUGH).sqrt(EXACT_ENOUGH).doubleValue();
    }

    private static void assertStatistic(double reference, OptionalDouble ours, double scale, String what) {
        if (Double.isNaN(reference)) {
            assertFalse(ours.isPresent(), what + ": R gives NA/NaN, ours " + ours);
        } else {
            assertTrue(ours.isPresent(), what + ": undefined, R gives " + reference);
            assertEquals(reference, ours.getAsDouble(), 1e-14 * scale, what);
        }
    }

    /** Random samples of the kinds HetQuant summarizes, and harder ones. */
    private static double[] randomValues(SplittableRandom random) {
        int n = random.nextInt(6) == 0 ? random.nextInt(3) : random.nextInt(1, 200);
        double[] x = new double[n];
        switch (random.nextInt(4)) {
            // Per-sample utilization: multiples of 100 / units.
            case 0 -> {
                int units = random.nextInt(1, 257);
                Arrays.setAll(x, i -> 100.0 * random.nextInt(units + 1) / units);
            }
            // Fold-level SDs or accuracies.
            case 1 -> Arrays.setAll(x, i -> random.nextDouble(0, 100));
            // A large offset with a small spread: cancellation in a naive one-pass variance.
            case 2 -> Arrays.setAll(x, i -> 1e6 + random.nextDouble());
            // All equal: SD exactly 0.
            default -> Arrays.fill(x, random.nextDouble(-10, 10));
        }
        return x;
    }

    private static double scale(double[] x) {
        return Arrays.stream(x).map(Math::abs).max().orElse(0) + 1;
    }

    @Test
    void everyStatisticEqualsRsOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(20250912);
        int singles = 0;
        int empties = 0;
        for (int c = 0; c < CASES; c++) {
            double[] x = randomValues(random);
            singles += x.length == 1 ? 1 : 0;
            empties += x.length == 0 ? 1 : 0;
            Summary s = Summary.of(x);
            String what = "case " + c + ", n = " + x.length;
            assertEquals(x.length, s.count(), what);
            assertEquals(0, s.undefined(), what);
            assertStatistic(referenceMean(x), s.mean(), scale(x), what + ", mean");
            assertStatistic(referenceSd(x, true), s.sd(), scale(x), what + ", sd");
            assertStatistic(referenceSd(x, false), s.populationSd(), scale(x), what + ", population sd");
        }
        assertTrue(singles > 50 && empties > 50, "the cases must include single values and empty sets");
    }

    @Test
    void meanOverFoldsLeavesUndefinedValuesOutOnRandomInputs() {
        SplittableRandom random = new SplittableRandom(7);
        for (int c = 0; c < CASES; c++) {
            // Per-fold SDs of folds of random sizes, some with a single sample (undefined).
            int folds = random.nextInt(1, 12);
            List<OptionalDouble> sds = new ArrayList<>();
            List<Double> defined = new ArrayList<>();
            for (int k = 0; k < folds; k++) {
                double[] fold = new double[random.nextInt(1, 5)];
                Arrays.setAll(fold, i -> 100.0 * random.nextInt(9) / 8);
                OptionalDouble sd = Summary.of(fold).sd();
                sds.add(sd);
                if (fold.length > 1) {
                    defined.add(referenceSd(fold, true));
                }
            }
            double[] reference = defined.stream().mapToDouble(Double::doubleValue).toArray();
            Summary overFolds = Summary.ofDefined(sds);
            String what = "case " + c;
            assertEquals(reference.length, overFolds.count(), what);
            assertEquals(folds - reference.length, overFolds.undefined(), what);
            // R: mean(sds, na.rm = TRUE) (NaN when every fold's SD is NA) and sd(sds, na.rm = TRUE).
            assertStatistic(referenceMean(reference), overFolds.mean(), 100, what + ", mean over folds");
            assertStatistic(referenceSd(reference, true), overFolds.sd(), 100, what + ", SD across folds");
        }
    }

    @Test
    void rsConventionsForTinySets() {
        Summary one = Summary.of(42.5);
        assertEquals(42.5, one.mean().getAsDouble(), 0.0);
        assertFalse(one.sd().isPresent(), "R: sd(42.5) is NA");
        assertEquals(0.0, one.populationSd().getAsDouble(), 0.0);
        Summary none = Summary.of();
        assertFalse(none.mean().isPresent(), "R: mean(numeric(0)) is NaN");
        assertFalse(none.sd().isPresent());
        assertFalse(none.populationSd().isPresent());
        Summary two = Summary.of(25, 50);
        assertEquals(37.5, two.mean().getAsDouble(), 0.0);
        assertEquals(Math.sqrt(312.5), two.sd().getAsDouble(), 1e-12);
    }

    @Test
    void undefinedIsWrittenAsUndefined() {
        assertEquals("undefined", Summary.text(OptionalDouble.empty(), 2));
        assertEquals("1.50", Summary.text(OptionalDouble.of(1.5), 2));
        assertEquals("2", Summary.text(OptionalDouble.of(1.5), 0));
        assertEquals("Summary[count=1, mean=3.000000, sd=undefined]", Summary.of(3).toString());
        assertEquals("Summary[count=1, undefined=2, mean=3.000000, sd=undefined]",
                Summary.ofDefined(List.of(OptionalDouble.of(3), OptionalDouble.empty(), OptionalDouble.empty()))
                        .toString());
    }

    @Override
    public Summary value() {
        return Summary.of(1, 2, 4);
    }

    @Override
    public Summary equalValue() {
        return Summary.ofDefined(List.of(OptionalDouble.of(1), OptionalDouble.of(2), OptionalDouble.of(4)));
    }

    @Override
    public List<Summary> differentValues() {
        return List.of(Summary.of(1, 2), Summary.of(1, 2, 5), Summary.of(1, 2, 4, 2.333333333333333),
                Summary.ofDefined(List.of(OptionalDouble.of(1), OptionalDouble.of(2), OptionalDouble.of(4),
                        OptionalDouble.empty())));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(new Invalid(() -> Summary.of(1, Double.NaN), "values[1] must be finite, got NaN"),
                new Invalid(() -> Summary.of(Double.POSITIVE_INFINITY), "values[0] must be finite, got Infinity"),
                new Invalid(() -> Summary.of((double[]) null), "values must not be null"),
                new Invalid(() -> Summary.ofDefined(null), "values must not be null"),
                new Invalid(() -> Summary.ofDefined(Arrays.asList(OptionalDouble.of(1), null)),
                        "values[1] must not be null"),
                new Invalid(() -> Summary.ofDefined(List.of(OptionalDouble.of(Double.NaN))),
                        "values[0] must be finite"),
                new Invalid(() -> Summary.text(OptionalDouble.of(1), -1), "decimals must be >= 0, got -1"));
    }

    @Test
    void utilizationIsTheFiringShareAndItsSummaryWithRsConventions() {
        SplittableRandom random = new SplittableRandom(3);
        for (int c = 0; c < CASES; c++) {
            int units = random.nextInt(1, 40);
            int samples = random.nextInt(1, 30);
            byte[] phases = new byte[samples * units];
            double[] reference = new double[samples];
            double[] ours = new double[samples];
            for (int s = 0; s < samples; s++) {
                int firing = 0;
                for (int u = 0; u < units; u++) {
                    phases[s * units + u] = (byte) (random.nextBoolean() ? 0 : random.nextInt(2, 18));
                    firing += phases[s * units + u] != 0 ? 1 : 0;
                }
                reference[s] = 100.0 * firing / units;
                ours[s] = Utilization.ofSample(phases, s * units, units);
                assertEquals(reference[s], ours[s], 0.0, "case " + c + ", sample " + s);
            }
            Summary summary = Utilization.summarize(ours);
            assertStatistic(referenceMean(reference), summary.mean(), 100, "case " + c + ", mean");
            assertStatistic(referenceSd(reference, true), summary.sd(), 100, "case " + c + ", sd");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Utilization.summarize(new double[] {0, 100.5}));
        assertTrue(e.getMessage().contains("perSample[1]: utilization must be in [0, 100] %, got 100.5"),
                e.getMessage());
    }
}
