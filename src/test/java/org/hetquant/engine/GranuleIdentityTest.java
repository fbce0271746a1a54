package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.hetquant.experiment.SyntheticSession;
import org.junit.jupiter.api.Test;

/**
 * The fast GC layer ({@link GranuleLayer#train}, {@link GranuleWeights#phases}) against the reference step
 * simulation ({@link GranuleSimulator}): learned weights bit for bit and GC phases, on random layers, parameters
 * and phases, and on the paper's layer at n = 4 and 8 with MC phases from real encodings.
 */
class GranuleIdentityTest {

    @Test
    void randomLayersAndParametersGiveIdenticalWeightsAndPhases() {
        SplittableRandom random = new SplittableRandom(20251);
        int nontrivial = 0;
        for (int c = 0; c < 300; c++) {
            GranuleLayer layer = randomLayer(random);
            int cycle = layer.neuron().cycleLength();
            int mc = 1 + random.nextInt(30);
            int gc = 1 + random.nextInt(40);
            GranuleConnectivity connectivity =
                    GranuleConnectivity.random(mc, gc, random.nextDouble(), random.nextLong());
            byte[][] train = phases(random, 1 + random.nextInt(5), mc, cycle);
            GranuleWeights fast = layer.train(connectivity, train);
            GranuleWeights reference = new GranuleSimulator(layer).train(connectivity, train);
            assertArrayEquals(reference.learnedWeights(), fast.learnedWeights(), 0.0, "case " + c + ": " + layer);
            GranuleSimulator simulator = new GranuleSimulator(layer);
            byte[][] test = phases(random, 4, mc, cycle);
            byte[][] batch = fast.phases(test);
            for (int i = 0; i < test.length; i++) {
                byte[] expected = simulator.phases(reference, test[i]);
                assertArrayEquals(expected, fast.phases(test[i]), "case " + c + " sample " + i + ": " + layer);
                assertArrayEquals(expected, batch[i], "case " + c + " sample " + i + " (batch)");
                for (byte p : expected) {
                    nontrivial += p != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(nontrivial > 1000, "too few firing GCs to be a meaningful comparison: " + nontrivial);
    }

    @Test
    void paperLayerOnEncodedSessionsIsIdentical() {
        SyntheticSession session = SyntheticSession.saturation(314);
        for (int n : new int[] {4, 8}) {
            ColumnEncoder encoder = new ColumnEncoder(
                    ColumnGains.dataBlind(8, ColumnGains.uniform(n, ColumnGains.DEFAULT_PAYLOAD,
                            ColumnGains.DEFAULT_LIMIT)), PhaseTable.of(NeuronParameters.DEFAULT));
            Normalization l1 = Normalization.withoutShift();
            byte[][] rows = new byte[40][];
            SplittableRandom random = new SplittableRandom(n);
            for (int i = 0; i < rows.length; i++) {
                int r = random.nextInt(session.features().length);
                double[] v = new double[8];
                l1.apply(session.features()[r], v, r);
                rows[i] = encoder.encode(v);
            }
            byte[][] train = java.util.Arrays.copyOf(rows, 16);
            int mc = 8 * n;
            GranuleConnectivity connectivity = GranuleConnectivity.random(mc,
                    GranuleLayer.granuleCount(mc, GranuleLayer.PAPER_GRANULES_PER_MITRAL),
                    GranuleConnectivity.paperProbability(n), 314);
            GranuleWeights fast = GranuleLayer.PAPER.train(connectivity, train);
            GranuleWeights reference = new GranuleSimulator(GranuleLayer.PAPER).train(connectivity, train);
            assertArrayEquals(reference.learnedWeights(), fast.learnedWeights(), 0.0, "n = " + n);
            GranuleSimulator simulator = new GranuleSimulator(GranuleLayer.PAPER);
            int firing = 0;
            for (int i = 16; i < rows.length; i++) {
                byte[] expected = simulator.phases(reference, rows[i]);
                assertArrayEquals(expected, fast.phases(rows[i]), "n = " + n + ", sample " + i);
                for (byte p : expected) {
                    firing += p != 0 ? 1 : 0;
                }
            }
            assertTrue(firing > 0, "no GC fired at n = " + n);
        }
    }

    /** Random but valid parameters around the paper's, covering delays, release phases and cycle lengths. */
    static GranuleLayer randomLayer(SplittableRandom r) {
        int cycle = r.nextBoolean() ? 50 : 10 + r.nextInt(50);
        NeuronParameters neuron = NeuronParameters.DEFAULT
                .withPresentationLength(50 * cycle)
                .withReleasePhase(0)
                .withCycleLength(cycle)
                .withPresentationLength(cycle * (1 + r.nextInt(5)))
                .withReleasePhase(r.nextInt(cycle))
                .withOscillatorWeight(0.0)
                .withVThreshold(-58.0 + 16.0 * r.nextDouble())
                .withTauMembrane(2.0 + 6.0 * r.nextDouble())
                .withTauRefractory(r.nextInt(4) == 0 ? 0.0 : 1.0 + 80.0 * r.nextDouble());
        double max = 10.0 + 30.0 * r.nextDouble();
        double initial = r.nextInt(6) == 0 ? max : max * (0.01 + 0.99 * r.nextDouble());
        StdpParameters stdp = StdpParameters.PAPER
                .withInitialWeight(Math.min(initial, 25.0))
                .withMaxWeight(max)
                .withInitialWeight(initial)
                .withDelay(r.nextInt(3) == 0 ? 0 : r.nextInt(2 * cycle))
                .withTauPlus(1.0 + 8.0 * r.nextDouble())
                .withTauMinus(1.0 + 8.0 * r.nextDouble())
                .withAlphaPlus(r.nextDouble())
                .withAlphaMinus(r.nextInt(5) == 0 ? 0.0 : 3.0 * r.nextDouble())
                .withNonCausationPenalty(r.nextInt(3) == 0 ? 0.0 : 60.0 * r.nextDouble());
        return GranuleLayer.of(neuron, stdp, cycle * r.nextInt(3), max * r.nextDouble());
    }

    static byte[][] phases(SplittableRandom r, int samples, int units, int cycle) {
        byte[][] out = new byte[samples][units];
        int spread = Math.min(cycle, 1 + r.nextInt(cycle));
        for (byte[] row : out) {
            for (int m = 0; m < units; m++) {
                row[m] = r.nextInt(3) == 0 ? 0 : (byte) (1 + r.nextInt(spread));
            }
        }
        return out;
    }
}
