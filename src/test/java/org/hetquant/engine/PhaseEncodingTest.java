package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhaseEncodingTest {

    private static final PhaseTable TABLE = PhaseTable.of(NeuronParameters.DEFAULT);

    @Test
    void paperKeepsThePublishedNumbers() {
        assertEquals(0, PhaseEncoding.PAPER.encode(0, TABLE));
        for (int phase = 2; phase <= 17; phase++) {
            assertEquals(phase, PhaseEncoding.PAPER.encode(phase, TABLE));
        }
        assertEquals(17, PhaseEncoding.PAPER.maxValue(TABLE));
    }

    @Test
    void ascendingGrowsWithTheDrive() {
        assertEquals(0, PhaseEncoding.ASCENDING.encode(0, TABLE));
        assertEquals(1, PhaseEncoding.ASCENDING.encode(17, TABLE));
        assertEquals(16, PhaseEncoding.ASCENDING.encode(2, TABLE));
        assertEquals(16, PhaseEncoding.ASCENDING.maxValue(TABLE));
        int previous = 0;
        for (double drive = 0; drive < 100; drive += 0.01) {
            int value = PhaseEncoding.ASCENDING.encode(TABLE.phase(drive), TABLE);
            assertTrue(value >= previous, "drive " + drive);
            previous = value;
        }
        assertEquals(16, previous);
    }

    @Test
    void ascendingRanksSkippedPhasesContiguously() {
        // An excitatory oscillator skips phases 8..23; ranks stay 1..levels without gaps.
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(5.0));
        int[] phases = table.phases();
        for (int j = 0; j < phases.length; j++) {
            assertEquals(j + 1, PhaseEncoding.ASCENDING.encode(phases[j], table));
        }
        assertEquals(table.levels(), PhaseEncoding.ASCENDING.maxValue(table));
    }

    @Test
    void binaryIsSpikeOrSilence() {
        assertEquals(0, PhaseEncoding.BINARY.encode(0, TABLE));
        for (int phase = 2; phase <= 17; phase++) {
            assertEquals(1, PhaseEncoding.BINARY.encode(phase, TABLE));
        }
        assertEquals(1, PhaseEncoding.BINARY.maxValue(TABLE));
    }

    @Test
    void phasesTheTableNeverProducesAreRejected() {
        for (PhaseEncoding encoding : PhaseEncoding.values()) {
            for (int phase : new int[] {1, 18, -1}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> encoding.encode(phase, TABLE));
                assertTrue(e.getMessage().contains("paperPhase must be 0 or a firing phase in [2, 17]"), e.getMessage());
            }
        }
    }

    @Test
    void lookupAgreesWithEncodeForEveryPhase() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        for (PhaseEncoding e : PhaseEncoding.values()) {
            int[] codes = e.lookup(table);
            org.junit.jupiter.api.Assertions.assertEquals(0, codes[0]);
            for (int p : table.phases()) {
                org.junit.jupiter.api.Assertions.assertEquals(e.encode(p, table), codes[p], e + " phase " + p);
            }
        }
    }
}
