package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NeuronParametersTest implements SerializableValueTypeContract<NeuronParameters> {

    private static final NeuronParameters D = NeuronParameters.DEFAULT;

    @Override
    public NeuronParameters value() {
        return D.withTauMembrane(7.5);
    }

    @Override
    public NeuronParameters equalValue() {
        return D.withTauMembrane(7.5);
    }

    @Override
    public List<NeuronParameters> differentValues() {
        NeuronParameters v = value();
        return List.of(v.withVRest(-70), v.withVThreshold(-50), v.withLeakConductance(2), v.withTauMembrane(5),
                v.withTauRefractory(60), v.withPresentationLength(500), v.withCycleLength(25), v.withReleasePhase(3),
                v.withDt(0.5), v.withOscillatorAmplitude(2), v.withOscillatorFrequency(25), v.withOscillatorPhase(0.5),
                v.withOscillatorBaseline(2), v.withOscillatorWeight(-10));
    }

    @Override
    public List<Invalid> invalidValues() {
        return List.of(
                new Invalid(() -> D.withVThreshold(-60), "vThreshold must be > vRest"),
                new Invalid(() -> D.withVRest(Double.NaN), "vRest must be finite"),
                new Invalid(() -> D.withLeakConductance(0), "leakConductance must be finite and > 0"),
                new Invalid(() -> D.withTauMembrane(0.3), "tauMembrane must be > dt/"),
                new Invalid(() -> D.withTauMembrane(Double.POSITIVE_INFINITY), "tauMembrane must be finite"),
                new Invalid(() -> D.withTauRefractory(-1), "tauRefractory must be in [0,"),
                new Invalid(() -> D.withCycleLength(0), "cycleLength must be >= 1"),
                new Invalid(() -> D.withCycleLength(40),
                        "presentationLength must be a positive multiple of cycleLength"),
                new Invalid(() -> D.withPresentationLength(0),
                        "presentationLength must be a positive multiple of cycleLength"),
                new Invalid(() -> D.withPresentationLength(260),
                        "presentationLength must be a positive multiple of cycleLength"),
                new Invalid(() -> D.withReleasePhase(50), "releasePhase must be in [0, cycleLength - 1 = 49]"),
                new Invalid(() -> D.withDt(-1), "dt must be finite and > 0"),
                new Invalid(() -> D.withOscillatorFrequency(0), "oscillatorFrequency must be finite and > 0"),
                new Invalid(() -> D.withOscillatorWeight(Double.NaN), "oscillatorWeight must be finite"),
                new Invalid(() -> D.withOscillatorAmplitude(Double.NEGATIVE_INFINITY),
                        "oscillatorAmplitude must be finite"),
                new Invalid(() -> D.withOscillatorPhase(Double.NaN), "oscillatorPhase must be finite"),
                new Invalid(() -> D.withOscillatorBaseline(Double.NaN), "oscillatorBaseline must be finite"));
    }

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
    void withMethodsCopy() {
        NeuronParameters changed = D.withVThreshold(-50.0);
        assertEquals(-50.0, changed.vThreshold());
        assertEquals(-55.0, D.vThreshold(), "DEFAULT must not change");
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
}
