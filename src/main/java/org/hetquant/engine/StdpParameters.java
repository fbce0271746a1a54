package org.hetquant.engine;

import java.io.Serializable;

/**
 * Parameters of the plastic MC→GC synapse, the authors' {@code DecaySTDP} (docs/method.md §2(e), §3).
 *
 * <p>While learning, every included pair (j, m) changes on <b>every step</b> by
 * {@code +alphaPlus·exp(Δ/τ+)} if Δ &lt; 0 or {@code −alphaMinus·exp(−Δ/τ−)} if Δ &gt; 0, where
 * {@code Δ = t_pre − t_post} is the difference, in steps, between the latest arrival of MC m's spike at the
 * synapse (after {@link #delay()} steps) and the latest spike of GC j; a pair whose pre-synaptic arrival is
 * more than one cycle older than the post-synaptic spike also loses {@link #nonCausationPenalty()}. Weights are
 * clamped to [0, {@link #maxWeight()}]; a weight below 0.001·maxWeight is pruned to 0 for good, and a weight at
 * maxWeight is no longer updated. The authors' weight decay is 0 in the paper and is not modelled.
 *
 * <p>Units: weights in the GC's input-current units, times in ms of the GC neuron's time step (the paper uses
 * dt = 1 ms, so ms and steps coincide). Immutable; {@link #PAPER} holds the published values.
 */
public final class StdpParameters implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The prune threshold as a fraction of {@link #maxWeight()} (the authors' {@code W_EPSILON}). */
    public static final double PRUNE_FRACTION = 0.001;

    /**
     * Published values (docs/method.md §3, {@code MC--GC.yaml}): initial weight 25, w_max 30, delay 25, τ+ = τ− = 4,
     * α+ 0.3125, α− 1.25, non-causation penalty 50.
     */
    public static final StdpParameters PAPER = new StdpParameters(25.0, 30.0, 25, 4.0, 4.0, 0.3125, 1.25, 50.0);

    private final double initialWeight;
    private final double maxWeight;
    private final int delay;
    private final double tauPlus;
    private final double tauMinus;
    private final double alphaPlus;
    private final double alphaMinus;
    private final double nonCausationPenalty;

