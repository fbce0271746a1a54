package org.hetquant.engine;

import java.util.Arrays;

/**
 * The fast GC layer: the same steps as {@link GranuleSimulator}, touching only what can change.
 *
 * <p>Why it is identical. A pair's weight changes only while it is <i>included</i> (not at w_max, both logs
 * set), and its change Δ-term and penalty are constant between two log entries of its MC or GC; so the
 * per-pair term is recomputed only when a log entry arrives, and only pairs whose weight moved on the previous
 * update are updated again (a pair whose {@code (w + dw) − penalty} rounds back to w stays put until its next
 * log entry; a pair at 0 or w_max never changes again). A GC at V_rest with no input stays exactly at V_rest
 * (every RK4 stage is 0), so only GCs with input or a displaced membrane are stepped; the refractory counter of
 * the others is advanced lazily. Every weight update, input sum (ascending MC order) and membrane step uses the
 * same expressions as the reference, so the results agree bit for bit.
 *
 * <p>Readout: GCs are released (reset to rest) once per cycle, so the readout starts from rest at the last
 * release before the final presentation cycle; earlier spikes cannot be the last one when that cycle has a spike.
 *
 * <p>Not thread-safe: one instance per thread.
 */
final class GranuleDynamics {

    /** "No entry" in the spike logs. */
    static final int NEVER = Integer.MIN_VALUE;

    private final double vRest;
    private final double vThreshold;
    private final double leak;
    private final double tau;
    private final double dt;
    private final int refractorySteps;
    private final int cycle;
    private final int release;
    private final int presentation;
    private final int window;
    private final int delay;
    private final double maxWeight;
    private final double prune;
    private final double alphaPlus;
    private final double alphaMinus;
    private final double tauPlus;
    private final double tauMinus;
    private final double penalty;
    private final double initialWeight;

    private final int mitralCount;
    private final int granuleCount;
    private final int[] pairStart;
    private final int[] pairSource;
    private final int[] pairTarget;
    /** Pairs of MC m at mcPairs[mcStart[m] .. mcStart[m+1]), ascending (hence ascending GC). */
    private final int[] mcStart;
    private final int[] mcPairs;

    // GC state.
    private final double[] v;
    /** Refractory counter at the start of step refractoryAt[j]. */
    private final int[] refractory;
    private final int[] refractoryAt;
    private final double[] input;
    /** Step at which GC j was last put on this step's work list (dedupes the list). */
    private final int[] listedAt;
    private int[] awake;
    private int awakeCount;
    private int[] work;
    /** Training: per sample and MC, its arrival offset in a GC cycle; per GC, the cached last offset. */
    private byte[][] arrivalOffsets = new byte[0][];
    private final int[] offsetSample;
    private final int[] lastOffset;
    private final int[] spikedNow;
    private int spikedNowCount;
    private final int[] spikedBefore;
    private int spikedBeforeCount;
    // Readout: per offset in a GC cycle, the summed input, valid where offsetToken equals token.
    private final double[] offsetInput;
    private final int[] offsetToken;
    private int token;
    // Readout: one GC's inputs (arrival offset in its cycle, weight, whether it arrives in the current cycle).
    private final int[] eventOffset;
    private final double[] eventWeight;
    private final boolean[] eventValid;
    private final int[] fullSpikeOffset;
    private final int[] cycleSpikeOffset;

