package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhaseTableTest {

    /** docs/method.md §2(b) phase table: inclusive lower drive bound of each firing phase, 6 decimals. */
    private static final double[] SPEC_BOUNDS = {
        6.785535, 7.020157, 7.508028, 8.237416, 9.193269, 10.358069, 11.713051, 13.239988,
        14.923903, 16.757533, 18.749452, 20.940868, 23.446205, 26.572971, 31.298682, 42.604857};
    private static final int[] SPEC_PHASES = {17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2};

    static Stream<NeuronParameters> parameterSets() {
        NeuronParameters d = NeuronParameters.DEFAULT;
        return Stream.of(d,
                d.withTauMembrane(8.0),
                d.withOscillatorWeight(-10.0),
                d.withVThreshold(-50.0),
                d.withPresentationLength(200).withCycleLength(40).withOscillatorFrequency(25.0),
                d.withReleasePhase(10));
    }

    @Test
    void reproducesTheSpecTable() {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT);
        assertArrayEquals(SPEC_PHASES, table.phases());
        double[] bounds = table.lowerBounds();
        assertEquals(SPEC_BOUNDS.length, bounds.length);
        for (int j = 0; j < bounds.length; j++) {
            assertEquals(SPEC_BOUNDS[j], Math.round(bounds[j] * 1e6) / 1e6, 0.0, "boundary of phase " + SPEC_PHASES[j]);
        }
        assertEquals(6.785535, table.firingThreshold(), 5e-7);
        assertEquals(2, table.strongestPhase());
        assertEquals(17, table.weakestPhase());
        assertEquals(16, table.levels());
        assertEquals(0, table.phase(6.785534));
        assertEquals(0, table.phase(0.0));
        assertEquals(0, table.phase(-100.0));
        assertEquals(0, table.phase(Double.NaN));
        assertEquals(17, table.phase(6.785536));
        assertEquals(2, table.phase(1e6));
        assertSame(table, PhaseTable.of(NeuronParameters.DEFAULT.withVRest(-60.0)), "DEFAULT table is cached");
    }

    @Test
    void strongestBoundaryIsTheClosedFormFirstStepCrossing() {
        // Crossing on the first step of a cycle from rest at the oscillator's value for k = 0:
        // (1 - R)·(D + W·osc(0))/g_L = V_th - V_rest with R the RK4 factor for h = dt/τ = 0.25.
        double h = 0.25;
        double r = 1 - h + h * h / 2 - h * h * h / 6 + h * h * h * h / 24;
        double closedForm = 5.0 / (1 - r) + 20.0 * NeuronParameters.DEFAULT.oscillator(0);
        assertEquals(closedForm, PhaseTable.of(NeuronParameters.DEFAULT).lowerBounds()[15], 1e-9);
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void agreesWithTheSimulatorEverywhere(NeuronParameters parameters) {
        PhaseTable table = PhaseTable.of(parameters);
        PhaseSimulator simulator = new PhaseSimulator(parameters);
        double[] bounds = table.lowerBounds();
        int[] phases = table.phases();
        for (int j = 0; j < bounds.length; j++) {
            double b = bounds[j];
            int below = j == 0 ? 0 : phases[j - 1];
            // The exact adjacent-double transition.
            assertEquals(phases[j], simulator.phase(b), "at boundary " + b);
            assertEquals(below, simulator.phase(Math.nextDown(b)), "just below boundary " + b);
            assertEquals(phases[j], table.phase(b));
            assertEquals(below, table.phase(Math.nextDown(b)));
            for (double delta : new double[] {1e-12, 1e-10, 1e-9}) {
                assertEquals(simulator.phase(b - delta), table.phase(b - delta), "at " + b + " - " + delta);
                assertEquals(simulator.phase(b + delta), table.phase(b + delta), "at " + b + " + " + delta);
            }
        }
        // Log-uniform from far below the threshold to far beyond the strongest boundary, plus negatives.
        SplittableRandom random = new SplittableRandom(314);
        double lo = Math.log(1e-3);
        double hi = Math.log(10 * bounds[bounds.length - 1]);
        int[] seen = new int[64];
        for (int i = 0; i < 100_000; i++) {
            double drive = Math.exp(lo + (hi - lo) * random.nextDouble());
            if (i % 10 == 0) {
                drive = -drive;
            }
            int expected = simulator.phase(drive);
            assertEquals(expected, table.phase(drive), "drive " + drive);
            seen[expected]++;
        }
        assertTrue(seen[0] > 0, "the sample must include silent drives");
        for (int phase : phases) {
            assertTrue(seen[phase] > 0, "the sample must include phase " + phase);
        }
    }

    @ParameterizedTest
    @MethodSource("parameterSets")
    void phasesAreMonotoneAndWellFormed(NeuronParameters parameters) {
        PhaseTable table = PhaseTable.of(parameters);
        double[] bounds = table.lowerBounds();
        int[] phases = table.phases();
        assertEquals(table.levels(), bounds.length);
        for (int j = 1; j < bounds.length; j++) {
            assertTrue(bounds[j] > bounds[j - 1]);
            assertTrue(phases[j] < phases[j - 1]);
        }
        assertEquals(phases[0], table.weakestPhase());
        assertEquals(phases[phases.length - 1], table.strongestPhase());
        assertEquals(bounds[0], table.firingThreshold());
    }

    @Test
    void otherParametersMoveTheTable() {
        PhaseTable slower = PhaseTable.of(NeuronParameters.DEFAULT.withTauMembrane(8.0));
        assertTrue(slower.firingThreshold() > PhaseTable.of(NeuronParameters.DEFAULT).firingThreshold());
        // With release at step 10 of the cycle, the strongest drive crosses at step 10 and spikes at step 11.
        assertEquals(12, PhaseTable.of(NeuronParameters.DEFAULT.withReleasePhase(10)).strongestPhase());
    }

    @Test
    void nonMonotoneParametersAreRejected() {
        // A 5-step refractory period lets the cell fire several times per cycle; the readout keeps the last
        // spike, whose phase then moves later again as the drive grows.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PhaseTable.of(NeuronParameters.DEFAULT.withTauRefractory(5.0)));
        assertTrue(e.getMessage().contains("not monotone"), e.getMessage());
    }

    @Test
    void nullParametersAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PhaseTable.of(null));
        assertTrue(e.getMessage().contains("parameters"));
    }

    @Test
    void serializationRoundTrips() throws Exception {
        PhaseTable table = PhaseTable.of(NeuronParameters.DEFAULT.withOscillatorWeight(-10.0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(table);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PhaseTable copy = (PhaseTable) in.readObject();
            assertEquals(table, copy);
            assertEquals(table.phase(10.0), copy.phase(10.0));
        }
    }
}
