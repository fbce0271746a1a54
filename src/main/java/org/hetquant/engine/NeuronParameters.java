package org.hetquant.engine;

import java.io.Serializable;
import java.util.Objects;

/**
 * Parameters of one MC (mitral cell) LIF neuron under oscillatory inhibition, and of the presentation whose
 * last cycle is read out (docs/method.md §2(b), §3).
 *
 * <p>Units: voltages in mV, times in ms, the time step {@code dt} in ms per simulation step, currents and
 * drives in the dimensionless synaptic units of the original simulator. Cycle length, release phase and
 * presentation length count simulation steps. The oscillator is
 * {@code osc(k) = amplitude·sin(2π·frequency·k·dt/1000 + phase·π) + baseline}; the MC receives
 * {@code oscillatorWeight·osc(k)}.
 *
 * <p>Immutable; {@link #DEFAULT} holds the published values and the {@code with...} methods return validated
 * copies. Because several constraints relate two parameters (e.g. presentation length must be a multiple of
 * the cycle length), change them in an order that keeps every intermediate value valid.
 */
public final class NeuronParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Largest {@code dt/tauMembrane} for which one classical RK4 step of {@code dv/dt = -v/τ} is stable
     * (the real root of {@code 1 - h + h²/2 - h³/6 + h⁴/24 = 1}, h > 0). Beyond it the integrated membrane
     * diverges, so such parameters are rejected rather than simulated.
     */
    static final double RK4_STABILITY_LIMIT = 2.785293563405282;

    /**
     * Published values (docs/method.md §3): V_rest −60, V_th −55, g_L 1, τ_m 4, τ_ref 50, cycle 50, release phase 0,
     * dt 1, oscillator A 1 / 20 Hz / phase 1.0π / baseline 1.0, oscillator weight −20, presentation 250.
     */
    public static final NeuronParameters DEFAULT = new NeuronParameters(
            -60.0, -55.0, 1.0, 4.0, 50.0, 50, 0, 1.0,
            1.0, 20.0, 1.0, 1.0, -20.0, 250);

    private final double vRest;
    private final double vThreshold;
    private final double leakConductance;
    private final double tauMembrane;
    private final double tauRefractory;
    private final int cycleLength;
    private final int releasePhase;
    private final double dt;
    private final double oscillatorAmplitude;
    private final double oscillatorFrequency;
    private final double oscillatorPhase;
    private final double oscillatorBaseline;
    private final double oscillatorWeight;
    private final int presentationLength;

    private NeuronParameters(double vRest, double vThreshold, double leakConductance, double tauMembrane,
                             double tauRefractory, int cycleLength, int releasePhase, double dt,
                             double oscillatorAmplitude, double oscillatorFrequency, double oscillatorPhase,
                             double oscillatorBaseline, double oscillatorWeight, int presentationLength) {
        requireFinite("vRest", vRest);
        requireFinite("vThreshold", vThreshold);
        if (!(vThreshold > vRest)) {
            throw new IllegalArgumentException("vThreshold must be > vRest (" + vRest + " mV), got " + vThreshold);
        }
        requirePositive("leakConductance", leakConductance);
        requirePositive("dt", dt);
        requireFinite("tauMembrane", tauMembrane);
        double minTau = dt / RK4_STABILITY_LIMIT;
        if (!(tauMembrane > minTau)) {
            throw new IllegalArgumentException("tauMembrane must be > dt/" + RK4_STABILITY_LIMIT + " = " + minTau
                    + " ms (RK4 stability), got " + tauMembrane);
        }
        requireFinite("tauRefractory", tauRefractory);
        if (!(tauRefractory >= 0) || tauRefractory / dt > Integer.MAX_VALUE / 2.0) {
            throw new IllegalArgumentException("tauRefractory must be in [0, " + (Integer.MAX_VALUE / 2.0 * dt)
                    + "] ms, got " + tauRefractory);
        }
        if (cycleLength < 1) {
            throw new IllegalArgumentException("cycleLength must be >= 1 step, got " + cycleLength);
        }
        if (releasePhase < 0 || releasePhase >= cycleLength) {
            throw new IllegalArgumentException("releasePhase must be in [0, cycleLength - 1 = " + (cycleLength - 1)
                    + "], got " + releasePhase);
        }
        requireFinite("oscillatorAmplitude", oscillatorAmplitude);
        requirePositive("oscillatorFrequency", oscillatorFrequency);
        requireFinite("oscillatorPhase", oscillatorPhase);
        requireFinite("oscillatorBaseline", oscillatorBaseline);
        requireFinite("oscillatorWeight", oscillatorWeight);
        if (presentationLength < cycleLength || presentationLength % cycleLength != 0) {
            throw new IllegalArgumentException("presentationLength must be a positive multiple of cycleLength ("
                    + cycleLength + " steps), got " + presentationLength);
        }
        this.vRest = vRest;
        this.vThreshold = vThreshold;
        this.leakConductance = leakConductance;
        this.tauMembrane = tauMembrane;
        this.tauRefractory = tauRefractory;
        this.cycleLength = cycleLength;
        this.releasePhase = releasePhase;
        this.dt = dt;
        this.oscillatorAmplitude = oscillatorAmplitude;
        this.oscillatorFrequency = oscillatorFrequency;
        this.oscillatorPhase = oscillatorPhase;
        this.oscillatorBaseline = oscillatorBaseline;
        this.oscillatorWeight = oscillatorWeight;
        this.presentationLength = presentationLength;
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    /** Resting (and reset) potential V_rest in mV; finite, below {@link #vThreshold()}. Default −60. */
    public double vRest() { return vRest; }

    /** Spike threshold V_th in mV; finite, above {@link #vRest()}. Default −55. */
    public double vThreshold() { return vThreshold; }

    /** Leak conductance g_L (input current is divided by it); finite, > 0. Default 1. */
    public double leakConductance() { return leakConductance; }

    /** Membrane time constant τ_m in ms; > dt/2.785 so that RK4 is stable. Default 4. */
    public double tauMembrane() { return tauMembrane; }

    /** Refractory period in ms, applied as {@code (int)(tauRefractory/dt)} steps; ≥ 0. Default 50. */
    public double tauRefractory() { return tauRefractory; }

    /** Refractory period in whole steps, truncated as in the original simulator. */
    public int refractorySteps() { return (int) (tauRefractory / dt); }

    /** Oscillation cycle length in steps; ≥ 1. Default 50. */
    public int cycleLength() { return cycleLength; }

    /** Step (mod cycle) at which all MCs are released (v = V_rest, not refractory); in [0, cycle). Default 0. */
    public int releasePhase() { return releasePhase; }

    /** Simulation time step in ms; finite, > 0. Default 1. */
    public double dt() { return dt; }

    /** Oscillator amplitude A; finite. Default 1. */
    public double oscillatorAmplitude() { return oscillatorAmplitude; }

    /** Oscillator frequency in Hz; finite, > 0. Default 20 (one cycle per 50 steps of 1 ms). */
    public double oscillatorFrequency() { return oscillatorFrequency; }

    /** Oscillator phase offset in units of π; finite. Default 1.0 (a shift of π). */
    public double oscillatorPhase() { return oscillatorPhase; }

    /** Oscillator baseline b; finite. Default 1.0. */
    public double oscillatorBaseline() { return oscillatorBaseline; }

    /** Weight of the oscillator → MC synapse; finite; negative means inhibition. Default −20. */
    public double oscillatorWeight() { return oscillatorWeight; }

    /** Steps a sample is presented; a positive multiple of the cycle; its last cycle is read out. Default 250. */
    public int presentationLength() { return presentationLength; }

    /** Oscillator value at global step {@code k} (k = 0 at the start of the presentation). */
    public double oscillator(int k) {
        return oscillatorAmplitude * Math.sin(2.0 * Math.PI * oscillatorFrequency * k * dt / 1000.0
                + oscillatorPhase * Math.PI) + oscillatorBaseline;
    }

    public NeuronParameters withVRest(double value) {
        return new NeuronParameters(value, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withVThreshold(double value) {
        return new NeuronParameters(vRest, value, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withLeakConductance(double value) {
        return new NeuronParameters(vRest, vThreshold, value, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withTauMembrane(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, value, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withTauRefractory(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, value, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withCycleLength(int value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, value,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withReleasePhase(int value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                value, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withDt(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, value, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withOscillatorAmplitude(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, value, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withOscillatorFrequency(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, value, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withOscillatorPhase(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, value, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withOscillatorBaseline(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, value,
                oscillatorWeight, presentationLength);
    }

    public NeuronParameters withOscillatorWeight(double value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                value, presentationLength);
    }

    public NeuronParameters withPresentationLength(int value) {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, value);
    }

    /** Re-validates on deserialization, so a tampered stream cannot produce an invalid instance. */
    private Object readResolve() {
        return new NeuronParameters(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof NeuronParameters)) {
            return false;
        }
        NeuronParameters p = (NeuronParameters) o;
        return Double.compare(vRest, p.vRest) == 0
                && Double.compare(vThreshold, p.vThreshold) == 0
                && Double.compare(leakConductance, p.leakConductance) == 0
                && Double.compare(tauMembrane, p.tauMembrane) == 0
                && Double.compare(tauRefractory, p.tauRefractory) == 0
                && cycleLength == p.cycleLength
                && releasePhase == p.releasePhase
                && Double.compare(dt, p.dt) == 0
                && Double.compare(oscillatorAmplitude, p.oscillatorAmplitude) == 0
                && Double.compare(oscillatorFrequency, p.oscillatorFrequency) == 0
                && Double.compare(oscillatorPhase, p.oscillatorPhase) == 0
                && Double.compare(oscillatorBaseline, p.oscillatorBaseline) == 0
                && Double.compare(oscillatorWeight, p.oscillatorWeight) == 0
                && presentationLength == p.presentationLength;
    }

    @Override
    public int hashCode() {
        return Objects.hash(vRest, vThreshold, leakConductance, tauMembrane, tauRefractory, cycleLength,
                releasePhase, dt, oscillatorAmplitude, oscillatorFrequency, oscillatorPhase, oscillatorBaseline,
                oscillatorWeight, presentationLength);
    }

    @Override
    public String toString() {
        return "NeuronParameters[vRest=" + vRest + " mV, vThreshold=" + vThreshold + " mV, leakConductance="
                + leakConductance + ", tauMembrane=" + tauMembrane + " ms, tauRefractory=" + tauRefractory
                + " ms, cycleLength=" + cycleLength + ", releasePhase=" + releasePhase + ", dt=" + dt
                + " ms, oscillatorAmplitude=" + oscillatorAmplitude + ", oscillatorFrequency=" + oscillatorFrequency
                + " Hz, oscillatorPhase=" + oscillatorPhase + "π, oscillatorBaseline=" + oscillatorBaseline
                + ", oscillatorWeight=" + oscillatorWeight + ", presentationLength=" + presentationLength + "]";
    }
}
