package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The GC layer's behaviour against hand-computed cases of docs/method.md §2(e): coincidence detection, the 25-step delay
 * and one-step log offsets, STDP on every step, the non-causation penalty, pruning and the post-training clamp.
 * Each case runs on both the fast path and the reference.
 */
class GranuleLayerTest {

    /** One GC fed by every MC. */
    private static GranuleConnectivity allToOne(int mitrals) {
        boolean[][] c = new boolean[1][mitrals];
        java.util.Arrays.fill(c[0], true);
        return GranuleConnectivity.of(c);
    }

    /** The paper's layer with a single 50-step presentation and no rinse: one cycle of training per sample. */
    private static GranuleLayer oneCycle(StdpParameters stdp) {
        NeuronParameters neuron = GranuleLayer.PAPER_NEURON.withPresentationLength(50);
        return GranuleLayer.of(neuron, stdp, 0, 29.0);
    }

    private static double[] trainBoth(GranuleLayer layer, GranuleConnectivity c, byte[][] phases) {
        double[] fast = layer.train(c, phases).learnedWeights();
        assertArrayEquals(new GranuleSimulator(layer).train(c, phases).learnedWeights(), fast, 0.0);
        return fast;
    }

    private static byte[] readBoth(GranuleWeights w, byte[] phases) {
        byte[] fast = w.phases(phases);
        assertArrayEquals(new GranuleSimulator(w.layer()).phases(w, phases), fast);
        return fast;
    }

    @Test
    void oneInputAtWmaxDoesNotFireTwoCoincidentInputsDo() {
        GranuleWeights w = new GranuleWeights(GranuleLayer.PAPER, allToOne(2), new double[] {30, 30});
        // One input of 30 lifts the membrane by 30·(1 − R) = 6.64 mV (R = RK4 decay per step at dt/τ = 1/4): short
        // of the 10 mV to threshold.
        assertArrayEquals(new byte[] {0}, readBoth(w, new byte[] {2, 0}));
        // Two at once cross on the arrival step, offset (p − 1) + 25, and the spike is emitted one step later:
        // GC phase = p + 26.
        assertArrayEquals(new byte[] {28}, readBoth(w, new byte[] {2, 2}));
        assertArrayEquals(new byte[] {43}, readBoth(w, new byte[] {17, 17}));
        // One step apart: 6.64·R + 6.64 = 11.8 mV crosses on the second arrival.
        assertArrayEquals(new byte[] {29}, readBoth(w, new byte[] {2, 3}));
        // Three steps apart the first input has decayed too far: 6.64·R³ + 6.64 = 9.8 mV.
        assertArrayEquals(new byte[] {0}, readBoth(w, new byte[] {2, 5}));
    }

    @Test
    void potentiationAppliesOnEveryStepFromTheOffsetLogs() {
        // MCs 0 and 1 fire at offset 1 (phase 2): arrivals at step 26 fire the GC, which spikes at step 27. The
        // synapse logs the arrival at 27 (its delayed view is one step old) and the GC spike at 28 (the GC is
        // updated after the synapse), so from step 28 on Δ = 27 − 28 = −1 and both weights gain
        // α+·exp(−1/4) on each of the steps 28..49.
        StdpParameters stdp = StdpParameters.PAPER.withAlphaPlus(0.01);
        double[] w = trainBoth(oneCycle(stdp), allToOne(3), new byte[][] {{2, 2, 0}});
        double expected = 25.0;
        for (int s = 28; s <= 49; s++) {
            expected = expected + 0.01 * Math.exp(-1 / 4.0);
        }
        assertEquals(expected, w[0], 0.0);
        assertEquals(expected, w[1], 0.0);
        // MC 2 never fired: excluded, untouched.
        assertEquals(25.0, w[2], 0.0);
    }

    @Test
    void paperRatesDifferentiateWithinOneCycleAndTheClampKeepsOnlyThose() {
        GranuleWeights w = GranuleLayer.PAPER.train(allToOne(3), new byte[][] {{2, 2, 0}});
        assertArrayEquals(new double[] {30, 30, 25}, w.learnedWeights(), 0.0);
        assertArrayEquals(new double[] {30, 30, 0}, w.weights(), 0.0);
        assertArrayEquals(new int[] {2, 0, 1, 0}, w.outcomeCounts());
        assertEquals(2, w.survivingCount());
        assertEquals(1, w.granulesWithInput());
    }

    @Test
    void depressionWhenThePreSpikeArrivesAfterThePostSpike() {
        // MC 2 (phase 5) arrives at step 29, after the GC's spike at 27: logged at 30, Δ = 30 − 28 = +2, so from
        // step 30 it loses α−·exp(−2/4) per step (20 steps, 30..49). The refractory GC ignores that input.
        double[] w = trainBoth(oneCycle(StdpParameters.PAPER), allToOne(3), new byte[][] {{2, 2, 5}});
        double expected = 25.0;
        for (int s = 30; s <= 49; s++) {
            expected = expected + -1.25 * Math.exp(-2 / 4.0);
        }
        assertEquals(expected, w[2], 0.0);
        assertEquals(30.0, w[0], 0.0);
    }

