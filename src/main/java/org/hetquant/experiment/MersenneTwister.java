package org.hetquant.experiment;

import java.io.Serializable;

/**
 * The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998), the generator behind both NumPy's legacy
 * {@code RandomState} and Python's {@code random}; they differ only in how an integer seed fills the state, so both
 * seedings are here. Mutable and not thread-safe.
 */
final class MersenneTwister implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int N = 624;
    private static final int M = 397;

    private final int[] state = new int[N];
    private int position;

    private MersenneTwister() {}

    /** Seeded by the classic linear initialization ({@code init_genrand}), as {@code numpy.random.seed(s)}. */
    static MersenneTwister linear(int seed) {
        MersenneTwister mt = new MersenneTwister();
        mt.initLinear(seed);
        return mt;
    }

    /** Seeded from a key of 32-bit words ({@code init_by_array}), as Python's {@code random.seed(s)}. */
    static MersenneTwister byArray(int[] key) {
        MersenneTwister mt = new MersenneTwister();
        mt.initLinear(19650218);
        int[] s = mt.state;
        int i = 1;
        int j = 0;
        for (int k = Math.max(N, key.length); k > 0; k--) {
            s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >>> 30)) * 1664525)) + key[j] + j;
            i++;
            j++;
            if (i >= N) {
                s[0] = s[N - 1];
                i = 1;
            }
            if (j >= key.length) {
                j = 0;
            }
        }
        for (int k = N - 1; k > 0; k--) {
            s[i] = (s[i] ^ ((s[i - 1] ^ (s[i - 1] >>> 30)) * 1566083941)) - i;
            i++;
            if (i >= N) {
                s[0] = s[N - 1];
                i = 1;
            }
        }
        s[0] = 0x8000_0000;
        return mt;
    }

    private void initLinear(int seed) {
        int s = seed;
        for (int i = 0; i < N; i++) {
            state[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        position = N;
    }

    /** A copy in the same state; both then produce the same words. */
    MersenneTwister copy() {
        MersenneTwister mt = new MersenneTwister();
        System.arraycopy(state, 0, mt.state, 0, N);
        mt.position = position;
        return mt;
    }

    /** The next tempered 32-bit word, as an unsigned value in [0, 2^32). */
    long nextUint32() {
        if (position == N) {
            twist();
        }
        int y = state[position++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9D2C_5680;
        y ^= (y << 15) & 0xEFC6_0000;
        return (y ^ (y >>> 18)) & 0xFFFF_FFFFL;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (state[i] & 0x8000_0000) | (state[(i + 1) % N] & 0x7FFF_FFFF);
            state[i] = state[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) == 0 ? 0 : 0x9908_B0DF);
        }
        position = 0;
    }
}
