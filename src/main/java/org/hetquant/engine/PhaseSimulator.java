package org.hetquant.engine;

/**
 * Reference step simulator of one MC under oscillatory inhibition (docs/method.md §2(b)): it presents a constant drive
 * for one presentation and reads out the spike phase of the last cycle.
 *
 * <p>This is the ground truth the fast {@link PhaseTable} is built from and tested against, so it copies the
 * per-step order of docs/method.md §2(b) literally rather than being clever. Each call costs {@code presentationLength}
 * RK4 steps. Immutable and thread-safe.
 */
public final class PhaseSimulator {

    private final NeuronParameters parameters;
    /** {@code oscillatorWeight·osc(k)} for every step of the presentation; it does not depend on the drive. */
    private final double[] oscillatorCurrent;

    public PhaseSimulator(NeuronParameters parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("parameters must not be null");
        }
        this.parameters = parameters;
        this.oscillatorCurrent = new double[parameters.presentationLength()];
        for (int k = 0; k < oscillatorCurrent.length; k++) {
            oscillatorCurrent[k] = parameters.oscillatorWeight() * parameters.oscillator(k);
        }
    }

    public NeuronParameters parameters() {
        return parameters;
    }

    /**
     * Recorded phase for a constant drive over one presentation that starts on a cycle boundary, from rest.
     *
     * @param drive ET→MC synaptic input {@code w·v} (dimensionless current units); any double, NaN and
     *              infinities make the membrane NaN, which never reaches threshold, so they read out 0
     * @return {@code (d mod cycle) + 1} where d is the step index of the last spike, if it fell in the last
     *         cycle of the presentation; 0 otherwise
     */
    public int phase(double drive) {
        final double vRest = parameters.vRest();
        final double vThreshold = parameters.vThreshold();
        final double gL = parameters.leakConductance();
        final double tau = parameters.tauMembrane();
        final double dt = parameters.dt();
        final int refractorySteps = parameters.refractorySteps();
        final int cycle = parameters.cycleLength();
        final int release = parameters.releasePhase();
        final int steps = oscillatorCurrent.length;

        double v = vRest;
        int refractory = 0;
        int lastSpike = -1;
        for (int k = 0; k < steps; k++) {
            // 1-2. The spike output of this step is the crossing detected at the end of the previous one.
            if (v >= vThreshold) {
                lastSpike = k;
                v = vRest;
                refractory += refractorySteps;
            }
            // 3. One classical RK4 step with the input current held constant.
            v = Lif.rk4(v, (drive + oscillatorCurrent[k]) / gL, vRest, tau, dt);
            // 4. Clamp; the spike itself is emitted by rule 1 of the next step.
            if (v >= vThreshold) {
                v = vThreshold;
            }
            // 5. Refractory cells cannot depolarize above rest.
            if (refractory > 0 && v > vRest) {
                v = vRest;
            }
            refractory = Math.max(refractory - 1, 0);
            // 6. Release at every cycle start: no state carries over between cycles.
            if ((k + 1) % cycle == release) {
                refractory = 0;
                v = vRest;
            }
        }
        return lastSpike >= steps - cycle ? lastSpike % cycle + 1 : 0;
    }
}
