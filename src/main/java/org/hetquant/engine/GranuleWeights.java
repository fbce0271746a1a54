package org.hetquant.engine;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * What a {@link GranuleLayer} learned: the MC→GC weight of every connected pair at the end of STDP training
 * ({@link #learnedWeight}) and after the post-training clamp ({@link #weight}; weights ≤ the clamp threshold are
 * 0). Reads GC phases out of MC phases with the clamped weights (docs/method.md §2(e)).
 *
 * <p>Immutable and thread-safe.
 */
public final class GranuleWeights implements Serializable {

    private static final long serialVersionUID = 1L;

    private final GranuleLayer layer;
    private final GranuleConnectivity connectivity;
    private final double[] learned;
    private final transient double[] clamped;

    /**
     * @param layer the layer's parameters
     * @param connectivity the connected pairs
     * @param learned per pair (in the connectivity's pair order), the weight at the end of training, in
     *                [0, maxWeight]
     * @throws IllegalArgumentException if an argument is null, the array's length differs from the number of
     *                                  pairs, or a weight is outside [0, maxWeight]
     */
    public GranuleWeights(GranuleLayer layer, GranuleConnectivity connectivity, double[] learned) {
        if (layer == null || connectivity == null || learned == null) {
            throw new IllegalArgumentException("layer, connectivity and learned must not be null");
        }
        if (learned.length != connectivity.pairCount()) {
            throw new IllegalArgumentException("learned must hold one weight per connected pair ("
                    + connectivity.pairCount() + "), got " + learned.length);
        }
        double max = layer.stdp().maxWeight();
        for (int p = 0; p < learned.length; p++) {
            if (!(learned[p] >= 0 && learned[p] <= max)) {
                throw new IllegalArgumentException("learned[" + p + "] must be in [0, " + max + "], got " + learned[p]);
            }
        }
        this.layer = layer;
        this.connectivity = connectivity;
        this.learned = learned.clone();
        this.clamped = new double[learned.length];
        for (int p = 0; p < learned.length; p++) {
            // As the authors' weights * (weights > threshold).
            clamped[p] = learned[p] > layer.clampThreshold() ? learned[p] : 0.0;
        }
    }

    public GranuleLayer layer() {
        return layer;
    }

    public GranuleConnectivity connectivity() {
        return connectivity;
    }

    /** Number of MCs (inputs). */
    public int mitralCount() {
        return connectivity.mitralCount();
    }

    /** Number of GCs (outputs). */
    public int granuleCount() {
        return connectivity.granuleCount();
    }

    /** Weight of pair {@code pair} at the end of training, before the clamp. */
    public double learnedWeight(int pair) {
        return learned[pair];
    }

    /** Weight of pair {@code pair} after the clamp (what the readout uses). */
    public double weight(int pair) {
        return clamped[pair];
    }

    /** Weights at the end of training, in pair order (a copy). */
    public double[] learnedWeights() {
        return learned.clone();
    }

    /** Weights after the clamp, in pair order (a copy). */
    public double[] weights() {
        return clamped.clone();
    }

    /** Number of pairs whose weight survives the clamp (is nonzero). */
    public int survivingCount() {
        int c = 0;
        for (double w : clamped) {
            c += w != 0.0 ? 1 : 0;
        }
        return c;
    }

    /** Number of GCs with at least one surviving input weight. */
    public int granulesWithInput() {
        int c = 0;
        for (int j = 0; j < granuleCount(); j++) {
            for (int p = connectivity.pairStart(j); p < connectivity.pairStart(j + 1); p++) {
                if (clamped[p] != 0.0) {
                    c++;
                    break;
                }
            }
        }
        return c;
    }

    /**
     * How training left the pairs: {@code [at w_max, pruned to 0, untouched at the initial weight, other]}
     * (before the clamp).
     */
    public int[] outcomeCounts() {
        int[] c = new int[4];
        double max = layer.stdp().maxWeight();
        double initial = layer.stdp().initialWeight();
        for (double w : learned) {
            c[w == max ? 0 : w == 0.0 ? 1 : w == initial ? 2 : 3]++;
        }
        return c;
    }

    /**
     * GC phases of one sample (fast path; identical to {@link GranuleSimulator#phases}).
     *
     * @param mitralPhases the {@link #mitralCount()} MC phases (0 = silent, p in [1, cycle])
     * @return the {@link #granuleCount()} GC phases: 0 = silent, else {@code (t mod cycle) + 1}
     * @throws IllegalArgumentException naming the unit if the length or a phase is invalid
     */
    public byte[] phases(byte[] mitralPhases) {
        GranuleLayer.checkPhases(mitralPhases, mitralCount(), layer.neuron().cycleLength(), 1);
        byte[] out = new byte[granuleCount()];
        new GranuleDynamics(layer, connectivity).readout(clamped, mitralPhases, out);
        return out;
    }

    /**
     * GC phases of many samples, reusing one simulation state.
     *
     * @param mitralPhases per sample, the MC phases
     * @return per sample, the GC phases
     * @throws IllegalArgumentException naming the row (counted from 1) and unit of an invalid phase
     */
    public byte[][] phases(byte[][] mitralPhases) {
        GranuleLayer.checkPhases(connectivity, mitralPhases, layer.neuron().cycleLength());
        GranuleDynamics dynamics = new GranuleDynamics(layer, connectivity);
        byte[][] out = new byte[mitralPhases.length][granuleCount()];
        for (int i = 0; i < mitralPhases.length; i++) {
            dynamics.readout(clamped, mitralPhases[i], out[i]);
        }
        return out;
    }

    /**
     * A reader for one thread: reads samples one after the other, reusing its buffers (a {@code GranuleWeights}
     * itself is thread-safe; its readers are not).
     */
    public Reader reader() {
        return new Reader();
    }

    /** Reads GC phases sample by sample with reused buffers; see {@link GranuleWeights#reader()}. Not thread-safe. */
    public final class Reader {

        private final GranuleDynamics dynamics = new GranuleDynamics(layer, connectivity);

        private Reader() {}

        /**
         * GC phases of one sample, as {@link GranuleWeights#phases(byte[])}.
         *
         * @param mitralPhases the {@link #mitralCount()} MC phases
         * @param out receives the {@link #granuleCount()} GC phases
         * @throws IllegalArgumentException naming the unit if the length or a phase is invalid, or if {@code out}
         *                                  has the wrong length
         */
        public void phases(byte[] mitralPhases, byte[] out) {
            GranuleLayer.checkPhases(mitralPhases, mitralCount(), layer.neuron().cycleLength(), 1);
            if (out == null || out.length != granuleCount()) {
                throw new IllegalArgumentException("out must hold " + granuleCount() + " GC phases, got "
                        + (out == null ? "null" : out.length));
            }
            dynamics.readout(clamped, mitralPhases, out);
        }
    }

    private Object readResolve() throws InvalidObjectException {
        try {
            return new GranuleWeights(layer, connectivity, learned);
        } catch (IllegalArgumentException e) {
            throw new InvalidObjectException("corrupt GranuleWeights: " + e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GranuleWeights)) {
            return false;
        }
        GranuleWeights g = (GranuleWeights) o;
        return layer.equals(g.layer) && connectivity.equals(g.connectivity) && Arrays.equals(learned, g.learned);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * layer.hashCode() + connectivity.hashCode()) + Arrays.hashCode(learned);
    }

    @Override
    public String toString() {
        int[] c = outcomeCounts();
        return "GranuleWeights[" + mitralCount() + " MC -> " + granuleCount() + " GC, " + learned.length
                + " pairs: " + c[0] + " at w_max, " + c[1] + " pruned, " + c[2] + " untouched, " + c[3]
                + " other; " + survivingCount() + " survive the clamp]";
    }
}
