package org.hetquant.experiment;

import java.io.Serializable;

/**
 * The random stream of NumPy's legacy global generator ({@code numpy.random.seed(s)} followed by the
 * {@code numpy.random} / SciPy {@code rvs} calls the authors' data generator makes), draw for draw.
 *
 * <p>The authors seed NumPy with 314 (docs/method.md §3, §4.1), generate each synthetic session from that stream and
 * resample from it. Replaying it gives their exact realization: {@link SyntheticSession#saturation} at seed 314
 * equals the released {@code saturation.csv} within a few float32 ulps ({@code SyntheticSessionTest}), and
 * {@link SamplingProtocol} draws their working set from the continued stream, their folds from a fresh one (as
 * scikit-learn's {@code RandomState(314)} does, {@link StratifiedFolds}) and their presentation order from
 * {@link PythonRandomStream}. Only the authors' GC wiring (torch) is not replayed (docs/method.md §6 item 9).
 *
 * <p>What is replayed, each as NumPy's legacy {@code RandomState} defines it:
 * <ul>
 *   <li>the 32-bit Mersenne Twister MT19937, seeded by the classic linear initialization of its 624 words;</li>
 *   <li>{@link #nextDouble()}: 53 bits from two 32-bit words (27 + 26 bits), uniform on [0, 1);</li>
 *   <li>{@link #standardExponential()}: {@code −ln(1 − u)};</li>
 *   <li>{@link #standardNormal()}: the polar (Marsaglia) method, which yields two normals per accepted pair and
 *       returns the second one first, keeping the other for the next call;</li>
 *   <li>{@link #nextInt(int)}, {@link #shuffle(int[])} and {@link #permutation(int)}: integers by masked rejection
 *       on 32-bit words; shuffles as Fisher–Yates from the top.</li>
 * </ul>
 * Mutable and not thread-safe, like the generator it replays.
 */
public final class NumPyLegacyStream implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Largest seed NumPy accepts as an integer (2^32 − 1); the smallest is 0. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private final MersenneTwister words;
    private boolean hasSpareNormal;
    private double spareNormal;

    /**
     * A command-line seed: an integer NumPy accepts.
     *
     * @param text   the value as typed
     * @param option the option's name, for the message (e.g. {@code --seed})
     * @throws IllegalArgumentException naming the option, the value and the range if {@code text} is not an integer
     *     in [0, {@link #MAX_SEED}]
     */
    public static long parseSeed(String text, String option) {
        long seed;
        try {
            seed = Long.parseLong(text);
        } catch (NumberFormatException e) {
            seed = -1;
        }
        if (!isSeed(seed)) {
            throw new IllegalArgumentException(option + " needs an integer in [0, " + MAX_SEED
                    + "] (the generators replay NumPy, which takes these seeds), got " + text);
        }
        return seed;
    }

    /**
     * Checks a seed for everything that replays the authors' NumPy draws.
     *
     * @return {@code seed}
     * @throws IllegalArgumentException if it is outside [0, {@link #MAX_SEED}]
     */
    public static long requireSeed(long seed) {
        if (!isSeed(seed)) {
            throw new IllegalArgumentException("seed must be in [0, " + MAX_SEED + "] (NumPy's integer seeds), got "
                    + seed);
        }
        return seed;
    }

    private static boolean isSeed(long seed) {
        return seed >= 0 && seed <= MAX_SEED;
    }

    /**
     * The stream after {@code numpy.random.seed(seed)} (or {@code numpy.random.RandomState(seed)}).
     *
     * @param seed in [0, {@link #MAX_SEED}], as NumPy accepts for an integer seed
     * @throws IllegalArgumentException outside that range
     */
    public NumPyLegacyStream(long seed) {
        words = MersenneTwister.linear((int) requireSeed(seed));
    }

    private NumPyLegacyStream(NumPyLegacyStream other) {
        words = other.words.copy();
        hasSpareNormal = other.hasSpareNormal;
        spareNormal = other.spareNormal;
    }

    /** A copy in the same state: it continues with the same draws, independently of this one. */
    public NumPyLegacyStream copy() {
        return new NumPyLegacyStream(this);
    }

    /** The next 32-bit output, as an unsigned value in [0, 2^32). */
    public long nextUint32() {
        return words.nextUint32();
    }

    /** Uniform double in [0, 1) with 53 random bits (NumPy's {@code random_sample}). */
    public double nextDouble() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** Exponential variate with rate 1 (SciPy's {@code expon.rvs} before loc and scale). */
    public double standardExponential() {
        return -Math.log(1.0 - nextDouble());
    }

    /** Standard normal variate (SciPy's {@code norm.rvs} before loc and scale). */
    public double standardNormal() {
        if (hasSpareNormal) {
            hasSpareNormal = false;
            return spareNormal;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * nextDouble() - 1.0;
            x2 = 2.0 * nextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(r2) / r2);
        spareNormal = f * x1;
        hasSpareNormal = true;
        return f * x2;
    }

    /**
     * A random permutation of 0..n−1 ({@code numpy.random.permutation(n)}; also what
     * {@code numpy.random.choice(n, n, replace=False)} returns).
     *
     * @param n ≥ 0
     */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** Shuffles {@code a} in place ({@code numpy.random.shuffle}): Fisher–Yates from the top. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = belowOrAt(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Uniform integer in [0, high) ({@code numpy.random.randint(0, high)}, and each draw of
     * {@code numpy.random.choice(high, size, replace=True)}, which pandas' {@code sample(replace=True)} makes).
     *
     * @param high in [1, 2^31)
     */
    public int nextInt(int high) {
        if (high < 1) {
            throw new IllegalArgumentException("high must be >= 1, got " + high);
        }
        return belowOrAt(high - 1);
    }

    /** Uniform integer in [0, max] by masked rejection on 32-bit words; max = 0 draws nothing, as in NumPy. */
    private int belowOrAt(int max) {
        if (max == 0) {
            return 0;
        }
        long mask = Integer.highestOneBit(max) * 2L - 1;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return (int) value;
    }
}
