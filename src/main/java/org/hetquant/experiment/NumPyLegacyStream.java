package org.hetquant.experiment;

/**
 * The random stream of NumPy's legacy global generator ({@code numpy.random.seed(s)} followed by the
 * {@code numpy.random} / SciPy {@code rvs} calls the authors' data generator makes), draw for draw.
 *
 * <p>The authors seed NumPy with 314 and generate each synthetic session from that stream
 * (docs/method.md §3 "Seed", §4.1). Replaying it gives their exact realization: {@link SyntheticSession#saturation}
 * at seed 314 equals the released {@code saturation.csv} to float32 rounding, which {@code SyntheticSessionTest}
 * checks. This contradicts docs/method.md §6 item 9 ("bit-for-bit reproduction is not feasible") for the data;
 * it still holds for the authors' GC wiring (torch) and presentation order (Python's {@code random}).
 *
 * <p>What is replayed, each as NumPy's legacy {@code RandomState} defines it:
 * <ul>
 *   <li>the 32-bit Mersenne Twister MT19937, seeded by the classic linear initialization of its 624 words;</li>
 *   <li>{@link #nextDouble()}: 53 bits from two 32-bit words (27 + 26 bits), uniform on [0, 1);</li>
 *   <li>{@link #standardExponential()}: {@code −ln(1 − u)};</li>
 *   <li>{@link #standardNormal()}: the polar (Marsaglia) method, which yields two normals per accepted pair and
 *       returns the second one first, keeping the other for the next call;</li>
 *   <li>{@link #permutation(int)}: Fisher–Yates from the top, each index drawn by masked rejection.</li>
 * </ul>
 * Mutable and not thread-safe, like the generator it replays.
 */
public final class NumPyLegacyStream {

    /** Largest seed NumPy accepts as an integer (2^32 − 1); the smallest is 0. */
    public static final long MAX_SEED = 0xFFFF_FFFFL;

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int position;
    private boolean hasSpareNormal;
    private double spareNormal;

    /**
     * The stream after {@code numpy.random.seed(seed)}.
     *
     * @param seed in [0, 2^32 − 1], as NumPy accepts for an integer seed
     * @throws IllegalArgumentException outside that range
     */
    public NumPyLegacyStream(long seed) {
        if (seed < 0 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be in [0, " + MAX_SEED + "] (NumPy's integer seeds), got "
                    + seed);
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            state[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        position = N;
    }

    /** The next 32-bit output, as an unsigned value in [0, 2^32). */
    public long nextUint32() {
        return nextWord() & 0xFFFF_FFFFL;
    }

    private int nextWord() {
        if (position == N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        return y ^ (y >>> 18);
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x8000_0000) | (state[(i + 1) % N] & 0x7FFF_FFFF);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF);
        }
        position = 0;
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
        for (int i = n - 1; i > 0; i--) {
            int j = (int) boundedBelowOrAt(i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Uniform integer in [0, max] by masked rejection on 32-bit words; max in [1, 2^31). */
    private long boundedBelowOrAt(int max) {
        long mask = Integer.highestOneBit(max) * 2L - 1;
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }
}
