package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest implements SerializableValueTypeContract<Normalization> {

    @Override
    public Normalization value() {
        return Normalization.withShift(-2.0);
    }

    @Override
    public Normalization equalValue() {
        return Normalization.fit(new double[][] {{1, -2}, {3, 0}}, NegativePolicy.SHIFT);
    }

    @Override
    public List<Normalization> differentValues() {
        // A non-negative minimum shifts by 0 but keeps the shift (and its clamping) on: not the same as no shift.
        return List.of(Normalization.withoutShift(), Normalization.withShift(-3.0), Normalization.withShift(5.0),
                Normalization.clipping(), Normalization.withFeatureOffsets(new double[] {-2.0, 0.0}),
                Normalization.withFeatureOffsets(new double[] {-2.0}));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(new Invalid(() -> Normalization.withShift(Double.NaN), "globalMinimum", "finite"),
                new Invalid(() -> Normalization.withShift(Double.NEGATIVE_INFINITY), "globalMinimum", "finite"),
                new Invalid(() -> Normalization.fit(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}}, NegativePolicy.SHIFT),
                        "row 1, feature 0", "finite"),
                new Invalid(() -> Normalization.fit(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}},
                        NegativePolicy.OFFSET), "row 1, feature 0", "finite"),
                new Invalid(() -> Normalization.withFeatureOffsets(new double[] {0, Double.NEGATIVE_INFINITY}),
                        "feature 1", "finite"));
    }

    @Test
    void exactL1() {
        double[] out = new double[3];
        assertEquals(0, Normalization.withoutShift().apply(new double[] {1, 3, 4}, out, 0));
        assertArrayEquals(new double[] {0.125, 0.375, 0.5}, out, 0.0);
    }

    @Test
    void zeroSumRowGivesZeros() {
        double[] out = new double[3];
        Normalization.withoutShift().apply(new double[] {0, 0, 0}, out, 0);
        assertArrayEquals(new double[] {0, 0, 0}, out, 0.0);
    }

    @Test
    void missingFeatureStaysMissingAndIsLeftOutOfTheSum() {
        double[] out = new double[3];
        Normalization.withoutShift().apply(new double[] {1, Double.NaN, 3}, out, 0);
        assertEquals(0.25, out[0], 0.0);
        assertTrue(Double.isNaN(out[1]));
        assertEquals(0.75, out[2], 0.0);
    }

    @Test
    void shiftSubtractsTheNegativeGlobalMinimum() {
        Normalization n = Normalization.fit(new double[][] {{-1, 2}, {0, 3}}, NegativePolicy.SHIFT);
        assertEquals(-1.0, n.offset(), 0.0);
        double[] out = new double[2];
        assertEquals(0, n.apply(new double[] {-1, 2}, out, 0));
        assertArrayEquals(new double[] {0.0, 1.0}, out, 0.0); // (0, 3) / 3
        assertEquals(0, n.apply(new double[] {1, 1}, out, 1));
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0); // (2, 2) / 4
    }

    @Test
    void positiveMinimumDoesNotShift() {
        Normalization n = Normalization.fit(new double[][] {{0.5, 2}, {1, 3}}, NegativePolicy.SHIFT);
        assertEquals(0.0, n.offset(), 0.0);
        double[] out = new double[2];
        n.apply(new double[] {1, 3}, out, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, out, 0.0);
    }

    @Test
    void valuesStillNegativeAfterTheShiftAreClampedAndCounted() {
        Normalization n = Normalization.withShift(-1.0);
        double[] out = new double[3];
        assertEquals(2, n.apply(new double[] {-3, -2, 1}, out, 7));
        assertArrayEquals(new double[] {0, 0, 1}, out, 0.0);
    }

    @Test
    void negativeWithoutShiftNamesFeatureAndRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.withoutShift().apply(new double[] {1, -0.5}, new double[2], 42));
        assertTrue(e.getMessage().contains("feature 1"), e.getMessage());
        assertTrue(e.getMessage().contains("row 42"), e.getMessage());
    }

    @Test
    void infinityIsAnErrorNamingFeatureAndRow() {
        for (Normalization n : new Normalization[] {Normalization.withoutShift(), Normalization.withShift(-1)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> n.apply(new double[] {Double.NEGATIVE_INFINITY, 1}, new double[2], 3));
            assertTrue(e.getMessage().contains("feature 0") && e.getMessage().contains("row 3"), e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.fit(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}, NegativePolicy.SHIFT));
        assertTrue(e.getMessage().contains("feature 1") && e.getMessage().contains("row 1"), e.getMessage());
    }

    @Test
    void inPlaceApplicationWorks() {
        double[] row = {2, 6};
        Normalization.withoutShift().apply(row, row, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, row, 0.0);
    }

    @Test
    void hugeFiniteRowsGiveTheirExactSharesNotZeros() {
        // Issue 8's examples: the plain sum overflows to Infinity and every share became 0.
        Normalization l1 = Normalization.withoutShift();
        double[] out = new double[2];
        l1.apply(new double[] {1e308, 1e308}, out, 0);
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0);
        l1.apply(new double[] {1.5e308, 0.5e308}, out, 1);
        assertArrayEquals(new double[] {0.75, 0.25}, out, 0.0);
        l1.apply(new double[] {1, 3}, out, 2);
        assertArrayEquals(new double[] {0.25, 0.75}, out, 0.0);
        l1.apply(new double[] {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE}, new double[4], 3);
    }

    @Test
    void aShiftThatWouldOverflowIsComputedAtHalfScaleAndNeverInventsAMissingValue() {
        // -1e308 and 1e308 in the fitting data: x - offset = 2e308 overflows; before the fix Inf/Inf gave NaN.
        Normalization n = Normalization.fit(new double[][] {{-1e308, 1e308}, {1, 3}}, NegativePolicy.SHIFT);
        assertEquals(-1e308, n.offset(), 0.0);
        double[] out = new double[2];
        n.apply(new double[] {-1e308, 1e308}, out, 0);
        assertArrayEquals(new double[] {0.0, 1.0}, out, 0.0);
        n.apply(new double[] {1e308, 1e308}, out, 1);
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0);
        n.apply(new double[] {Double.MAX_VALUE, 0}, out, 2);
        assertEquals(1.0, out[0] + out[1], 1e-15);
        assertTrue(out[0] > out[1] && !Double.isNaN(out[0]) && !Double.isNaN(out[1]));
    }

    @Test
    void denormalsAndNegativeZero() {
        double[] out = new double[2];
        Normalization.withoutShift().apply(new double[] {Double.MIN_VALUE, 0}, out, 0);
        assertArrayEquals(new double[] {1.0, 0.0}, out, 0.0);
        Normalization.withoutShift().apply(new double[] {Double.MIN_VALUE, Double.MIN_VALUE}, out, 0);
        assertArrayEquals(new double[] {0.5, 0.5}, out, 0.0);
        Normalization.withoutShift().apply(new double[] {Double.MIN_VALUE, 3 * Double.MIN_VALUE}, out, 0);
        assertArrayEquals(new double[] {0.25, 0.75}, out, 0.0);
        // -0.0 is not negative (no error without the shift) and comes out as +0.0.
        Normalization.withoutShift().apply(new double[] {-0.0, 2}, out, 0);
        assertEquals(0L, Double.doubleToRawLongBits(out[0]));
        assertEquals(1.0, out[1], 0.0);
        Normalization.withoutShift().apply(new double[] {-0.0, -0.0}, out, 0);
        assertEquals(0L, Double.doubleToRawLongBits(out[0]));
        assertEquals(0L, Double.doubleToRawLongBits(out[1]));
    }

    @Test
    void errorsAreInvalidValueExceptionsWithTheirLocation() {
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> Normalization.withoutShift().apply(new double[] {1, -0.5}, new double[2], 42));
        assertEquals(42, e.row());
        assertEquals(1, e.feature());
        assertEquals(-0.5, e.value(), 0.0);
        assertEquals(InvalidValueException.Problem.NEGATIVE, e.problem());
        assertEquals("-0.5 is negative; L1 normalization needs values >= 0", e.problemText());
        InvalidValueException inf = assertThrows(InvalidValueException.class,
                () -> Normalization.withShift(-1).apply(new double[] {1, Double.POSITIVE_INFINITY}, new double[2], 0));
        assertEquals(InvalidValueException.Problem.NOT_FINITE, inf.problem());
    }

    /**
     * Property: over random rows whose magnitudes span the whole double range (10^-323 … 1.8·10^308, denormals
     * included), with and without the shift, every non-missing share is within (F + 2) ulps of the exact value
     * (integer arithmetic in units of 2^-1074), finite and in [0, 1]; missing stays missing and nothing else becomes missing; the shares sum
     * to 1; and rows that neither overflow nor underflow give bit for bit x / sum(x).
     */
    @Test
    void randomMagnitudesGiveTheExactSharesWithinAFewUlps() {
        SplittableRandom random = new SplittableRandom(8);
        int rows = 20_000;
        int plainRows = 0;
        for (int r = 0; r < rows; r++) {
            int features = 1 + random.nextInt(6);
            boolean shift = random.nextBoolean();
            double[] x = new double[features];
            for (int i = 0; i < features; i++) {
                x[i] = random.nextInt(12) == 0 ? Double.NaN : randomMagnitude(random) * (shift && random.nextBoolean() ? -1 : 1);
            }
            double offset = 0.0;
            if (shift) {
                for (double v : x) {
                    offset = v < offset ? v : offset;
                }
            }
            Normalization n = shift ? Normalization.withShift(offset) : Normalization.withoutShift();
            double[] out = new double[features];
            assertEquals(0, n.apply(x, out, r), "nothing is below the row's own minimum");
            BigInteger[] d = new BigInteger[features];
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < features; i++) {
                if (!Double.isNaN(x[i])) {
                    d[i] = exact(x[i]).subtract(exact(offset));
                    sum = sum.add(d[i]);
                }
            }
            double total = 0;
            for (int i = 0; i < features; i++) {
                int row = r;
                int feature = i;
                double shiftedBy = offset;
                java.util.function.Supplier<String> where = () -> "row " + row + " " + java.util.Arrays.toString(x)
                        + " offset " + shiftedBy + ", feature " + feature + ": " + out[feature];
                if (Double.isNaN(x[i])) {
                    assertTrue(Double.isNaN(out[i]), where);
                    continue;
                }
                assertTrue(out[i] >= 0 && out[i] <= 1, where);
                double exact = share(d[i], sum);
                double tolerance = Math.max((features + 2) * Math.ulp(exact), 4 * Double.MIN_VALUE);
                assertEquals(exact, out[i], tolerance, where);
                total += out[i];
            }
            if (sum.signum() != 0) {
                if (Math.abs(total - 1.0) > (features + 2) * Math.ulp(1.0)) {
                    assertEquals(1.0, total, (features + 2) * Math.ulp(1.0), "row " + r);
                }
            }
            if (!shift && isPlain(x)) {
                plainRows++;
                double plainSum = 0;
                for (double v : x) {
                    plainSum += Double.isNaN(v) ? 0 : v;
                }
                for (int i = 0; i < features; i++) {
                    if (!Double.isNaN(x[i])) {
                        if (x[i] / plainSum != out[i]) {
                            assertEquals(x[i] / plainSum, out[i], 0.0, "bit for bit on row " + r);
                        }
                    }
                }
            }
        }
        assertTrue(plainRows > 1000, "too few plain rows: " + plainRows);
    }

    /** A double as an exact integer multiple of 2^-1074 (the smallest denormal). */
    private static BigInteger exact(double x) {
        long bits = Double.doubleToRawLongBits(Math.abs(x));
        int exponent = (int) (bits >>> 52);
        long mantissa = bits & ((1L << 52) - 1);
        BigInteger units = exponent == 0 ? BigInteger.valueOf(mantissa)
                : BigInteger.valueOf(mantissa | (1L << 52)).shiftLeft(exponent - 1);
        return x < 0 ? units.negate() : units;
    }

    /** part / whole as the nearest double (to well under an ulp), 0 for a zero whole. */
    private static double share(BigInteger part, BigInteger whole) {
        if (whole.signum() == 0) {
            return 0.0;
        }
        int k = Math.max(0, whole.bitLength() - part.bitLength() + 80);
        return Math.scalb(part.shiftLeft(k).divide(whole).doubleValue(), -k);
    }

    /** 10^e with e uniform in [-323, 308.25], or 0 one time in 20. */
    private static double randomMagnitude(SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return 0.0;
        }
        return Math.min(Double.MAX_VALUE, Math.pow(10, -323 + random.nextDouble() * 631.25));
    }

    /** Whether the plain formula x / sum(x) neither overflows nor produces a share below the normal range. */
    private static boolean isPlain(double[] x) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double v : x) {
            if (!Double.isNaN(v) && v > 0) {
                sum += v;
                min = Math.min(min, v);
            }
        }
        return sum > 0 && Double.isFinite(sum) && min / sum >= Double.MIN_NORMAL && min >= Double.MIN_NORMAL;
    }

    /**
     * Under every policy, on sensor-like rows (negative baselines, zeros, missing values), each share is bit for bit
     * d_i / (d_1 + … + d_F), summed in feature order, with d_i = x_i minus its offset, or 0 (clamped and counted)
     * below it; a row with no positive d gives zeros.
     */
    @Test
    void everyPolicyGivesTheLiteralSharesBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (NegativePolicy policy : NegativePolicy.values()) {
            for (int trial = 0; trial < 200; trial++) {
                int features = 1 + random.nextInt(40);
                boolean negatives = policy != NegativePolicy.ERROR;
                double[][] rows = new double[30][features];
                for (double[] row : rows) {
                    for (int i = 0; i < features; i++) {
                        int kind = random.nextInt(20);
                        row[i] = kind == 0 ? Double.NaN : kind == 1 ? 0.0
                                : Math.scalb(random.nextDouble(), random.nextInt(60) - 30)
                                        * (negatives && kind < 6 ? -1 : 1);
                    }
                }
                // Fitted on the first half: the second half may fall below the learned offsets.
                Normalization n = Normalization.fit(Arrays.copyOf(rows, 15), policy);
                double[] offsets = new double[features];
                for (int i = 0; i < features; i++) {
                    offsets[i] = policy == NegativePolicy.OFFSET ? n.featureOffsets()[i] : n.offset();
                }
                for (int r = 0; r < rows.length; r++) {
                    double[] x = rows[r];
                    double[] d = new double[features];
                    int clamped = 0;
                    double sum = 0.0;
                    for (int i = 0; i < features; i++) {
                        if (Double.isNaN(x[i])) {
                            d[i] = Double.NaN;
                            continue;
                        }
                        clamped += x[i] < offsets[i] ? 1 : 0;
                        d[i] = x[i] < offsets[i] ? 0.0 : x[i] - offsets[i] + 0.0;
                        sum += d[i];
                    }
                    double[] out = new double[features];
                    String where = policy + " trial " + trial + " row " + r;
                    assertEquals(clamped, n.apply(x, out, r), where);
                    for (int i = 0; i < features; i++) {
                        double expected = Double.isNaN(d[i]) ? Double.NaN : sum == 0.0 ? 0.0 : d[i] / sum;
                        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(out[i]),
                                where + " feature " + i + ": " + expected + " against " + out[i]);
                    }
                }
            }
        }
    }

    @Test
    void clipSetsNegativesToZeroCountsThemAndLearnsNothing() {
        Normalization n = Normalization.fit(new double[][] {{-5, 1}}, NegativePolicy.CLIP);
        assertEquals(Normalization.clipping(), n);
        assertEquals(NegativePolicy.CLIP, n.policy());
        double[] out = new double[3];
        assertEquals(1, n.apply(new double[] {-2, 1, 3}, out, 0));
        assertArrayEquals(new double[] {0, 0.25, 0.75}, out, 0.0);
        // Scale-free: a row times 10 normalizes to the same values.
        double[] scaled = new double[3];
        n.apply(new double[] {-20, 10, 30}, scaled, 1);
        assertArrayEquals(out, scaled, 1e-15);
    }

    @Test
    void offsetSubtractsEachFeaturesOwnNegativeMinimum() {
        Normalization n = Normalization.fit(new double[][] {{-2, 1, 5}, {0, 3, Double.NaN}, {4, -1, 6}},
                NegativePolicy.OFFSET);
        assertArrayEquals(new double[] {-2, -1, 0}, n.featureOffsets(), 0.0);
        assertEquals("L1 normalization after per-feature shifts by 2.0 1.0 0.0", n.toString());
        double[] out = new double[3];
        // (0 + 2, 1 + 1, 1 - 0) = (2, 2, 1) / 5
        assertEquals(0, n.apply(new double[] {0, 1, 1}, out, 0));
        assertArrayEquals(new double[] {0.4, 0.4, 0.2}, out, 1e-15);
        // Below a learned minimum: clipped and counted.
        assertEquals(1, n.apply(new double[] {-3, 0, 2}, out, 1));
        assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3}, out, 1e-15);
    }

    @Test
    void offsetNearTheLargestDoubleIsComputedAtHalfScale() {
        Normalization n = Normalization.withFeatureOffsets(new double[] {-1e308, 0});
        double[] out = new double[2];
        n.apply(new double[] {1e308, 1e308}, out, 0);
        // (2e308, 1e308) in exact arithmetic: shares 2/3 and 1/3.
        assertEquals(2.0 / 3, out[0], 1e-15);
        assertEquals(1.0 / 3, out[1], 1e-15);
    }

    @Test
    void offsetRejectsARowOfAnotherWidthAndAnAllMissingFeatureIsNotShifted() {
        Normalization n = Normalization.fit(new double[][] {{-1, Double.NaN}}, NegativePolicy.OFFSET);
        assertArrayEquals(new double[] {-1, 0}, n.featureOffsets(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> n.apply(new double[] {1, 2, 3}, new double[3], 4));
        assertTrue(e.getMessage().contains("row 4") && e.getMessage().contains("3 features"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.fit(new double[][] {{1, 2}, {3}}, NegativePolicy.OFFSET));
        assertTrue(e.getMessage().contains("row 1 has 1 features"), e.getMessage());
    }

    @Test
    void errorPolicyFitsToThePlainNormalizationAndOnlyOffsetAndShiftLearn() {
        assertEquals(Normalization.withoutShift(), Normalization.fit(new double[][] {{-1, 2}}, NegativePolicy.ERROR));
        assertEquals(NegativePolicy.ERROR, Normalization.withoutShift().policy());
        assertTrue(NegativePolicy.OFFSET.fits() && NegativePolicy.SHIFT.fits());
        assertTrue(!NegativePolicy.CLIP.fits() && !NegativePolicy.ERROR.fits());
    }
}
