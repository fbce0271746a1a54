package org.hetquant.engine;

import java.io.InvalidObjectException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which MCs project to which GCs (docs/method.md §2(e), the authors' {@code "prop"} connection mode): each MC projects to
 * {@code round(p·#GC)} distinct GCs drawn uniformly at random (round half to even, as NumPy's {@code round}).
 *
 * <p>The connected pairs are numbered GC by GC and, within a GC, by ascending MC index; {@link #pairStart(int)}
 * and {@link #pairSource(int)} give that numbering, which the learned weights use. Immutable and thread-safe.
 */
public final class GranuleConnectivity implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int mitralCount;
    private final int granuleCount;
    /** Pairs of GC j at [start[j], start[j+1]). */
    private final int[] start;
    /** MC index of each pair, ascending within a GC. */
    private final int[] source;

    private GranuleConnectivity(int mitralCount, int granuleCount, int[] start, int[] source) {
        this.mitralCount = mitralCount;
        this.granuleCount = granuleCount;
        this.start = start;
        this.source = source;
    }

    /**
     * The paper's connection probability for duplication n: 0.25, 0.125, 0.0625, 0.03125 for n = 4, 8, 16, 32,
     * i.e. 1/n, so that each GC receives about #MC/n = F inputs (8 for the paper's 8 sensors).
     *
     * @param n MCs per feature, ≥ 1
     */
    public static double paperProbability(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        return 1.0 / n;
    }

    /**
     * Seeded random projection.
     *
     * @param mitralCount number of MCs, ≥ 1
     * @param granuleCount number of GCs, ≥ 1
     * @param probability proportion p of the GCs each MC projects to, in [0, 1]
     * @param seed random seed; the same arguments give the same connectivity
     * @throws IllegalArgumentException naming the argument and its valid range
     */
    public static GranuleConnectivity random(int mitralCount, int granuleCount, double probability, long seed) {
        if (mitralCount < 1) {
            throw new IllegalArgumentException("mitralCount must be >= 1, got " + mitralCount);
        }
        if (granuleCount < 1) {
            throw new IllegalArgumentException("granuleCount must be >= 1, got " + granuleCount);
        }
        ParameterRange.CONNECTION_PROBABILITY.require("probability", probability);
        int fanOut = (int) Math.rint(probability * granuleCount);
        boolean[][] connected = new boolean[granuleCount][mitralCount];
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[granuleCount];
        for (int m = 0; m < mitralCount; m++) {
            for (int j = 0; j < granuleCount; j++) {
                order[j] = j;
            }
            // Partial Fisher-Yates: the first fanOut entries are a uniform random subset.
            for (int i = 0; i < fanOut; i++) {
                int r = i + random.nextInt(granuleCount - i);
                int t = order[i];
                order[i] = order[r];
                order[r] = t;
                connected[order[i]][m] = true;
            }
        }
        return fromMatrix(connected, mitralCount);
    }

    /**
     * Connectivity given explicitly.
     *
     * @param connected {@code connected[gc][mc]}: whether MC mc projects to GC gc; at least one GC, every row
     *                  of the same length ≥ 1 (the number of MCs)
     * @throws IllegalArgumentException if the matrix is empty or ragged
     */
    public static GranuleConnectivity of(boolean[][] connected) {
        if (connected == null || connected.length == 0 || connected[0] == null || connected[0].length == 0) {
            throw new IllegalArgumentException("connected must have at least one GC row and one MC column");
        }
        int mitralCount = connected[0].length;
        for (int j = 0; j < connected.length; j++) {
            if (connected[j] == null || connected[j].length != mitralCount) {
                throw new IllegalArgumentException("connected[" + j + "] must have length " + mitralCount
                        + " (the number of MCs), got " + (connected[j] == null ? "null" : connected[j].length));
            }
        }
        return fromMatrix(connected, mitralCount);
    }

    private static GranuleConnectivity fromMatrix(boolean[][] connected, int mitralCount) {
        int granuleCount = connected.length;
        int[] start = new int[granuleCount + 1];
        int pairs = 0;
        for (int j = 0; j < granuleCount; j++) {
            start[j] = pairs;
            for (boolean c : connected[j]) {
                pairs += c ? 1 : 0;
            }
        }
        start[granuleCount] = pairs;
        int[] source = new int[pairs];
        for (int j = 0, p = 0; j < granuleCount; j++) {
            for (int m = 0; m < mitralCount; m++) {
                if (connected[j][m]) {
                    source[p++] = m;
                }
            }
        }
        return new GranuleConnectivity(mitralCount, granuleCount, start, source);
    }

    /** Number of MCs (the input units). */
    public int mitralCount() {
        return mitralCount;
    }

    /** Number of GCs (the output units). */
    public int granuleCount() {
        return granuleCount;
    }

    /** Number of connected MC→GC pairs. */
    public int pairCount() {
        return source.length;
    }

    /** First pair index of GC {@code gc}; its pairs are [pairStart(gc), pairStart(gc + 1)). */
    public int pairStart(int gc) {
        return start[gc];
    }

    /** MC index of pair {@code pair}. */
    public int pairSource(int pair) {
        return source[pair];
    }

    /** GC index of pair {@code pair}. */
    public int pairTarget(int pair) {
        if (pair < 0 || pair >= source.length) {
            throw new IndexOutOfBoundsException("pair " + pair + " of " + source.length);
        }
        int j = Arrays.binarySearch(start, pair);
        if (j < 0) {
            return -j - 2;
        }
        while (j + 1 < start.length && start[j + 1] == pair) {
            j++;
        }
        return j;
    }

    /** The MC inputs of GC {@code gc}, ascending (a copy). */
    public int[] sources(int gc) {
        return Arrays.copyOfRange(source, start[gc], start[gc + 1]);
    }

    /** Pair index of (gc, mc), or −1 if mc does not project to gc. */
    public int pair(int gc, int mc) {
        int i = Arrays.binarySearch(source, start[gc], start[gc + 1], mc);
        return i >= 0 ? i : -1;
    }

    private Object readResolve() throws InvalidObjectException {
        if (start == null || source == null || start.length != granuleCount + 1 || granuleCount < 1
                || mitralCount < 1 || start[0] != 0 || start[granuleCount] != source.length) {
            throw new InvalidObjectException("corrupt GranuleConnectivity");
        }
        for (int j = 0; j < granuleCount; j++) {
            for (int p = start[j]; p < start[j + 1]; p++) {
                if (source[p] < 0 || source[p] >= mitralCount || (p > start[j] && source[p] <= source[p - 1])) {
                    throw new InvalidObjectException("corrupt GranuleConnectivity: bad source of pair " + p);
                }
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GranuleConnectivity)) {
            return false;
        }
        GranuleConnectivity c = (GranuleConnectivity) o;
        return mitralCount == c.mitralCount && granuleCount == c.granuleCount && Arrays.equals(start, c.start)
                && Arrays.equals(source, c.source);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * mitralCount + granuleCount) + Arrays.hashCode(source);
    }

    @Override
    public String toString() {
        return "GranuleConnectivity[" + mitralCount + " MC -> " + granuleCount + " GC, " + source.length + " pairs]";
    }
}
