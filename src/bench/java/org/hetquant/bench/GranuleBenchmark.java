package org.hetquant.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.GranuleConnectivity;
import org.hetquant.engine.GranuleLayer;
import org.hetquant.engine.GranuleSimulator;
import org.hetquant.engine.GranuleWeights;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.Normalization;
import org.hetquant.engine.PhaseTable;
import org.hetquant.experiment.SyntheticSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GC layer (docs/method.md §2(e)) cost of one fold of the paper's protocol at duplication n: STDP training on the 16
 * training samples and the readout of the 112 test samples, each by the fast path ({@link GranuleLayer#train},
 * {@link GranuleWeights#phases}) and by the reference step simulation ({@link GranuleSimulator}), on MC phases
 * of a seeded Saturation session with uniform gains and the paper's GC sizing (4·MC GCs, p = 1/n). JMH reports
 * the average time per fold task; {@code @Setup} checks that both paths give identical weights and phases.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GranuleBenchmark {

    @Param({"4", "8", "16", "32"})
    public int n;

    private GranuleConnectivity connectivity;
    private byte[][] train;
    private byte[][] test;
    private GranuleWeights weights;
    private GranuleSimulator simulator;

    @Setup
    public void setup() {
        SyntheticSession session = SyntheticSession.saturation(314);
        ColumnEncoder encoder = new ColumnEncoder(ColumnGains.dataBlind(8, ColumnGains.uniform(n,
                ColumnGains.DEFAULT_PAYLOAD, ColumnGains.DEFAULT_LIMIT)), PhaseTable.of(NeuronParameters.DEFAULT));
        Normalization l1 = Normalization.withoutShift();
        SplittableRandom random = new SplittableRandom(314);
        byte[][] rows = new byte[128][];
        for (int i = 0; i < rows.length; i++) {
            int r = random.nextInt(session.features().length);
            double[] v = new double[8];
            l1.apply(session.features()[r], v, r);
            rows[i] = encoder.encode(v);
        }
        train = Arrays.copyOf(rows, 16);
        test = Arrays.copyOfRange(rows, 16, 128);
        int mc = 8 * n;
        connectivity = GranuleConnectivity.random(mc,
                GranuleLayer.granuleCount(mc, GranuleLayer.PAPER_GRANULES_PER_MITRAL),
                GranuleConnectivity.paperProbability(n), 314);
        simulator = new GranuleSimulator(GranuleLayer.PAPER);
        weights = GranuleLayer.PAPER.train(connectivity, train);
        if (!weights.equals(simulator.train(connectivity, train))) {
            throw new IllegalStateException("fast and reference training differ at n = " + n);
        }
        byte[][] fast = weights.phases(test);
        for (int i = 0; i < test.length; i++) {
            if (!Arrays.equals(fast[i], simulator.phases(weights, test[i]))) {
                throw new IllegalStateException("fast and reference readout differ at n = " + n + ", sample " + i);
            }
        }
    }

    @Benchmark
    public GranuleWeights trainFast() {
        return GranuleLayer.PAPER.train(connectivity, train);
    }

    @Benchmark
    public GranuleWeights trainReference() {
        return simulator.train(connectivity, train);
    }

    @Benchmark
    public byte[][] readoutFast() {
        return weights.phases(test);
    }

    @Benchmark
    public byte[][] readoutReference() {
        byte[][] out = new byte[test.length][];
        for (int i = 0; i < test.length; i++) {
            out[i] = simulator.phases(weights, test[i]);
        }
        return out;
    }
}
