package org.hetquant.engine;

import java.util.Arrays;

/**
 * Reference GC layer (docs/method.md §2(e)): steps every MC→GC pair and every GC through every step, in the authors' order,
 * without shortcuts. {@link GranuleLayer#train} and {@link GranuleWeights#phases} must give identical results;
 * the tests compare them on many random cases.
 *
 * <p>One step s (the breadth-first order MC → MC→GC synapse → GC of docs/method.md §1):
 * <ol>
 *   <li>MC spikes come from the schedule: MC m fires at step k of a sample's window iff
 *       k &lt; presentation and {@code k mod cycle = phase_m − 1}.</li>
 *   <li>While learning, the synapse first logs: a pre-synaptic arrival at s for every MC that spiked at
 *       {@code s − 1 − delay} (the synapse reads the delayed view it received on the previous step), and a
 *       post-synaptic spike at s for every GC that spiked on step s − 1 (the GCs are updated after the
 *       synapse). Then every pair is updated: pairs at w_max or whose MC or GC has no log entry are excluded;
 *       included pairs change by the STDP term of Δ = t_pre − t_post, minus the non-causation penalty if
 *       Δ &lt; −cycle; a pair whose weight was below the prune threshold becomes 0.</li>
 *   <li>Weights are clamped to [0, w_max]; each GC's input is the sum, in ascending MC order, of the weights
 *       from the MCs that spiked at {@code s − delay}.</li>
 *   <li>Each GC takes one LIF step (the MC neuron's per-step order, docs/method.md §2(b), without oscillator).</li>
 * </ol>
 * Every test sample is read out from rest (in the original the rinse and the GC release leave the network at
 * rest between samples). Stateless and thread-safe; slow by design.
 */
public final class GranuleSimulator {

    private final GranuleLayer layer;

    /** @param layer the layer's parameters */
    public GranuleSimulator(GranuleLayer layer) {
        if (layer == null) {
            throw new IllegalArgumentException("layer must not be null");
        }
        this.layer = layer;
    }

    public GranuleLayer layer() {
        return layer;
    }

