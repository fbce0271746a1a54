package org.hetquant.engine;

import java.io.Serializable;

/**
 * The granule-cell (GC) layer of docs/method.md §2(e): a second readout that learns its MC→GC weights by STDP. Holds the
 * layer's parameters and trains it; {@link GranuleWeights} holds what was learned and reads GC phases out.
 *
 * <p><b>Protocol</b> (docs/method.md §2(e), "Training"). Each training sample's MC phases are presented for
 * {@code neuron().presentationLength()} steps (250) and followed by {@link #rinse()} silent steps (50), with
 * learning on throughout; state and spike logs carry over from sample to sample. An MC with phase p ≥ 1 fires at
 * offset p − 1 of every cycle of its presentation (the MC layer's spike is periodic, docs/method.md §2(b)); phase 0 is
 * silent. Its spike reaches the GCs {@link StdpParameters#delay()} steps later (25). After training every weight
 * ≤ {@link #clampThreshold()} (29) is set to 0, so only differentiated weights (at w_max = 30) survive.
 *
 * <p><b>GC neuron</b>: the MC neuron's LIF and per-step order with V_th −50 and release phase 25 (GCs are
 * released mid-cycle and integrate MC spikes that arrive 25 steps late); the GCs receive no oscillatory input in
 * the paper, so the neuron's oscillator weight must be 0.
 *
 * <p><b>Readout</b>: as the authors' "phase" accumulator, a test sample is presented (without learning) for the
 * presentation and rinse; a GC's response is {@code (t mod cycle) + 1} for its last spike t in that window, if
 * it fired within the last cycle of the presentation, and 0 otherwise (values 0 or about 27..46).
 *
 * <p>Two implementations give identical results: {@link GranuleSimulator} steps every unit and every pair
 * through every step literally (the reference); {@link #train} and {@link GranuleWeights#phases} only touch the
 * pairs whose weight changes and the GCs whose membrane moves, with the same floating-point operations in the
 * same order. Immutable and thread-safe.
 */