    GranuleDynamics(GranuleLayer layer, GranuleConnectivity c) {
        NeuronParameters n = layer.neuron();
        StdpParameters stdp = layer.stdp();
        vRest = n.vRest();
        vThreshold = n.vThreshold();
        leak = n.leakConductance();
        tau = n.tauMembrane();
        dt = n.dt();
        refractorySteps = n.refractorySteps();
        cycle = n.cycleLength();
        release = n.releasePhase();
        presentation = n.presentationLength();
        window = presentation + layer.rinse();
        delay = stdp.delay();
        maxWeight = stdp.maxWeight();
        prune = stdp.pruneThreshold();
        alphaPlus = stdp.alphaPlus();
        alphaMinus = stdp.alphaMinus();
        tauPlus = stdp.tauPlus() / dt;
        tauMinus = stdp.tauMinus() / dt;
        penalty = stdp.nonCausationPenalty();
        initialWeight = stdp.initialWeight();

        mitralCount = c.mitralCount();
        granuleCount = c.granuleCount();
        int pairs = c.pairCount();
        pairStart = new int[granuleCount + 1];
        pairSource = new int[pairs];
        pairTarget = new int[pairs];
        mcStart = new int[mitralCount + 1];
        for (int j = 0; j <= granuleCount; j++) {
            pairStart[j] = c.pairStart(j);
        }
        for (int j = 0; j < granuleCount; j++) {
            for (int p = pairStart[j]; p < pairStart[j + 1]; p++) {
                pairSource[p] = c.pairSource(p);
                pairTarget[p] = j;
                mcStart[pairSource[p] + 1]++;
            }
        }
        for (int m = 0; m < mitralCount; m++) {
            mcStart[m + 1] += mcStart[m];
        }
        mcPairs = new int[pairs];
        int[] fill = Arrays.copyOf(mcStart, mitralCount);
        for (int p = 0; p < pairs; p++) {
            mcPairs[fill[pairSource[p]]++] = p;
        }

        v = new double[granuleCount];
        refractory = new int[granuleCount];
        refractoryAt = new int[granuleCount];
        input = new double[granuleCount];
        listedAt = new int[granuleCount];
        awake = new int[granuleCount];
        work = new int[granuleCount];
        spikedNow = new int[granuleCount];
        spikedBefore = new int[granuleCount];
        offsetSample = new int[granuleCount];
        lastOffset = new int[granuleCount];
        offsetInput = new double[cycle];
        offsetToken = new int[cycle];
        int fanIn = 0;
        for (int j = 0; j < granuleCount; j++) {
            fanIn = Math.max(fanIn, pairStart[j + 1] - pairStart[j]);
        }
        eventOffset = new int[fanIn];
        eventWeight = new double[fanIn];
        eventValid = new boolean[fanIn];
        fullSpikeOffset = new int[cycle];
        cycleSpikeOffset = new int[cycle];
    }

    /** The STDP term of one step for Δ = t_pre − t_post steps (docs/method.md §2(e)); τ in steps. */
    static double change(int delta, double alphaPlus, double tauPlus, double alphaMinus, double tauMinus) {
        if (delta < 0) {
            return alphaPlus * Math.exp(delta / tauPlus);
        }
        if (delta > 0) {
            return -alphaMinus * Math.exp(-delta / tauMinus);
        }
        return 0.0;
    }

    /** Clamp to [0, max] as torch.clamp. */
    static double clamp(double w, double max) {
        return Math.min(Math.max(w, 0.0), max);
    }

    /**
     * MC spike schedule of some samples: MCs firing at offset o of every cycle of sample i's presentation are
     * {@code mc[start[i·cycle + o] .. start[i·cycle + o + 1])}, ascending.
     */
    private static final class Schedule {
        final int[] start;
        final int[] mc;

        Schedule(byte[][] phases, int cycle) {
            int samples = phases.length;
            start = new int[samples * cycle + 1];
            int total = 0;
            for (byte[] row : phases) {
                for (byte p : row) {
                    total += p != 0 ? 1 : 0;
                }
            }
            mc = new int[total];
            for (int i = 0; i < samples; i++) {
                for (byte p : phases[i]) {
                    if (p != 0) {
                        start[i * cycle + p]++;
                    }
                }
            }
            for (int k = 0; k < samples * cycle; k++) {
                start[k + 1] += start[k];
            }
            int[] fill = Arrays.copyOf(start, samples * cycle);
            for (int i = 0; i < samples; i++) {
                for (int m = 0; m < phases[i].length; m++) {
                    int p = phases[i][m];
                    if (p != 0) {
                        mc[fill[i * cycle + p - 1]++] = m;
                    }
                }
            }
        }
    }

    /** Index into the schedule's start array of the MCs spiking at global step t, or −1 if none can. */
    private int slot(long t, int samples) {
        if (t < 0) {
            return -1;
        }
        long sample = t / window;
        int k = (int) (t % window);
        if (sample >= samples || k >= presentation) {
            return -1;
        }
        return (int) sample * cycle + k % cycle;
    }