    /**
     * Trains the layer on the samples' MC phases, in order.
     *
     * @see GranuleLayer#train
     */
    public GranuleWeights train(GranuleConnectivity connectivity, byte[][] mitralPhases) {
        NeuronParameters n = layer.neuron();
        StdpParameters stdp = layer.stdp();
        GranuleLayer.checkPhases(connectivity, mitralPhases, n.cycleLength());
        int window = n.presentationLength() + layer.rinse();
        long total = (long) mitralPhases.length * window;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many training samples: " + mitralPhases.length + " × " + window
                    + " steps exceeds " + Integer.MAX_VALUE + " steps");
        }
        int mc = connectivity.mitralCount();
        int gc = connectivity.granuleCount();
        double[] w = new double[connectivity.pairCount()];
        Arrays.fill(w, stdp.initialWeight());
        int[] preLog = new int[mc];
        int[] postLog = new int[gc];
        Arrays.fill(preLog, GranuleDynamics.NEVER);
        Arrays.fill(postLog, GranuleDynamics.NEVER);
        Gc cells = new Gc(gc);
        double[] input = new double[gc];
        double tauPlus = stdp.tauPlus() / n.dt();
        double tauMinus = stdp.tauMinus() / n.dt();
        double prune = stdp.pruneThreshold();
        for (int s = 0; s < total; s++) {
            for (int m = 0; m < mc; m++) {
                if (spikes(mitralPhases, m, (long) s - 1 - stdp.delay(), window)) {
                    preLog[m] = s;
                }
            }
            for (int j = 0; j < gc; j++) {
                if (cells.spiked[j]) {
                    postLog[j] = s;
                }
            }
            for (int j = 0; j < gc; j++) {
                for (int p = connectivity.pairStart(j); p < connectivity.pairStart(j + 1); p++) {
                    int m = connectivity.pairSource(p);
                    double old = w[p];
                    double updated = old;
                    double penalty = 0.0;
                    if (old != stdp.maxWeight() && preLog[m] != GranuleDynamics.NEVER
                            && postLog[j] != GranuleDynamics.NEVER) {
                        int delta = preLog[m] - postLog[j];
                        updated = old + GranuleDynamics.change(delta, stdp.alphaPlus(), tauPlus, stdp.alphaMinus(),
                                tauMinus);
                        penalty = delta < -n.cycleLength() ? stdp.nonCausationPenalty() : 0.0;
                    }
                    w[p] = GranuleDynamics.clamp(Math.abs(old) < prune ? 0.0 : updated - penalty, stdp.maxWeight());
                }
            }
            inputs(connectivity, w, mitralPhases, (long) s - stdp.delay(), window, input);
            cells.step(s, input);
        }
        return new GranuleWeights(layer, connectivity, w);
    }

    /**
     * GC phases of one test sample, read out with the clamped weights.
     *
     * @see GranuleWeights#phases(byte[])
     */
    public byte[] phases(GranuleWeights weights, byte[] mitralPhases) {
        if (weights == null || !weights.layer().equals(layer)) {
            throw new IllegalArgumentException("weights must come from a layer with this simulator's parameters");
        }
        NeuronParameters n = layer.neuron();
        GranuleConnectivity connectivity = weights.connectivity();
        GranuleLayer.checkPhases(mitralPhases, connectivity.mitralCount(), n.cycleLength(), 1);
        byte[][] sample = {mitralPhases};
        int window = n.presentationLength() + layer.rinse();
        int gc = connectivity.granuleCount();
        double[] w = weights.weights();
        Gc cells = new Gc(gc);
        double[] input = new double[gc];
        int[] lastSpike = new int[gc];
        boolean[] inReadout = new boolean[gc];
        Arrays.fill(lastSpike, -1);
        int readoutStart = n.presentationLength() - n.cycleLength();
        for (int s = 0; s < window; s++) {
            inputs(connectivity, w, sample, (long) s - layer.stdp().delay(), window, input);
            cells.step(s, input);
            for (int j = 0; j < gc; j++) {
                if (cells.spiked[j]) {
                    lastSpike[j] = s;
                    inReadout[j] |= s >= readoutStart && s < n.presentationLength();
                }
            }
        }
        byte[] out = new byte[gc];
        for (int j = 0; j < gc; j++) {
            out[j] = inReadout[j] ? (byte) (lastSpike[j] % n.cycleLength() + 1) : 0;
        }
        return out;
    }

    /** Whether MC m spikes at global step t (samples follow each other, each {@code window} steps long). */
    private boolean spikes(byte[][] phases, int m, long t, int window) {
        if (t < 0 || t / window >= phases.length) {
            return false;
        }
        int k = (int) (t % window);
        int p = phases[(int) (t / window)][m];
        return k < layer.neuron().presentationLength() && p != 0 && k % layer.neuron().cycleLength() == p - 1;
    }

    private void inputs(GranuleConnectivity c, double[] w, byte[][] phases, long t, int window, double[] input) {
        for (int j = 0; j < c.granuleCount(); j++) {
            double sum = 0.0;
            for (int p = c.pairStart(j); p < c.pairStart(j + 1); p++) {
                if (spikes(phases, c.pairSource(p), t, window)) {
                    sum += w[p];
                }
            }
            input[j] = sum;
        }
    }

    /** All GCs, stepped literally (docs/method.md §2(b) order, release phase of the GC neuron). */
    private final class Gc {
        final double[] v;
        final int[] refractory;
        final boolean[] spiked;

        Gc(int count) {
            v = new double[count];
            refractory = new int[count];
            spiked = new boolean[count];
            Arrays.fill(v, layer.neuron().vRest());
        }

        void step(int s, double[] input) {
            NeuronParameters n = layer.neuron();
            for (int j = 0; j < v.length; j++) {
                spiked[j] = v[j] >= n.vThreshold();
                if (spiked[j]) {
                    v[j] = n.vRest();
                    refractory[j] += n.refractorySteps();
                }
                v[j] = Lif.rk4(v[j], input[j] / n.leakConductance(), n.vRest(), n.tauMembrane(), n.dt());
                if (v[j] >= n.vThreshold()) {
                    v[j] = n.vThreshold();
                }
                if (refractory[j] > 0 && v[j] > n.vRest()) {
                    v[j] = n.vRest();
                }
                refractory[j] = Math.max(refractory[j] - 1, 0);
                if ((s + 1) % n.cycleLength() == n.releasePhase()) {
                    refractory[j] = 0;
                    v[j] = n.vRest();
                }
            }
        }
    }
}
