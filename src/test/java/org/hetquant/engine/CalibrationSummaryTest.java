package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationSummaryTest {

    /** Row generators: continuous, on a coarse grid (many repeats), with missing values and zeros, drifting. */
    private static double[][] rows(int count, int features, int kind, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[count][features];
        for (int r = 0; r < count; r++) {
            double[] raw = new double[features];
            double sum = 0;
            for (int i = 0; i < features; i++) {
                double x = switch (kind) {
                    case 0 -> Math.pow(random.nextDouble(), 1 + i % 3) * (i + 1);
                    case 1 -> random.nextInt(6);
                    case 2 -> random.nextInt(5) == 0 ? 0 : random.nextDouble();
                    default -> random.nextDouble() * (1 + (double) r / count * (i % 2 == 0 ? 4 : -0.5));
                };
                raw[i] = x;
                sum += x;
            }
            for (int i = 0; i < features; i++) {
                rows[r][i] = sum > 0 ? raw[i] / sum : 0;
            }
            if (kind == 2 && random.nextInt(7) == 0) {
                rows[r][random.nextInt(features)] = Double.NaN;
            }
        }
        return rows;
    }

    private static CalibrationSummary summarize(double[][] rows, int from, int to, CalibrationParameters p,
                                                int exactLimit) {
        CalibrationSummary summary = CalibrationSummary.create(rows[0].length, p, exactLimit, 64);
        for (int r = from; r < to; r++) {
            summary.add(rows[r]);
        }
        return summary;
    }

    private static List<CalibrationParameters> parameterGrid() {
        List<CalibrationParameters> grid = new ArrayList<>();
        for (UpdateRule rule : UpdateRule.values()) {
            for (int n : new int[] {4, 8, 16}) {
                for (double s : new double[] {0.25, 0.5, 0.0}) {
                    grid.add(new CalibrationParameters(n, 25, 0.01, s, rule));
                }
            }
        }
        return grid;
    }

    @Test
    void exactModeEqualsTheBatchCalibratorAndTheOracle() {
        int cases = 0;
        for (CalibrationParameters p : parameterGrid()) {
            for (int kind = 0; kind < 4; kind++) {
                double[][] data = rows(150, 5, kind, 17 * kind + p.duplication());
                CalibrationSummary summary = summarize(data, 0, data.length, p, CalibrationSummary.DEFAULT_EXACT_LIMIT);
                assertTrue(summary.exact());
                double[][] oracle = CalibrationOracle.fitGains(data, p);
                assertArrayEquals(oracle, summary.gains().toArray(), p + " kind " + kind);
                assertArrayEquals(oracle, Calibrator.fitGains(data, p), p + " kind " + kind);
                assertEquals(data.length, summary.count());
                cases++;
            }
        }
        assertEquals(72, cases);
    }

    @Test
    void faithfulUsesTheRowsUpToTheLastNewExtreme() {
        CalibrationParameters faithful = new CalibrationParameters(8, 25, 0.01, 0.0, UpdateRule.FAITHFUL);
        double[][] extremes = {{0.1, 0.9}, {0.5, 0.5}, {0.9, 0.1}};
        double[][] all = {extremes[0], extremes[1], extremes[2], {0.3, 0.7}, {0.0, 0.6}, {0.6, 0.4}};
        assertArrayEquals(CalibrationOracle.fitGains(extremes, faithful.withUpdateRule(UpdateRule.FINAL)),
                summarize(all, 0, all.length, faithful, 100).gains().toArray());
    }

    @Test
    void mergingAnySplitInOrderEqualsOneSequentialSummary() {
        Random random = new Random(5);
        for (CalibrationParameters p : parameterGrid()) {
            for (int kind = 0; kind < 4; kind++) {
                double[][] data = rows(120, 4, kind, 31 * kind + p.duplication());
                double[][] expected = CalibrationOracle.fitGains(data, p);
                List<CalibrationSummary> parts = split(data, random, p, CalibrationSummary.DEFAULT_EXACT_LIMIT);
                // Left fold, right fold and a random tree: merge is associative.
                assertArrayEquals(expected, leftFold(copies(parts)).gains().toArray(), p + " left, kind " + kind);
                assertArrayEquals(expected, rightFold(copies(parts)).gains().toArray(), p + " right, kind " + kind);
                CalibrationSummary tree = randomTree(copies(parts), random);
                assertArrayEquals(expected, tree.gains().toArray(), p + " tree, kind " + kind);
                assertEquals(data.length, tree.count());
                if (p.updateRule() == UpdateRule.FINAL) {
                    List<CalibrationSummary> shuffled = copies(parts);
                    Collections.shuffle(shuffled, random);
                    assertArrayEquals(expected, randomTree(shuffled, random).gains().toArray(),
                            p + " shuffled, kind " + kind);
                }
            }
        }
    }

    @Test
    void faithfulMergeIsOrderDependentAsTheRuleIs() {
        CalibrationParameters faithful = new CalibrationParameters(8, 25, 0.01, 0.0, UpdateRule.FAITHFUL);
        double[][] a = {{0.1, 0.9}, {0.9, 0.1}};
        double[][] b = {{0.3, 0.7}, {0.6, 0.4}};
        CalibrationSummary ab = summarize(a, 0, 2, faithful, 100).merge(summarize(b, 0, 2, faithful, 100));
        CalibrationSummary ba = summarize(b, 0, 2, faithful, 100).merge(summarize(a, 0, 2, faithful, 100));
        // a then b: b sets no new extreme, so only a is used; b then a: a's extremes come last, all rows are used.
        assertArrayEquals(CalibrationOracle.fitGains(a, faithful), ab.gains().toArray());
        double[][] baRows = {b[0], b[1], a[0], a[1]};
        assertArrayEquals(CalibrationOracle.fitGains(baRows, faithful), ba.gains().toArray());
        assertNotEquals(ab.gains(), ba.gains());
    }

    @Test
    void mergeLeavesTheOtherUnchangedAndReturnsThis() {
        CalibrationParameters p = CalibrationParameters.of(8, 0.25).withUpdateRule(UpdateRule.FAITHFUL);
        double[][] data = rows(60, 3, 0, 3);
        CalibrationSummary left = summarize(data, 0, 30, p, 1000);
        CalibrationSummary right = summarize(data, 30, 60, p, 1000);
        ColumnGains rightBefore = right.gains();
        assertSame(left, left.merge(right));
        assertEquals(rightBefore, right.gains());
        right.add(data[0]);
        assertArrayEquals(CalibrationOracle.fitGains(data, p), left.gains().toArray());
        // A summary merged with itself is the concatenation of its rows with themselves.
        CalibrationSummary twice = summarize(data, 0, 30, p, 1000);
        twice.merge(twice);
        double[][] doubled = new double[60][];
        for (int r = 0; r < 60; r++) {
            doubled[r] = data[r % 30];
        }
        assertArrayEquals(CalibrationOracle.fitGains(doubled, p), twice.gains().toArray());
        assertEquals(60, twice.count());
    }

    @Test
    void serializedSummariesContinueAndMergeIdentically() {
        for (UpdateRule rule : UpdateRule.values()) {
            CalibrationParameters p = CalibrationParameters.of(16, 0.25).withUpdateRule(rule);
            double[][] data = rows(200, 6, 2, 11);
            CalibrationSummary first = roundTrip(summarize(data, 0, 90, p, 1000));
            CalibrationSummary second = summarize(data, 90, 150, p, 1000);
            for (int r = 150; r < 200; r++) {
                second.add(data[r]);
            }
            CalibrationSummary merged = roundTrip(roundTrip(first).merge(roundTrip(second)));
            assertArrayEquals(CalibrationOracle.fitGains(data, p), merged.gains().toArray(), rule.name());
            assertEquals(200, merged.count());
        }
    }

    @Test
    void featuresSwitchToTheSketchBeyondTheExactLimitAndStayClose() {
        CalibrationParameters p = CalibrationParameters.of(8, 0.25);
        double[][] data = rows(3000, 4, 0, 9);
        // Feature values are continuous: about 3000 distinct per feature.
        CalibrationSummary atLimit = summarize(data, 0, data.length, p, 3000);
        assertTrue(atLimit.exact());
        assertArrayEquals(CalibrationOracle.fitGains(data, p), atLimit.gains().toArray());
        // k = 1024 over 3000 values: the KLL sketch compacts, so its quantiles are approximate.
        CalibrationSummary sketched = CalibrationSummary.create(4, p, 500, 1024);
        for (double[] row : data) {
            sketched.add(row);
        }
        assertFalse(sketched.exact(0));
        assertFalse(sketched.exact());
        assertEquals(3000, sketched.count());
        double[][] exact = atLimit.gains().toArray();
        double[][] approximate = sketched.gains().toArray();
        // KLL is randomized: over 50 runs the mean relative gain error was 0.5 % and the largest 3.9 %.
        double mean = 0;
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 8; k++) {
                double relative = Math.abs(approximate[i][k] - exact[i][k]) / exact[i][k];
                assertTrue(relative < 0.1, "feature " + i + ", neuron " + k + ": " + relative);
                mean += relative / 32;
            }
        }
        assertTrue(mean < 0.02, "mean relative gain error " + mean);
        // Sketch summaries merge and serialize too.
        CalibrationSummary a = summarize(data, 0, 1500, p, 500);
        CalibrationSummary b = roundTrip(summarize(data, 1500, 3000, p, 500));
        a.merge(b);
        assertFalse(a.exact(2));
        assertEquals(3000, a.count());
        assertEquals(8, roundTrip(a).gains().duplication());
    }

    @Test
    void mergingExactSummariesSwitchesToTheSketchWhenTheUnionOverflows() {
        CalibrationParameters p = CalibrationParameters.of(8, 0.25);
        double[][] data = rows(400, 2, 0, 4);
        CalibrationSummary a = summarize(data, 0, 200, p, 300);
        CalibrationSummary b = summarize(data, 200, 400, p, 300);
        assertTrue(a.exact() && b.exact());
        assertFalse(a.merge(b).exact(0));
        // A sketched side makes the merged feature sketched.
        CalibrationSummary c = summarize(data, 0, 10, p, 300);
        assertFalse(c.merge(a).exact(1));
    }

    @Test
    void gridDataStaysExactWhateverTheRowCount() {
        CalibrationParameters p = CalibrationParameters.of(8, 0.25);
        double[][] data = rows(20_000, 3, 1, 8);
        CalibrationSummary summary = summarize(data, 0, data.length, p, 1000);
        assertTrue(summary.exact(), "integer readings 0..5 over 3 features have few distinct ratios");
        assertArrayEquals(CalibrationOracle.fitGains(data, p), summary.gains().toArray());
    }

    @Test
    void rejectsBadInputNamingRowAndFeature() {
        CalibrationParameters p = CalibrationParameters.of(4, 0.25);
        CalibrationSummary summary = CalibrationSummary.create(3, p);
        summary.add(new double[] {0.5, 0.5, 0});
        // The engine counts samples and features from 0; the Weka nodes restate them (row from 1, attribute).
        assertMessage(() -> summary.add(null), "sample 1");
        assertMessage(() -> summary.add(new double[] {0.5, 0.5}), "sample 1", "expected 3");
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> summary.add(new double[] {0.5, 0.5, 1.5}));
        assertEquals(1, e.row());
        assertEquals(2, e.feature());
        assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        assertMessage(() -> summary.add(new double[] {-0.1, 0.5, 0.5}), "sample 1, feature 0", "[0, 1]");
        assertMessage(() -> summary.add(new double[] {0, Double.NEGATIVE_INFINITY, 0}), "feature 1");
        assertEquals(1, summary.count(), "rejected rows are not counted");
        assertMessage(() -> CalibrationSummary.create(0, p), "features");
        assertMessage(() -> CalibrationSummary.create(2, null), "parameters");
        assertMessage(() -> CalibrationSummary.create(2, p, 0, 200), "exactLimit");
        assertMessage(() -> CalibrationSummary.create(2, p, 10, 7), "sketchK", "[8, 65535]");
        assertMessage(() -> summary.merge(CalibrationSummary.create(2, p)), "different shapes");
        assertMessage(() -> summary.merge(CalibrationSummary.create(3, p.withUpdateRule(UpdateRule.FAITHFUL))),
                "different shapes");
        assertMessage(() -> summary.merge(CalibrationSummary.create(3, p, 10, 64)), "different shapes");
        assertMessage(() -> summary.merge(null), "null");
        assertMessage(() -> summary.exact(3), "feature", "[0, 3)");
    }

    @Test
    void fittingWithoutRowsOrWithoutATriggerIsAnIllegalState() {
        CalibrationSummary empty = CalibrationSummary.create(2, CalibrationParameters.of(4, 0.25));
        IllegalStateException e = assertThrows(IllegalStateException.class, empty::gains);
        assertTrue(e.getMessage().contains("no calibration rows"), e.getMessage());
        CalibrationSummary silent = CalibrationSummary.create(2,
                CalibrationParameters.of(4, 0.25).withUpdateRule(UpdateRule.FAITHFUL));
        silent.add(new double[] {0, 0});
        silent.add(new double[] {Double.NaN, 0});
        assertThrows(IllegalStateException.class, silent::gains);
        // FINAL fits on zero rows: every value is L.
        CalibrationSummary zeros = CalibrationSummary.create(2, CalibrationParameters.of(4, 0.25));
        zeros.add(new double[] {0, 0});
        assertArrayEquals(CalibrationOracle.fitGains(new double[][] {{0, 0}}, CalibrationParameters.of(4, 0.25)),
                zeros.gains().toArray());
    }

    private static List<CalibrationSummary> split(double[][] data, Random random, CalibrationParameters p,
                                                  int exactLimit) {
        List<CalibrationSummary> parts = new ArrayList<>();
        int from = 0;
        while (from < data.length) {
            // Empty parts included: a partition may hold no rows.
            int to = Math.min(data.length, from + random.nextInt(40));
            parts.add(summarize(data, from, to, p, exactLimit));
            from = to;
        }
        return parts;
    }

    private static List<CalibrationSummary> copies(List<CalibrationSummary> parts) {
        return new ArrayList<>(parts.stream().map(CalibrationSummaryTest::roundTrip).toList());
    }

    private static CalibrationSummary leftFold(List<CalibrationSummary> parts) {
        CalibrationSummary result = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            result = result.merge(parts.get(i));
        }
        return result;
    }

    private static CalibrationSummary rightFold(List<CalibrationSummary> parts) {
        CalibrationSummary result = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) {
            result = parts.get(i).merge(result);
        }
        return result;
    }

    /** Merges neighbours chosen at random until one summary is left (order kept). */
    private static CalibrationSummary randomTree(List<CalibrationSummary> parts, Random random) {
        List<CalibrationSummary> list = new ArrayList<>(parts);
        while (list.size() > 1) {
            int i = random.nextInt(list.size() - 1);
            list.set(i, list.get(i).merge(list.get(i + 1)));
            list.remove(i + 1);
        }
        return list.get(0);
    }

    static CalibrationSummary roundTrip(CalibrationSummary summary) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(summary);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (CalibrationSummary) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