    @Test
    void nonCausationPenaltyRemovesAnInputOlderThanOneCycle() {
        // No depression, so only the penalty can remove MC 0 (phase 10, never enough to fire the GC alone).
        GranuleLayer layer = GranuleLayer.PAPER.withStdp(StdpParameters.PAPER.withAlphaMinus(0.0));
        byte[] withA = {10, 2, 2};
        byte[] withoutA = {0, 2, 2};
        double[] one = trainBoth(layer, allToOne(3), new byte[][] {withA});
        assertTrue(one[0] > 25.0 && one[0] < 25.001, "tiny potentiation only: " + one[0]);
        // In the second sample the GC fires at 327 while MC 0's last arrival was logged at 235: Δ = −93 < −50.
        double[] two = trainBoth(layer, allToOne(3), new byte[][] {withA, withoutA});
        assertEquals(0.0, two[0], 0.0);
        assertEquals(30.0, two[1], 0.0);
    }

    @Test
    void weightsBelowTheThousandthOfWmaxArePruned() {
        // Every weight starts just above the prune threshold 0.03; a GC threshold 0.01 mV above rest lets the two
        // phase-2 inputs fire it. MC 2 (phase 5) then loses 1e-4 per step from step 30: below 0.03 after step 40
        // and pruned to 0 on the next step, where 20 steps of depression alone would leave 0.029.
        double alphaMinus = 1e-4 / Math.exp(-2 / 4.0);
        StdpParameters stdp = StdpParameters.PAPER.withInitialWeight(0.031).withAlphaMinus(alphaMinus);
        NeuronParameters sensitive = GranuleLayer.PAPER_NEURON.withPresentationLength(50).withVThreshold(-59.99);
        double[] w = trainBoth(GranuleLayer.of(sensitive, stdp, 0, 29.0), allToOne(3), new byte[][] {{2, 2, 5}});
        assertEquals(0.0, w[2], 0.0);
    }

    @Test
    void clampKeepsOnlyWeightsAboveTheThreshold() {
        GranuleWeights w = new GranuleWeights(GranuleLayer.PAPER, allToOne(3), new double[] {29.0, 29.5, 0.0});
        assertArrayEquals(new double[] {0.0, 29.5, 0.0}, w.weights(), 0.0);
        assertEquals(1, w.survivingCount());
    }

    @Test
    void paperLayerParameters() {
        NeuronParameters n = GranuleLayer.PAPER.neuron();
        assertEquals(-50.0, n.vThreshold());
        assertEquals(25, n.releasePhase());
        assertEquals(-60.0, n.vRest());
        assertEquals(4.0, n.tauMembrane());
        assertEquals(50, n.refractorySteps());
        assertEquals(50, n.cycleLength());
        assertEquals(250, n.presentationLength());
        StdpParameters s = GranuleLayer.PAPER.stdp();
        assertEquals(25.0, s.initialWeight());
        assertEquals(30.0, s.maxWeight());
        assertEquals(25, s.delay());
        assertEquals(0.3125, s.alphaPlus());
        assertEquals(1.25, s.alphaMinus());
        assertEquals(50.0, s.nonCausationPenalty());
        assertEquals(0.03, s.pruneThreshold(), 1e-15);
        assertEquals(50, GranuleLayer.PAPER.rinse());
        assertEquals(29.0, GranuleLayer.PAPER.clampThreshold());
        assertEquals(128, GranuleLayer.granuleCount(32, GranuleLayer.PAPER_GRANULES_PER_MITRAL));
    }

    @Test
    void invalidInputIsNamed() {
        GranuleConnectivity c = allToOne(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GranuleLayer.PAPER.train(c, new byte[][] {{2, 2, 2}, {2, 51, 0}}));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("MC 1")
                && e.getMessage().contains("51") && e.getMessage().contains("[0, 50]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> GranuleLayer.PAPER.train(c, new byte[][] {{2, 2}}));
        assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("expected 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GranuleLayer.PAPER.withNeuron(NeuronParameters.DEFAULT));
        assertTrue(e.getMessage().contains("oscillatorWeight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GranuleLayer.PAPER.withRinse(30));
        assertTrue(e.getMessage().contains("rinse") && e.getMessage().contains("30"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StdpParameters.PAPER.withInitialWeight(31));
        assertTrue(e.getMessage().contains("initialWeight"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StdpParameters.PAPER.withAlphaPlus(-1));
        assertTrue(e.getMessage().contains("alphaPlus"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> StdpParameters.PAPER.withDelay(-1));
        assertTrue(e.getMessage().contains("delay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GranuleLayer.granuleCount(32, 0));
        assertTrue(e.getMessage().contains("granulesPerMitral"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GranuleWeights(GranuleLayer.PAPER, c, new double[] {1, 2}));
        assertTrue(e.getMessage().contains("one weight per connected pair (3)"), e.getMessage());
    }

    @Test
    void weightsSerializeAndReadOutTheSame() throws Exception {
        GranuleConnectivity c = GranuleConnectivity.random(16, 64, 0.25, 7);
        byte[][] phases = GranuleIdentityTest.phases(new java.util.SplittableRandom(3), 6, 16, 17);
        GranuleWeights w = GranuleLayer.PAPER.train(c, phases);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(w);
        }
        GranuleWeights back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (GranuleWeights) in.readObject();
        }
        assertEquals(w, back);
        assertArrayEquals(w.weights(), back.weights(), 0.0);
        for (byte[] row : phases) {
            assertArrayEquals(w.phases(row), back.phases(row));
        }
    }
}