public final class GranuleLayer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** GCs per MC in the paper (docs/method.md §2(e)); the authors' Adaptive Concentration runs use 2. */
    public static final int PAPER_GRANULES_PER_MITRAL = 4;

    /** Largest cycle length supported: GC phases are reported as bytes. */
    public static final int MAX_CYCLE_LENGTH = 127;

    /** The GC neuron of docs/method.md §3: V_rest −60, V_th −50, g_L 1, τ_m 4, τ_ref 50, cycle 50, release phase 25. */
    public static final NeuronParameters PAPER_NEURON =
            NeuronParameters.DEFAULT.withVThreshold(-50.0).withReleasePhase(25).withOscillatorWeight(0.0);

    /** The published GC layer: {@link #PAPER_NEURON}, {@link StdpParameters#PAPER}, rinse 50, clamp at 29. */
    public static final GranuleLayer PAPER = new GranuleLayer(PAPER_NEURON, StdpParameters.PAPER, 50, 29.0);

    private final NeuronParameters neuron;
    private final StdpParameters stdp;
    private final int rinse;
    private final double clampThreshold;

    private GranuleLayer(NeuronParameters neuron, StdpParameters stdp, int rinse, double clampThreshold) {
        if (neuron == null) {
            throw new IllegalArgumentException("neuron must not be null");
        }
        if (stdp == null) {
            throw new IllegalArgumentException("stdp must not be null");
        }
        if (neuron.oscillatorWeight() != 0.0) {
            throw new IllegalArgumentException("the GC neuron's oscillatorWeight must be 0 (the paper's GCs receive no"
                    + " oscillatory input), got " + neuron.oscillatorWeight());
        }
        if (neuron.cycleLength() > MAX_CYCLE_LENGTH) {
            throw new IllegalArgumentException("the GC neuron's cycleLength must be in [1, " + MAX_CYCLE_LENGTH
                    + "] steps, got " + neuron.cycleLength());
        }
        if (rinse < 0 || rinse % neuron.cycleLength() != 0 || rinse > 1_000_000) {
            throw new IllegalArgumentException("rinse must be a non-negative multiple of the cycle length ("
                    + neuron.cycleLength() + " steps), at most 1000000, so that every sample starts on a cycle"
                    + " boundary; got " + rinse);
        }
        if (!Double.isFinite(clampThreshold)) {
            throw new IllegalArgumentException("clampThreshold must be finite, got " + clampThreshold);
        }
        this.neuron = neuron;
        this.stdp = stdp;
        this.rinse = rinse;
        this.clampThreshold = clampThreshold;
    }

    /**
     * A layer with all parameters at once (the {@code with...} methods change one at a time, and some values are
     * only valid together, e.g. the rinse must be a multiple of the neuron's cycle).
     *
     * @param neuron the GC neuron; oscillator weight 0, cycle at most 127 steps
     * @param stdp the MC→GC synapse
     * @param rinse silent steps after each presentation, a non-negative multiple of the cycle
     * @param clampThreshold after training, weights ≤ this are set to 0; finite
     * @throws IllegalArgumentException naming the parameter and its valid range
     */
    public static GranuleLayer of(NeuronParameters neuron, StdpParameters stdp, int rinse, double clampThreshold) {
        return new GranuleLayer(neuron, stdp, rinse, clampThreshold);
    }

    /** The GC neuron (its presentation length is the presentation of every training and test sample). */
    public NeuronParameters neuron() {
        return neuron;
    }

    /** The MC→GC synapse. */
    public StdpParameters stdp() {
        return stdp;
    }

    /** Silent steps after each presentation; a multiple of the cycle length. Paper: 50. */
    public int rinse() {
        return rinse;
    }

    /** After training, weights ≤ this are set to 0 (only differentiated weights survive); finite. Paper: 29. */
    public double clampThreshold() {
        return clampThreshold;
    }

    /**
     * @throws IllegalArgumentException if the neuron has a nonzero oscillator weight or a cycle over 127 steps,
     *                                  or the rinse is not a multiple of its cycle
     */
    public GranuleLayer withNeuron(NeuronParameters value) {
        return new GranuleLayer(value, stdp, rinse, clampThreshold);
    }

    public GranuleLayer withStdp(StdpParameters value) {
        return new GranuleLayer(neuron, value, rinse, clampThreshold);
    }

    public GranuleLayer withRinse(int value) {
        return new GranuleLayer(neuron, stdp, value, clampThreshold);
    }

    public GranuleLayer withClampThreshold(double value) {
        return new GranuleLayer(neuron, stdp, rinse, value);
    }

    /**
     * Number of GCs for a layer of MCs: {@code granulesPerMitral · mitralCount}.
     *
     * @param mitralCount number of MCs (features × n), ≥ 1
     * @param granulesPerMitral GCs per MC, ≥ 1 (paper: {@link #PAPER_GRANULES_PER_MITRAL})
     */
    public static int granuleCount(int mitralCount, int granulesPerMitral) {
        if (mitralCount < 1) {
            throw new IllegalArgumentException("mitralCount must be >= 1, got " + mitralCount);
        }
        ParameterRange.GRANULES_PER_MITRAL.require("granulesPerMitral", granulesPerMitral);
        long g = (long) mitralCount * granulesPerMitral;
        if (g > 1_000_000) {
            throw new IllegalArgumentException("mitralCount × granulesPerMitral must be at most 1000000, got " + g);
        }
        return (int) g;
    }

    /**
     * Learns the MC→GC weights by STDP from the training samples' MC phases, in order (fast path; identical
     * to {@link GranuleSimulator#train}).
     *
     * @param connectivity which MCs project to which GCs
     * @param mitralPhases per training sample, the phases of the {@code connectivity.mitralCount()} MCs in
     *                     paper numbering (0 = silent, p in [1, cycle] = spike at offset p − 1 of each cycle)
     * @return the learned weights, before and after the clamp
     * @throws IllegalArgumentException naming the sample (counted from 1) and unit if a row has the wrong length
     *                                  or a phase outside [0, cycle]
     */
    public GranuleWeights train(GranuleConnectivity connectivity, byte[][] mitralPhases) {
        checkPhases(connectivity, mitralPhases, neuron.cycleLength());
        double[] learned = new GranuleDynamics(this, connectivity).train(mitralPhases);
        return new GranuleWeights(this, connectivity, learned);
    }

    static void checkPhases(GranuleConnectivity connectivity, byte[][] mitralPhases, int cycle) {
        if (connectivity == null) {
            throw new IllegalArgumentException("connectivity must not be null");
        }
        if (mitralPhases == null) {
            throw new IllegalArgumentException("mitralPhases must not be null");
        }
        for (int i = 0; i < mitralPhases.length; i++) {
            checkPhases(mitralPhases[i], connectivity.mitralCount(), cycle, i + 1);
        }
    }

    static void checkPhases(byte[] phases, int mitralCount, int cycle, int row) {
        if (phases == null || phases.length != mitralCount) {
            throw new IllegalArgumentException("row " + row + ": expected " + mitralCount + " MC phases, got "
                    + (phases == null ? "null" : phases.length));
        }
        for (int m = 0; m < phases.length; m++) {
            if (phases[m] < 0 || phases[m] > cycle) {
                throw new IllegalArgumentException("row " + row + ", MC " + m + ": phase must be in [0, " + cycle
                        + "] (0 = silent), got " + phases[m]);
            }
        }
    }

    private Object readResolve() {
        return new GranuleLayer(neuron, stdp, rinse, clampThreshold);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GranuleLayer)) {
            return false;
        }
        GranuleLayer g = (GranuleLayer) o;
        return neuron.equals(g.neuron) && stdp.equals(g.stdp) && rinse == g.rinse
                && Double.compare(clampThreshold, g.clampThreshold) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * neuron.hashCode() + stdp.hashCode()) + rinse) + Double.hashCode(clampThreshold);
    }

    @Override
    public String toString() {
        return "GranuleLayer[" + neuron + ", " + stdp + ", rinse=" + rinse + ", clamp=" + clampThreshold + "]";
    }
}
