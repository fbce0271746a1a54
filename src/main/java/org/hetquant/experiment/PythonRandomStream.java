package org.hetquant.experiment;

import java.util.HashSet;
import java.util.Set;

/**
 * The random stream of Python's {@code random} module after {@code random.seed(seed)}, for the draws the authors'
 * pipeline makes with it: {@code random.sample}, which sets each fold's presentation order (docs/method.md §3
 * "Sampling"; {@code Simulation._prepare_data} in their code). Replayed as CPython defines it: MT19937 seeded from
 * the seed's 32-bit words, {@code getrandbits(k)} as the top k bits of one word, {@code _randbelow} by rejection,
 * and {@code sample}'s two selection methods. Mutable and not thread-safe.
 */
public final class PythonRandomStream {

    private final MersenneTwister words;

    /**
     * The stream after {@code random.seed(seed)}.
     *
     * @param seed ≥ 0 (Python seeds with |seed|; negative seeds are not needed here and are rejected)
     */
    public PythonRandomStream(long seed) {
        if (seed < 0) {
            throw new IllegalArgumentException("seed must be >= 0, got " + seed);
        }
        int[] key = seed > 0xFFFF_FFFFL ? new int[] {(int) seed, (int) (seed >>> 32)} : new int[] {(int) seed};
        words = MersenneTwister.byArray(key);
    }

    /** {@code random.getrandbits(k)} for k in [1, 32]. */
    public long getrandbits(int k) {
        if (k < 1 || k > 32) {
            throw new IllegalArgumentException("k must be in [1, 32], got " + k);
        }
        return words.nextUint32() >>> (32 - k);
    }

    /** Uniform integer in [0, n) ({@code random._randbelow}); n in [1, 2^31). */
    public int randbelow(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        int k = 32 - Integer.numberOfLeadingZeros(n);
        long r = getrandbits(k);
        while (r >= n) {
            r = getrandbits(k);
        }
        return (int) r;
    }

    /**
     * {@code random.sample(range(n), k)}: k distinct values of 0..n−1 in selection order.
     *
     * @param n population size ≥ 0
     * @param k in [0, n]
     */
    public int[] sample(int n, int k) {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got n = " + n + ", k = " + k);
        }
        int[] result = new int[k];
        // CPython picks by the smaller structure: a pool list while n is below a set's size for k entries.
        long setSize = 21;
        if (k > 5) {
            setSize += (long) Math.pow(4, Math.ceil(Math.log(k * 3.0) / Math.log(4)));
        }
        if (n <= setSize) {
            int[] pool = new int[n];
            for (int i = 0; i < n; i++) {
                pool[i] = i;
            }
            for (int i = 0; i < k; i++) {
                int j = randbelow(n - i);
                result[i] = pool[j];
                pool[j] = pool[n - i - 1];
            }
        } else {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < k; i++) {
                int j = randbelow(n);
                while (!selected.add(j)) {
                    j = randbelow(n);
                }
                result[i] = j;
            }
        }
        return result;
    }
}