    /** STDP training over the samples in order; returns the weights at the end (before the clamp). */
    double[] train(byte[][] phases) {
        long total = (long) phases.length * window;
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("too many training samples: " + phases.length + " × " + window
                    + " steps exceeds " + Integer.MAX_VALUE + " steps");
        }
        Schedule schedule = new Schedule(phases, cycle);
        // Per sample and MC, the offset of its arrival within a GC cycle (−1: silent).
        arrivalOffsets = new byte[phases.length][mitralCount];
        for (int i = 0; i < phases.length; i++) {
            for (int m = 0; m < mitralCount; m++) {
                int phase = phases[i][m];
                arrivalOffsets[i][m] = (byte) (phase == 0 ? -1 : Math.floorMod(phase - 1 + delay - release, cycle));
            }
        }
        Arrays.fill(offsetSample, -1);
        int pairs = pairSource.length;
        double[] w = new double[pairs];
        Arrays.fill(w, initialWeight);
        double[] dw = new double[pairs];
        double[] pen = new double[pairs];
        boolean[] active = new boolean[pairs];
        int[] activeList = new int[pairs];
        int activeCount = 0;
        int[] preLog = new int[mitralCount];
        int[] postLog = new int[granuleCount];
        Arrays.fill(preLog, NEVER);
        Arrays.fill(postLog, NEVER);
        resetCells(0);
        spikedBeforeCount = 0;

