package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ColumnEncoderTest {

    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);

    /** Uniform heterogeneous weights of docs/method.md §2(c): P / linspace(L, 1, n), ascending. */
    private static double[][] uniformGains(int features, int n) {
        return ColumnGains.dataBlind(features, ColumnGains.uniform(n, 25.0, 0.01)).toArray();
    }

    /** Different random ascending gains per feature, spanning the weights of docs/method.md §2(c)-(d). */
    private static double[][] randomGains(int features, int n, SplittableRandom random) {
        double[][] gains = new double[features][n];
        for (int f = 0; f < features; f++) {
            for (int k = 0; k < n; k++) {
                gains[f][k] = Math.exp(Math.log(5.0) + random.nextDouble() * Math.log(2000.0));
            }
            Arrays.sort(gains[f]);
        }
        return gains;
    }

    private static void assertMatchesTable(ColumnEncoder encoder, double[] v, byte[] out, String where) {
        double[][] gains = encoder.gains();
        int n = encoder.duplication();
        for (int f = 0; f < v.length; f++) {
            for (int k = 0; k < n; k++) {
                assertEquals(TABLE.phase(gains[f][k] * v[f]), out[f * n + k],
                        where + " feature " + f + " unit " + k + " v=" + v[f]);
            }
        }
    }

    @Test
    void uniformWeightsMatchTheSpec() {
        double[][] gains = uniformGains(1, 4);
        assertEquals(25.0, gains[0][0], 1e-12);
        assertEquals(37.31, gains[0][1], 0.005);
        assertEquals(73.53, gains[0][2], 0.005);
        assertEquals(2500.0, gains[0][3], 1e-9);
        ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
        // Thermometer code: v = 0.1 drives 2.5, 3.73, 7.35, 250 → silent, silent, phase 16, phase 2.
        assertArrayEquals(new byte[] {0, 0, 16, 2}, encoder.encode(new double[] {0.1}));
        assertArrayEquals(new byte[] {0, 0, 0, 0}, encoder.encode(new double[] {0.0}));
        // v = 1 drives 25, 37.3, 73.5, 2500 → phases 5, 3, 2, 2.
        assertArrayEquals(new byte[] {5, 3, 2, 2}, encoder.encode(new double[] {1.0}));
    }

    @Test
    void equalsTheTableOnRandomRows() {
        SplittableRandom random = new SplittableRandom(314);
        for (int n : new int[] {1, 4, 8, 16, 32}) {
            double[][][] gainSets = {uniformGains(8, n), randomGains(8, n, random)};
            for (double[][] gains : gainSets) {
                ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
                byte[] out = new byte[encoder.units()];
                for (int row = 0; row < 5000; row++) {
                    double[] v = new double[8];
                    for (int f = 0; f < 8; f++) {
                        // Mix of uniform values and small (log-uniform) ones near the thresholds.
                        v[f] = random.nextBoolean() ? random.nextDouble() : Math.exp(-8 * random.nextDouble());
                    }
                    encoder.encode(v, out);
                    assertMatchesTable(encoder, v, out, "n=" + n + " row " + row);
                }
            }
        }
    }

    /** Above n = 32 a pattern is stored only every B thresholds; the result must not change. */
    @Test
    void equalsTheTableForLargeColumnsWithCheckpoints() {
        SplittableRandom random = new SplittableRandom(1000);
        for (int n : new int[] {33, 100, 257, 1000}) {
            double[][][] gainSets = {uniformGains(3, n), randomGains(3, n, random),
                    ColumnGains.dataBlind(3, ColumnGains.homogeneous(n, 50)).toArray()};
            for (double[][] gains : gainSets) {
                ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
                byte[] out = new byte[encoder.units()];
                for (int row = 0; row < 100; row++) {
                    double[] v = new double[3];
                    for (int f = 0; f < 3; f++) {
                        v[f] = random.nextBoolean() ? random.nextDouble() : Math.exp(-8 * random.nextDouble());
                    }
                    encoder.encode(v, out);
                    for (int f = 0; f < 3; f++) {
                        for (int k = 0; k < n; k++) {
                            if (TABLE.phase(gains[f][k] * v[f]) != out[f * n + k]) {
                                assertMatchesTable(encoder, v, out, "n=" + n + " row " + row);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Issue 8 item 5: the lookup structures are O(n) per distinct gain column — (73·levels + 1)·n + 8 bytes at
     * most, 1.17 MB at n = 1000 — and features with the same gains share them: 16 features at n = 1000 took
     * 262 MB before.
     */
    @Test
    void memoryIsLinearInNAndSharedBetweenEqualColumns() {
        long perNeuronBound = 73L * TABLE.levels() + 1;
        for (int n : new int[] {4, 32, 33, 256, 1000}) {
            ColumnEncoder shared = new ColumnEncoder(uniformGains(16, n), TABLE);
            assertEquals(1, shared.distinctColumns());
            assertTrue(shared.tableBytes() <= perNeuronBound * n + 8,
                    "n=" + n + ": " + shared.tableBytes() + " bytes > " + (perNeuronBound * n + 8));
            ColumnEncoder distinct = new ColumnEncoder(randomGains(4, n, new SplittableRandom(n)), TABLE);
            assertEquals(4, distinct.distinctColumns());
            assertTrue(distinct.tableBytes() <= 4 * (perNeuronBound * n + 8), "n=" + n + ": " + distinct.tableBytes());
        }
        ColumnEncoder paper = new ColumnEncoder(uniformGains(16, 1000), TABLE);
        assertTrue(paper.tableBytes() < 1_000_000, paper.tableBytes() + " bytes for 16 features at n = 1000");
    }

    @Test
    void encodingThroughCodesAtOffsetsEqualsThePlainEncoding() {
        SplittableRandom random = new SplittableRandom(12);
        int[] silentCoded = PhaseEncoding.ASCENDING.lookup(TABLE).clone();
        silentCoded[0] = 5;
        int[] ascending = PhaseEncoding.ASCENDING.lookup(TABLE);
        // A shared column, three distinct ones, and (n = 40) patterns every 2 thresholds; the code tables alternate
        // between rows, so the coded patterns are replaced while in use.
        for (double[][] gains : List.of(uniformGains(3, 16), randomGains(3, 4, random), randomGains(3, 40, random))) {
            ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
            int n = encoder.duplication();
            for (int[] codes : List.of(ascending, silentCoded, ascending)) {
                int[] at = {1, 1 + n + 2, 1 + 2 * n + 3};
                double[] out = new double[at[2] + n + 1];
                for (int row = 0; row < 200; row++) {
                    double[] v = {random.nextDouble(), Double.NaN, random.nextDouble() * 0.1};
                    if (row % 2 == 0) {
                        v[1] = random.nextDouble();
                    }
                    if (row % 3 == 0) {
                        encoder.encode(v, row % 2 == 0 ? silentCoded : ascending, out, at);
                    }
                    Arrays.fill(out, -7.0);
                    int written = encoder.encode(v, codes, out, at);
                    byte[] phases = encoder.encode(v);
                    int nonZero = 0;
                    for (int f = 0; f < 3; f++) {
                        for (int k = 0; k < n; k++) {
                            assertEquals(codes[phases[f * n + k]], out[at[f] + k], 0.0);
                            nonZero += out[at[f] + k] != 0 ? 1 : 0;
                        }
                    }
                    assertEquals(nonZero, written, "the count of units written with a non-zero code");
                    assertEquals(-7.0, out[0], 0.0, "outside the features' places nothing is written");
                    assertEquals(-7.0, out[at[1] - 1], 0.0);
                }
            }
        }
    }

    @Test
    void equalsTheTableAtEveryInputThreshold() {
        SplittableRandom random = new SplittableRandom(7);
        double[][] gains = randomGains(4, 16, random);
        // The bucket index at its extremes: thresholds spread over hundreds of octaves (few buckets per octave,
        // crowded buckets) and all within one bucket-width (equal gains); and the sparse listing at every one.
        gains[2] = new double[] {1.0, 1e10, 1e100, 1e200, 1e250, 1e300, 1e300, 1e305, 1e307, 1e307, 1e307, 1e307,
            1e307, 1e307, 1e307, 1e307};
        Arrays.fill(gains[3], 50.0);
        ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
        int[] codes = PhaseEncoding.PAPER.lookup(TABLE);
        double[] listedValues = new double[encoder.units()];
        int[] listedIndices = new int[encoder.units()];
        double[] bounds = TABLE.lowerBounds();
        int tested = 0;
        for (int f = 0; f < 4; f++) {
            for (double g : gains[f]) {
                for (double bound : bounds) {
                    double naive = bound / g;
                    double exact = ColumnEncoder.inputThreshold(bound, g);
                    for (double x : new double[] {naive, Math.nextDown(naive), Math.nextUp(naive),
                            exact, Math.nextDown(exact), Math.nextUp(exact)}) {
                        if (x < 0 || x > 1) {
                            continue;
                        }
                        double[] v = new double[4];
                        Arrays.fill(v, Double.NaN);
                        v[f] = x;
                        byte[] phases = encoder.encode(v);
                        assertMatchesTable(encoder, v, phases, "threshold of bound " + bound + ", g " + g);
                        int listed = encoder.encodeNonZero(v, codes, new int[] {0, 16, 32, 48}, listedValues,
                                listedIndices);
                        int firing = 0;
                        for (int u = 0; u < phases.length; u++) {
                            if (phases[u] != 0) {
                                assertEquals(u, listedIndices[firing]);
                                assertEquals(phases[u], listedValues[firing], 0.0);
                                firing++;
                            }
                        }
                        assertEquals(firing, listed, "threshold of bound " + bound + ", g " + g);
                        tested++;
                    }
                    assertTrue(g * exact >= bound && g * Math.nextDown(exact) < bound);
                }
            }
        }
        assertTrue(tested > 1000);
    }

    @Test
    void naiveDivisionIsNotAlwaysTheExactThreshold() {
        // Why the encoder steps ulps: for some (bound, gain) pairs "bound/g <= x" disagrees with
        // "bound <= g*x". Count such pairs over the default bounds and many gains.
        SplittableRandom random = new SplittableRandom(11);
        int differing = 0;
        for (int i = 0; i < 20000; i++) {
            double g = 5.0 + random.nextDouble() * 2000.0;
            for (double bound : TABLE.lowerBounds()) {
                if (ColumnEncoder.inputThreshold(bound, g) != bound / g) {
                    differing++;
                }
            }
        }
        assertTrue(differing > 0);
    }

    @Test
    void equalsTheSimulatorOnRandomRows() {
        SplittableRandom random = new SplittableRandom(42);
        PhaseSimulator simulator = new PhaseSimulator(NeuronParameters.DEFAULT);
        double[][] gains = randomGains(8, 8, random);
        ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
        for (int row = 0; row < 100; row++) {
            double[] v = new double[8];
            for (int f = 0; f < 8; f++) {
                v[f] = random.nextDouble() * random.nextDouble();
            }
            byte[] out = encoder.encode(v);
            for (int f = 0; f < 8; f++) {
                for (int k = 0; k < 8; k++) {
                    assertEquals(simulator.phase(gains[f][k] * v[f]), out[f * 8 + k]);
                }
            }
        }
    }

    @Test
    void otherParameterSetsWork() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(-10.0));
        SplittableRandom random = new SplittableRandom(5);
        double[][] gains = randomGains(3, 8, random);
        ColumnEncoder encoder = new ColumnEncoder(gains, table);
        for (int row = 0; row < 2000; row++) {
            double[] v = {random.nextDouble(), random.nextDouble() * 0.05, random.nextDouble() * 0.3};
            byte[] out = encoder.encode(v);
            for (int f = 0; f < 3; f++) {
                for (int k = 0; k < 8; k++) {
                    assertEquals(table.phase(gains[f][k] * v[f]), out[f * 8 + k]);
                }
            }
        }
    }

    @Test
    void nanSilencesItsColumnOnly() {
        ColumnEncoder encoder = new ColumnEncoder(uniformGains(3, 4), TABLE);
        byte[] out = encoder.encode(new double[] {0.5, Double.NaN, 0.5});
        assertArrayEquals(new byte[] {0, 0, 0, 0}, Arrays.copyOfRange(out, 4, 8));
        assertArrayEquals(Arrays.copyOfRange(out, 0, 4), Arrays.copyOfRange(out, 8, 12));
        assertTrue(out[3] != 0);
    }

    /** −0.0 is 0 (every unit silent), in each encoding path, and 0 and 1 are accepted beside it. */
    @Test
    void negativeZeroIsZero() {
        ColumnEncoder encoder = new ColumnEncoder(uniformGains(3, 4), TABLE);
        double[] v = {-0.0, 1.0, 0.0};
        byte[] phases = encoder.encode(v);
        assertArrayEquals(new byte[4], Arrays.copyOfRange(phases, 0, 4));
        assertArrayEquals(Arrays.copyOfRange(phases, 0, 4), Arrays.copyOfRange(phases, 8, 12));
        assertTrue(phases[7] != 0);
        int[] codes = PhaseEncoding.PAPER.lookup(TABLE);
        double[] out = new double[12];
        assertEquals(4, encoder.encode(v, codes, out, new int[] {0, 4, 8}));
        double[] values = new double[12];
        int[] indices = new int[12];
        assertEquals(4, encoder.encodeNonZero(v, codes, new int[] {0, 4, 8}, values, indices));
        assertEquals(4, indices[0]);
    }

    @Test
    void bulkMethodsEqualRowByRow() {
        SplittableRandom random = new SplittableRandom(3);
        ColumnEncoder encoder = new ColumnEncoder(randomGains(5, 4, random), TABLE);
        int rows = 50;
        int stride = 7;
        double[][] matrix = new double[rows][5];
        double[] flat = new double[2 + rows * stride];
        byte[] expected = new byte[rows * encoder.units()];
        for (int r = 0; r < rows; r++) {
            for (int f = 0; f < 5; f++) {
                matrix[r][f] = random.nextDouble() * 0.4;
                flat[2 + r * stride + f] = matrix[r][f];
            }
            flat[2 + r * stride + 5] = 99.0; // Not a feature: must be skipped by the stride.
            System.arraycopy(encoder.encode(matrix[r]), 0, expected, r * encoder.units(), encoder.units());
        }
        byte[] fromMatrix = new byte[expected.length];
        encoder.encodeRows(matrix, fromMatrix);
        assertArrayEquals(expected, fromMatrix);
        byte[] fromFlat = new byte[expected.length + 3];
        encoder.encodeRows(flat, 2, stride, rows, fromFlat, 3);
        assertArrayEquals(expected, Arrays.copyOfRange(fromFlat, 3, fromFlat.length));
    }

    /**
     * The sparse listing holds exactly the units whose code is not 0, with the dense encoding's codes: for every
     * encoding and a code table that silences some firing phases, for n = 1, 2, 3, 16 and 100, and for equal gains
     * (a homogeneous column, whose units cross their thresholds together, unit 0 first).
     */
    @Test
    void encodeNonZeroListsTheNonSilentUnitsOfEncode() {
        SplittableRandom random = new SplittableRandom(4);
        List<int[]> codeTables = new ArrayList<>();
        for (PhaseEncoding encoding : PhaseEncoding.values()) {
            codeTables.add(encoding.lookup(TABLE));
        }
        int[] gaps = PhaseEncoding.PAPER.lookup(TABLE);
        for (int p = 0; p < gaps.length; p += 3) {
            gaps[p] = 0;
        }
        codeTables.add(gaps);
        for (int[] codes : codeTables) {
            String encoding = Arrays.toString(codes);
            // n = 100 stores a pattern every 4 thresholds: the listing then applies the changes in between.
            for (double[][] gains : new double[][][] {uniformGains(6, 16), randomGains(6, 3, random),
                randomGains(6, 100, random), uniformGains(6, 1), uniformGains(6, 2),
                ColumnGains.dataBlind(6, ColumnGains.homogeneous(4, 60.0)).toArray()}) {
                ColumnEncoder encoder = new ColumnEncoder(gains, TABLE);
                int n = encoder.duplication();
                int[] at = {0, n + 1, 2 * n + 5, 3 * n + 5, 4 * n + 9, 5 * n + 9};
                double[] values = new double[encoder.units()];
                int[] indices = new int[encoder.units()];
                for (int r = 0; r < 200; r++) {
                    double[] v = new double[6];
                    for (int f = 0; f < 6; f++) {
                        v[f] = r % 7 == f ? Double.NaN : random.nextDouble() * (r % 2 == 0 ? 0.05 : 1.0);
                    }
                    byte[] phases = encoder.encode(v);
                    int listed = encoder.encodeNonZero(v, codes, at, values, indices);
                    int expected = 0;
                    for (int f = 0; f < 6; f++) {
                        for (int k = 0; k < n; k++) {
                            int code = codes[phases[f * n + k]];
                            if (code != 0) {
                                String where = encoding + " row " + r + " feature " + f + " unit " + k;
                                assertEquals(at[f] + k, indices[expected], where);
                                assertEquals(code, values[expected], 0.0, where);
                                expected++;
                            }
                        }
                    }
                    assertEquals(expected, listed, encoding + " row " + r);
                }
            }
        }
    }

    @Test
    void tinyGainsLeaveEveryUnitSilent() {
        ColumnEncoder encoder = new ColumnEncoder(new double[][] {{1.0, 2.0}}, TABLE);
        assertArrayEquals(new byte[] {0, 0}, encoder.encode(new double[] {1.0}));
    }

    @Test
    void serializationRoundTrips() throws Exception {
        ColumnEncoder encoder = new ColumnEncoder(uniformGains(2, 8), TABLE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(encoder);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ColumnEncoder copy = (ColumnEncoder) in.readObject();
            double[] v = {0.03, 0.2};
            assertArrayEquals(encoder.encode(v), copy.encode(v));
        }
    }

    @Test
    void invalidInputNamesTheProblem() {
        expect("table must not be null", () -> new ColumnEncoder(uniformGains(1, 4), null));
        expect("gains must have at least one feature", () -> new ColumnEncoder(new double[0][], TABLE));
        expect("gains[0] must hold at least one unit", () -> new ColumnEncoder(new double[][] {{}}, TABLE));
        expect("gains[1] must have length n = 2",
                () -> new ColumnEncoder(new double[][] {{1, 2}, {1, 2, 3}}, TABLE));
        expect("gains[0][1] must be finite and > 0", () -> new ColumnEncoder(new double[][] {{1, 0}}, TABLE));
        expect("gains[0][0] must be finite and > 0",
                () -> new ColumnEncoder(new double[][] {{Double.NaN, 1}}, TABLE));
        expect("gains[0] must be ascending", () -> new ColumnEncoder(new double[][] {{2, 1}}, TABLE));
        ColumnEncoder encoder = new ColumnEncoder(uniformGains(2, 4), TABLE);
        expect("v must have length features = 2", () -> encoder.encode(new double[3]));
        expect("out must have room for 8 phases", () -> encoder.encode(new double[2], new byte[7]));
        expect("row 0, feature 1: normalized value must be in [0, 1] or NaN, got 1.5",
                () -> encoder.encode(new double[] {0.5, 1.5}));
        expect("row 1, feature 0: normalized value must be in [0, 1] or NaN, got -0.1",
                () -> encoder.encodeRows(new double[][] {{0, 0}, {-0.1, 0}}, new byte[16]));
        expect("row 1 must have length features = 2",
                () -> encoder.encodeRows(new double[][] {{0, 0}, {0}}, new byte[16]));
        expect("stride must be >= features = 2", () -> encoder.encodeRows(new double[4], 0, 1, 2, new byte[16], 0));
        expect("values must hold rowCount = 3 rows of stride 2",
                () -> encoder.encodeRows(new double[4], 0, 2, 3, new byte[24], 0));
        expect("row 0, feature 0: normalized value must be in [0, 1] or NaN, got Infinity",
                () -> encoder.encode(new double[] {Double.POSITIVE_INFINITY, 0}));
    }

    private static void expect(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(message), () -> "message '" + e.getMessage() + "' lacks '" + message + "'");
    }
}
