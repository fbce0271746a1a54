package org.hetquant.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.hetquant.engine.ColumnEncoder;
import org.hetquant.engine.ColumnGains;
import org.hetquant.engine.NeuronParameters;
import org.hetquant.engine.PhaseSimulator;
import org.hetquant.engine.PhaseTable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * MC layer throughput: {@link ColumnEncoder} versus the reference {@link PhaseSimulator} on the same
 * L1-normalized random rows (8 features, uniform heterogeneous gains of docs/method.md §2(c)). Every invocation
 * produces a fixed number of phases whatever n is, so JMH's ops/s is output phases per second; the ratio of the two
 * scores is the speed-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PhaseEncodingBenchmark {

    private static final int FEATURES = 8;
    /** Phases per encoder invocation (8192 rows at n = 4, 1024 rows at n = 32). */
    private static final int ENCODER_PHASES = 8 * 32 * 1024;
    /** Phases per simulator invocation (each costs one 250-step presentation). */
    private static final int SIMULATOR_PHASES = 8 * 32 * 2;

    @Param({"4", "8", "16", "32"})
    public int n;

    private ColumnEncoder encoder;
    private PhaseSimulator simulator;
    private double[][] gains;
    private double[] rows;
    private int encoderRows;
    private int simulatorRows;
    private byte[] encoderOut;
    private byte[] simulatorOut;

    @Setup
    public void setup() {
        double[] column = ColumnGains.uniform(n, ColumnGains.DEFAULT_PAYLOAD, ColumnGains.DEFAULT_LIMIT);
        gains = new double[FEATURES][];
        Arrays.fill(gains, column);
        encoder = new ColumnEncoder(gains, PhaseTable.of(NeuronParameters.DEFAULT));
        simulator = new PhaseSimulator(NeuronParameters.DEFAULT);

        encoderRows = ENCODER_PHASES / (FEATURES * n);
        simulatorRows = SIMULATOR_PHASES / (FEATURES * n);
        SplittableRandom random = new SplittableRandom(314);
        rows = new double[encoderRows * FEATURES];
        for (int r = 0; r < encoderRows; r++) {
            double sum = 0;
            for (int f = 0; f < FEATURES; f++) {
                rows[r * FEATURES + f] = random.nextDouble();
                sum += rows[r * FEATURES + f];
            }
            for (int f = 0; f < FEATURES; f++) {
                rows[r * FEATURES + f] /= sum;
            }
        }
        encoderOut = new byte[ENCODER_PHASES];
        simulatorOut = new byte[SIMULATOR_PHASES];

        encoder();
        simulator();
        for (int i = 0; i < SIMULATOR_PHASES; i++) {
            if (encoderOut[i] != simulatorOut[i]) {
                throw new IllegalStateException("encoder and simulator differ at output " + i + ": "
                        + encoderOut[i] + " vs " + simulatorOut[i]);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ENCODER_PHASES)
    public byte[] encoder() {
        encoder.encodeRows(rows, 0, FEATURES, encoderRows, encoderOut, 0);
        return encoderOut;
    }

    @Benchmark
    @OperationsPerInvocation(SIMULATOR_PHASES)
    public byte[] simulator() {
        int i = 0;
        for (int r = 0; r < simulatorRows; r++) {
            for (int f = 0; f < FEATURES; f++) {
                double v = rows[r * FEATURES + f];
                for (int k = 0; k < n; k++) {
                    simulatorOut[i++] = (byte) simulator.phase(gains[f][k] * v);
                }
            }
        }
        return simulatorOut;
    }
}