        for (int s = 0; s < total; s++) {
            // 1. Log entries, then the new terms of the pairs they touch.
            int logSlot = slot((long) s - 1 - delay, phases.length);
            if (logSlot >= 0) {
                for (int i = schedule.start[logSlot]; i < schedule.start[logSlot + 1]; i++) {
                    preLog[schedule.mc[i]] = s;
                }
            }
            for (int i = 0; i < spikedBeforeCount; i++) {
                postLog[spikedBefore[i]] = s;
            }
            if (logSlot >= 0) {
                for (int i = schedule.start[logSlot]; i < schedule.start[logSlot + 1]; i++) {
                    int m = schedule.mc[i];
                    for (int k = mcStart[m]; k < mcStart[m + 1]; k++) {
                        activeCount = refresh(mcPairs[k], w, dw, pen, active, activeList, activeCount, preLog, postLog);
                    }
                }
            }
            for (int i = 0; i < spikedBeforeCount; i++) {
                int j = spikedBefore[i];
                for (int p = pairStart[j]; p < pairStart[j + 1]; p++) {
                    activeCount = refresh(p, w, dw, pen, active, activeList, activeCount, preLog, postLog);
                }
            }
            // 2. Update the moving pairs; keep those that moved and are neither pruned nor at w_max.
            int kept = 0;
            for (int i = 0; i < activeCount; i++) {
                int p = activeList[i];
                double old = w[p];
                double now = clamp(Math.abs(old) < prune ? 0.0 : (old + dw[p]) - pen[p], maxWeight);
                w[p] = now;
                if (now != old && now != 0.0 && now != maxWeight) {
                    activeList[kept++] = p;
                } else {
                    active[p] = false;
                }
            }
            activeCount = kept;
            // 3-4. Inputs and GC steps.
            step(s, w, schedule, slot((long) s - delay, phases.length));
            System.arraycopy(spikedNow, 0, spikedBefore, 0, spikedNowCount);
            spikedBeforeCount = spikedNowCount;
        }
        return w;
    }

    /** Recomputes pair p's term from the logs; returns the new active count. */
    private int refresh(int p, double[] w, double[] dw, double[] pen, boolean[] active, int[] activeList,
            int activeCount, int[] preLog, int[] postLog) {
        double weight = w[p];
        int pre = preLog[pairSource[p]];
        int post = postLog[pairTarget[p]];
        if (weight == maxWeight || weight == 0.0 || pre == NEVER || post == NEVER) {
            return activeCount;
        }
        int delta = pre - post;
        dw[p] = change(delta, alphaPlus, tauPlus, alphaMinus, tauMinus);
        pen[p] = delta < -cycle ? penalty : 0.0;
        if (!active[p]) {
            active[p] = true;
            activeList[activeCount++] = p;
        }
        return activeCount;
    }

    /**
     * GC phases of one sample from rest, learning off. GC by GC and cycle by cycle: a GC cycle starts at rest
     * (release), each MC's spike arrives at most once in it, and a GC without input cannot rise, so a cycle is
     * stepped from its first input to one step after its last (when a crossing on the last input step is
     * emitted). Cycles that receive every input (all but the presentation's edges) behave alike, so that
     * pattern is stepped once per GC.
     *
     * @param w the clamped weights
     * @param phases the MC phases (validated)
     * @param out receives the GC phases
     */
    void readout(double[] w, byte[] phases, byte[] out) {
        int readoutStart = presentation - cycle;
        // The GC cycle containing the first readout step begins at rest; earlier spikes cannot be the last one.
        int first = readoutStart - Math.floorMod(readoutStart - release, cycle);
        for (int j = 0; j < granuleCount; j++) {
            int events = 0;
            for (int p = pairStart[j]; p < pairStart[j + 1]; p++) {
                int phase = phases[pairSource[p]];
                // A zero weight adds exactly 0.0 to the input sum: skipping it changes nothing.
                if (phase != 0 && w[p] != 0.0) {
                    // Offset, within every cycle c0 ≡ first, of the arrival of the MC's spike (ascending MC order).
                    eventOffset[events] = Math.floorMod(phase - 1 + delay - first, cycle);
                    eventWeight[events] = w[p];
                    events++;
                }
            }
            int last = -1;
            boolean inReadout = false;
            int fullSpikes = -1;
            for (int c0 = first; c0 < window && events > 0; c0 += cycle) {
                int valid = 0;
                for (int e = 0; e < events; e++) {
                    int a = c0 + eventOffset[e];
                    eventValid[e] = a - delay >= 0 && a - delay < presentation && a < window;
                    valid += eventValid[e] ? 1 : 0;
                }
                int spikes;
                if (valid == 0) {
                    continue;
                } else if (valid == events && fullSpikes >= 0) {
                    spikes = fullSpikes;
                } else {
                    spikes = stepCycle(c0, events, valid == events ? fullSpikeOffset : cycleSpikeOffset);
                    if (valid == events) {
                        fullSpikes = spikes;
                    }
                }
                int[] offsets = valid == events ? fullSpikeOffset : cycleSpikeOffset;
                for (int i = 0; i < spikes; i++) {
                    int t = c0 + offsets[i];
                    if (t < window) {
                        last = t;
                        inReadout |= t >= readoutStart && t < presentation;
                    }
                }
            }
            out[j] = inReadout ? (byte) (last % cycle + 1) : 0;
        }
    }

    /**
     * Steps one GC cycle starting at c0 from rest with the valid events; writes the spike offsets (relative to
     * c0) into {@code spikeOffsets} and returns their number.
     */
    private int stepCycle(int c0, int events, int[] spikeOffsets) {
        token++;
        int lo = cycle;
        int hi = -1;
        for (int e = 0; e < events; e++) {
            if (eventValid[e]) {
                int o = eventOffset[e];
                if (offsetToken[o] != token) {
                    offsetToken[o] = token;
                    offsetInput[o] = 0.0;
                }
                offsetInput[o] += eventWeight[e];
                lo = Math.min(lo, o);
                hi = Math.max(hi, o);
            }
        }
        int spikes = 0;
        double u = vRest;
        int r = 0;
        int end = Math.min(hi + 1, cycle - 1);
        for (int o = lo; o <= end; o++) {
            if (u >= vThreshold) {
                spikeOffsets[spikes++] = o;
                if (o + refractorySteps > end) {
                    // Held at rest for the rest of the stepped range: no further spike.
                    break;
                }
                u = vRest;
                r += refractorySteps;
            }
            u = Lif.rk4(u, (offsetToken[o] == token ? offsetInput[o] : 0.0) / leak, vRest, tau, dt);
            if (u >= vThreshold) {
                u = vThreshold;
            }
            if (r > 0 && u > vRest) {
                u = vRest;
            }
            r = Math.max(r - 1, 0);
            if ((c0 + o + 1) % cycle == release) {
                r = 0;
                u = vRest;
            }
        }
        return spikes;
    }

    private void resetCells(int step) {
        Arrays.fill(v, vRest);
        Arrays.fill(refractory, 0);
        Arrays.fill(refractoryAt, step);
        Arrays.fill(listedAt, -1);
        awakeCount = 0;
        spikedNowCount = 0;
    }

    /**
     * One step of the GCs that can move: those with input at step s (MCs spiking at s − delay, whose schedule
     * slot is {@code arrivalSlot}) and those whose membrane is off rest. Fills spikedNow.
     */
    private void step(int s, double[] w, Schedule schedule, int arrivalSlot) {
        int count = 0;
        for (int i = 0; i < awakeCount; i++) {
            int j = awake[i];
            listedAt[j] = s;
            input[j] = 0.0;
            work[count++] = j;
        }
        if (arrivalSlot >= 0) {
            for (int i = schedule.start[arrivalSlot]; i < schedule.start[arrivalSlot + 1]; i++) {
                int m = schedule.mc[i];
                for (int k = mcStart[m]; k < mcStart[m + 1]; k++) {
                    int p = mcPairs[k];
                    int j = pairTarget[p];
                    if (listedAt[j] != s) {
                        listedAt[j] = s;
                        input[j] = 0.0;
                        work[count++] = j;
                    }
                    input[j] += w[p];
                }
            }
        }
        spikedNowCount = 0;
        awakeCount = 0;
        boolean released = (s + 1) % cycle == release;
        // The GC cycle of step s began after the release at the end of step cycleStart − 1.
        int cycleStart = s - Math.floorMod(s - release, cycle);
        int sample = interiorSample(cycleStart);
        for (int i = 0; i < count; i++) {
            int j = work[i];
            int r = refractoryAt(j, s, cycleStart);
            double u = v[j];
            if (r > 0 && u == vRest) {
                // At rest it cannot spike, and a refractory cell is held at rest whatever its input: nothing
                // changes but the counter, which is kept lazily.
                continue;
            }
            if (u >= vThreshold) {
                spikedNow[spikedNowCount++] = j;
                u = vRest;
                r += refractorySteps;
            }
            u = Lif.rk4(u, input[j] / leak, vRest, tau, dt);
            if (u >= vThreshold) {
                u = vThreshold;
            }
            if (r > 0 && u > vRest) {
                u = vRest;
            }
            r = Math.max(r - 1, 0);
            if (released) {
                r = 0;
                u = vRest;
            }
            refractory[j] = r;
            refractoryAt[j] = s + 1;
            if (u != vRest && u < vThreshold && !arrivesLater(j, s, cycleStart, sample, w)) {
                // No input reaches this GC before its release resets it, and without input it cannot rise: the
                // decay it would go through is never observed, so it rests from now on.
                u = vRest;
            }
            v[j] = u;
            if (u != vRest) {
                awake[awakeCount++] = j;
            }
        }
    }

    /**
     * The training sample all of whose arrivals in the GC cycle starting at cycleStart come from its
     * presentation, or −1 if the cycle is at a presentation's edge (see arrivesLater).
     */
    private int interiorSample(int cycleStart) {
        long first = (long) cycleStart - delay;
        if (first < 0) {
            return -1;
        }
        long sample = first / window;
        boolean inside = sample < arrivalOffsets.length && first + cycle - 1 < sample * window + presentation;
        return inside ? (int) sample : -1;
    }

    /**
     * Whether GC j may still receive input after step s in its current cycle (training). In a cycle whose
     * arrivals all come from one sample's presentation ({@code sample} ≥ 0), each MC of that sample with a phase
     * arrives exactly once, at a fixed offset; the last such offset over the GC's nonzero weights is cached per
     * GC and sample. A weight that dies later only keeps the GC stepped longer than needed. Cycles at a
     * presentation's edge are not analysed: there the GC is stepped until its release.
     */
    private boolean arrivesLater(int j, int s, int cycleStart, int sample, double[] w) {
        if (sample < 0) {
            return true;
        }
        if (offsetSample[j] != sample) {
            byte[] offsets = arrivalOffsets[sample];
            int latest = -1;
            for (int p = pairStart[j]; p < pairStart[j + 1]; p++) {
                if (w[p] != 0.0) {
                    latest = Math.max(latest, offsets[pairSource[p]]);
                }
            }
            offsetSample[j] = sample;
            lastOffset[j] = latest;
        }
        return cycleStart + lastOffset[j] > s;
    }

    /**
     * Refractory counter of GC j at the start of step s, advancing its lazily kept value; cycleStart is the first
     * step of the GC cycle containing s (a release at the end of step cycleStart − 1 zeroed every counter).
     */
    private int refractoryAt(int j, int s, int cycleStart) {
        int t = refractoryAt[j];
        int r = refractory[j];
        if (s == t || r == 0) {
            return r;
        }
        if (cycleStart - 1 >= t) {
            return 0;
        }
        return Math.max(r - (s - t), 0);
    }
}
