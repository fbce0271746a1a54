package org.hetquant.realdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SplitTest {

    private static List<GasDrift.Sample> samples;

    @BeforeAll
    static void read() throws IOException {
        samples = GasDrift.read(Path.of("data", "gas-drift"));
    }

    private static GasDrift.Sample at(int i) {
        return samples.get(i);
    }

    @Test
    void sixConcentrationSplitsInBothDirectionsAndTheDriftSplit() {
        List<Split> splits = Split.all(samples);
        assertEquals(7, splits.size());
        assertEquals(6, splits.stream().filter(Split::concentration).count());
        for (int k = 0; k < 6; k += 2) {
            // high→low is low→high reversed.
            assertTrue(Arrays.equals(splits.get(k).train(), splits.get(k + 1).test()));
            assertTrue(Arrays.equals(splits.get(k).test(), splits.get(k + 1).train()));
        }
        Split drift = splits.get(6);
        assertTrue(Arrays.stream(drift.train()).allMatch(i -> at(i).batch() == 1));
        assertEquals(445, drift.train().length);
        assertEquals(1244, drift.test().length);
    }

    @Test
    void everyGasIsCutAtItsOwnMedianConcentration() {
        int[][] halves = Split.halves(samples, i -> at(i).batch() == 1);
        assertEquals(445, halves[0].length + halves[1].length, "batch 1: every gas has several concentrations");
        for (int gas = 0; gas < GasDrift.GASES.size(); gas++) {
            int g = gas;
            double maxLow = Arrays.stream(halves[0]).filter(i -> at(i).gas() == g)
                    .mapToDouble(i -> at(i).concentration()).max().orElseThrow();
            double minHigh = Arrays.stream(halves[1]).filter(i -> at(i).gas() == g)
                    .mapToDouble(i -> at(i).concentration()).min().orElseThrow();
            assertTrue(maxLow < minHigh, GasDrift.GASES.get(gas) + ": " + maxLow + " !< " + minHigh);
            double[] c = IntStream.range(0, samples.size()).filter(i -> at(i).batch() == 1 && at(i).gas() == g)
                    .mapToDouble(i -> at(i).concentration()).sorted().toArray();
            double median = c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
            assertTrue(maxLow <= median && minHigh > median, GasDrift.GASES.get(gas));
        }
        // Batch 1, Ethanol: 90 rows; the median is 125 ppmv.
        int ethanol = GasDrift.GASES.indexOf("Ethanol");
        assertTrue(Arrays.stream(halves[0]).filter(i -> at(i).gas() == ethanol)
                .allMatch(i -> at(i).concentration() <= 125));
    }

    @Test
    void aGasMeasuredAtOneConcentrationIsLeftOut() {
        int toluene = GasDrift.GASES.indexOf("Toluene");
        int[][] halves = Split.halves(samples, i -> at(i).batch() == 2);
        long tolueneInBatch2 = samples.stream().filter(s -> s.batch() == 2 && s.gas() == toluene).count();
        assertEquals(5, tolueneInBatch2);
        for (int[] half : halves) {
            assertTrue(Arrays.stream(half).noneMatch(i -> at(i).gas() == toluene));
        }
        assertEquals(1244 - 5, halves[0].length + halves[1].length);
    }
}
