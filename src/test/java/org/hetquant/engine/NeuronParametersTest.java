package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class NeuronParametersTest {

    private static final NeuronParameters D = NeuronParameters.DEFAULT;

    @Test
    void defaultsAreTheSpecValues() {
        assertEquals(-60.0, D.vRest());
        assertEquals(-55.0, D.vThreshold());
        assertEquals(1.0, D.leakConductance());
        assertEquals(4.0, D.tauMembrane());
        assertEquals(50.0, D.tauRefractory());
        assertEquals(50, D.refractorySteps());
        assertEquals(50, D.cycleLength());
        assertEquals(0, D.releasePhase());
        assertEquals(1.0, D.dt());
        assertEquals(1.0, D.oscillatorAmplitude());
        assertEquals(20.0, D.oscillatorFrequency());
        assertEquals(1.0, D.oscillatorPhase());
        assertEquals(1.0, D.oscillatorBaseline());
        assertEquals(-20.0, D.oscillatorWeight());
        assertEquals(250, D.presentationLength());
    }

    @Test
    void oscillatorIsOneMinusSineOfTheCycle() {
        for (int k = 0; k < 100; k++) {
            assertEquals(1.0 - Math.sin(2 * Math.PI * k / 50.0), D.oscillator(k), 1e-12, "k=" + k);
        }
    }

    @Test
    void withMethodsCopyAndEqualityFollowsValues() {
        NeuronParameters changed = D.withVThreshold(-50.0);
        assertEquals(-50.0, changed.vThreshold());
        assertEquals(-55.0, D.vThreshold(), "DEFAULT must not change");
        assertNotEquals(D, changed);
        assertEquals(changed, D.withVThreshold(-50.0));
        assertEquals(changed.hashCode(), D.withVThreshold(-50.0).hashCode());
        assertEquals(D, changed.withVThreshold(-55.0));
        NeuronParameters all = D.withVRest(-70).withLeakConductance(2).withTauMembrane(5).withTauRefractory(60)
                .withPresentationLength(200).withCycleLength(40).withReleasePhase(3).withDt(0.5)
                .withOscillatorAmplitude(2).withOscillatorFrequency(25).withOscillatorPhase(0.5)
                .withOscillatorBaseline(2).withOscillatorWeight(-10);
        assertEquals(-70.0, all.vRest());
        assertEquals(2.0, all.leakConductance());
        assertEquals(5.0, all.tauMembrane());
        assertEquals(120, all.refractorySteps());
        assertEquals(40, all.cycleLength());
        assertEquals(3, all.releasePhase());
        assertEquals(0.5, all.dt());
        assertEquals(2.0, all.oscillatorAmplitude());
        assertEquals(25.0, all.oscillatorFrequency());
        assertEquals(0.5, all.oscillatorPhase());
        assertEquals(2.0, all.oscillatorBaseline());
        assertEquals(-10.0, all.oscillatorWeight());
        assertEquals(200, all.presentationLength());
        assertTrue(all.toString().contains("cycleLength=40"));
    }

    @Test
    void serializationRoundTrips() throws Exception {
        NeuronParameters p = D.withTauMembrane(7.5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(p, in.readObject());
        }
    }

    @Test
    void invalidValuesNameTheParameterAndRange() {
        expect("vThreshold must be > vRest", () -> D.withVThreshold(-60));
        expect("vRest must be finite", () -> D.withVRest(Double.NaN));
        expect("leakConductance must be finite and > 0", () -> D.withLeakConductance(0));
        expect("tauMembrane must be > dt/", () -> D.withTauMembrane(0.3));
        expect("tauMembrane must be finite", () -> D.withTauMembrane(Double.POSITIVE_INFINITY));
        expect("tauRefractory must be in [0,", () -> D.withTauRefractory(-1));
        expect("cycleLength must be >= 1", () -> D.withCycleLength(0));
        expect("presentationLength must be a positive multiple of cycleLength", () -> D.withCycleLength(40));
        expect("presentationLength must be a positive multiple of cycleLength", () -> D.withPresentationLength(0));
        expect("presentationLength must be a positive multiple of cycleLength", () -> D.withPresentationLength(260));
        expect("releasePhase must be in [0, cycleLength - 1 = 49]", () -> D.withReleasePhase(50));
        expect("dt must be finite and > 0", () -> D.withDt(-1));
        expect("oscillatorFrequency must be finite and > 0", () -> D.withOscillatorFrequency(0));
        expect("oscillatorWeight must be finite", () -> D.withOscillatorWeight(Double.NaN));
        expect("oscillatorAmplitude must be finite", () -> D.withOscillatorAmplitude(Double.NEGATIVE_INFINITY));
        expect("oscillatorPhase must be finite", () -> D.withOscillatorPhase(Double.NaN));
        expect("oscillatorBaseline must be finite", () -> D.withOscillatorBaseline(Double.NaN));
    }

    private static void expect(String message, Supplier<NeuronParameters> call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::get);
        assertTrue(e.getMessage().contains(message), () -> "message '" + e.getMessage() + "' lacks '" + message + "'");
    }
}