    private StdpParameters(double initialWeight, double maxWeight, int delay, double tauPlus, double tauMinus,
            double alphaPlus, double alphaMinus, double nonCausationPenalty) {
        if (!(maxWeight > 0) || !Double.isFinite(maxWeight)) {
            throw new IllegalArgumentException("maxWeight must be finite and > 0, got " + maxWeight);
        }
        double prune = PRUNE_FRACTION * maxWeight;
        if (!(initialWeight >= prune && initialWeight <= maxWeight)) {
            throw new IllegalArgumentException("initialWeight must be in [" + prune + ", maxWeight = " + maxWeight
                    + "] (below " + PRUNE_FRACTION + "·maxWeight every weight would be pruned at once), got "
                    + initialWeight);
        }
        if (delay < 0 || delay > 100_000) {
            throw new IllegalArgumentException("delay must be in [0, 100000] steps, got " + delay);
        }
        requirePositive("tauPlus", tauPlus);
        requirePositive("tauMinus", tauMinus);
        requireNonNegative("alphaPlus", alphaPlus);
        requireNonNegative("alphaMinus", alphaMinus);
        requireNonNegative("nonCausationPenalty", nonCausationPenalty);
        this.initialWeight = initialWeight;
        this.maxWeight = maxWeight;
        this.delay = delay;
        this.tauPlus = tauPlus;
        this.tauMinus = tauMinus;
        this.alphaPlus = alphaPlus;
        this.alphaMinus = alphaMinus;
        this.nonCausationPenalty = nonCausationPenalty;
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, got " + value);
        }
    }

    /** Weight of every connected pair before training; in [0.001·maxWeight, maxWeight]. Paper: 25. */
    public double initialWeight() { return initialWeight; }

    /** Upper clamp w_max; a pair that reaches it is "differentiated" and frozen; finite, &gt; 0. Paper: 30. */
    public double maxWeight() { return maxWeight; }

    /** Transmission delay of MC spikes to the GCs, in steps; in [0, 100000]. Paper: 25. */
    public int delay() { return delay; }

    /** Potentiation time constant τ+ in ms; finite, &gt; 0. Paper: 4. */
    public double tauPlus() { return tauPlus; }

    /** Depression time constant τ− in ms; finite, &gt; 0. Paper: 4. */
    public double tauMinus() { return tauMinus; }

    /** Potentiation amplitude α+ per step; finite, ≥ 0. Paper: 0.3125. */
    public double alphaPlus() { return alphaPlus; }

    /** Depression amplitude α− per step; finite, ≥ 0. Paper: 1.25. */
    public double alphaMinus() { return alphaMinus; }

    /** Subtracted per step when the pre-synaptic arrival is over one cycle older than the post spike; ≥ 0. Paper: 50. */
    public double nonCausationPenalty() { return nonCausationPenalty; }

    /** Weights with |w| below this are pruned to 0: {@link #PRUNE_FRACTION}·maxWeight. */
    public double pruneThreshold() {
        return PRUNE_FRACTION * maxWeight;
    }

    public StdpParameters withInitialWeight(double value) {
        return new StdpParameters(value, maxWeight, delay, tauPlus, tauMinus, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withMaxWeight(double value) {
        return new StdpParameters(initialWeight, value, delay, tauPlus, tauMinus, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withDelay(int value) {
        return new StdpParameters(initialWeight, maxWeight, value, tauPlus, tauMinus, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withTauPlus(double value) {
        return new StdpParameters(initialWeight, maxWeight, delay, value, tauMinus, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withTauMinus(double value) {
        return new StdpParameters(initialWeight, maxWeight, delay, tauPlus, value, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withAlphaPlus(double value) {
        return new StdpParameters(initialWeight, maxWeight, delay, tauPlus, tauMinus, value, alphaMinus,
                nonCausationPenalty);
    }

    public StdpParameters withAlphaMinus(double value) {
        return new StdpParameters(initialWeight, maxWeight, delay, tauPlus, tauMinus, alphaPlus, value,
                nonCausationPenalty);
    }

    public StdpParameters withNonCausationPenalty(double value) {
        return new StdpParameters(initialWeight, maxWeight, delay, tauPlus, tauMinus, alphaPlus, alphaMinus, value);
    }

    /** Re-validates on deserialization, so a tampered stream cannot produce an invalid instance. */
    private Object readResolve() {
        return new StdpParameters(initialWeight, maxWeight, delay, tauPlus, tauMinus, alphaPlus, alphaMinus,
                nonCausationPenalty);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StdpParameters)) {
            return false;
        }
        StdpParameters p = (StdpParameters) o;
        return Double.compare(initialWeight, p.initialWeight) == 0 && Double.compare(maxWeight, p.maxWeight) == 0
                && delay == p.delay && Double.compare(tauPlus, p.tauPlus) == 0
                && Double.compare(tauMinus, p.tauMinus) == 0 && Double.compare(alphaPlus, p.alphaPlus) == 0
                && Double.compare(alphaMinus, p.alphaMinus) == 0
                && Double.compare(nonCausationPenalty, p.nonCausationPenalty) == 0;
    }

    @Override
    public int hashCode() {
        int h = Double.hashCode(initialWeight);
        h = 31 * h + Double.hashCode(maxWeight);
        h = 31 * h + delay;
        h = 31 * h + Double.hashCode(tauPlus);
        h = 31 * h + Double.hashCode(tauMinus);
        h = 31 * h + Double.hashCode(alphaPlus);
        h = 31 * h + Double.hashCode(alphaMinus);
        return 31 * h + Double.hashCode(nonCausationPenalty);
    }

    @Override
    public String toString() {
        return "StdpParameters[w0=" + initialWeight + ", wMax=" + maxWeight + ", delay=" + delay + ", tau+="
                + tauPlus + ", tau-=" + tauMinus + ", alpha+=" + alphaPlus + ", alpha-=" + alphaMinus
                + ", penalty=" + nonCausationPenalty + "]";
    }
}
