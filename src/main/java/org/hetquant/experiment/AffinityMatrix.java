package org.hetquant.experiment;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Sensor-by-analyte affinity matrix of the paper's synthetic "physical" data generator (docs/method.md §4.1).
 *
 * <p>Construction: a seed vector of analyte affinities is sharpened to a target Hoyer sparsity, then the
 * matrix is built by recursive quadrant swaps of that vector. For a vector whose length is a power of two
 * and full recursion depth (log2 of the length; depth 3 for 8 analytes), the recursive swap places
 * {@code v[sensor XOR analyte]} at each entry, which is how it is computed here. Every row and column is
 * then a permutation of the sharpened vector, the matrix is symmetric, and sensor j responds most strongly
 * to analyte j (the diagonal holds the largest element).
 *
 * <p>Entries are dimensionless affinities in (0, 1); each row sums to 1.
 */
public final class AffinityMatrix implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Seed affinity vector of the paper's generator, sorted descending (dimensionless). */
    private static final double[] PAPER_SEED_VECTOR = {1.0, 0.95, 0.8, 0.75, 0.4, 0.35, 0.2, 0.15};

    /** Seed affinity vector of the paper's generator, sorted descending (a copy). */
    public static double[] paperSeedVector() {
        return PAPER_SEED_VECTOR.clone();
    }

    /** Target Hoyer sparsity of the paper's generator, in [0, 1]. */
    public static final double PAPER_SPARSITY = 0.4;

    /** Half-width of the accepted band around the target sparsity (the authors' tolerance). */
    static final double SPARSITY_TOLERANCE = 1e-4;

    /** Exponent step of the coarse search. */
    private static final double EXPONENT_STEP = 0.1;

    /** Additive-constant step of the fine search. */
    private static final double CONSTANT_STEP = 1e-5;

    /** Safety bound on fine-search iterations; the paper's vector needs 191. */
    private static final int MAX_CONSTANT_STEPS = 10_000_000;

    private final double[] vector;
    private final double[][] matrix;

    private AffinityMatrix(double[] vector) {
        this.vector = vector.clone();
        int n = vector.length;
        this.matrix = new double[n][n];
        for (int sensor = 0; sensor < n; sensor++) {
            for (int analyte = 0; analyte < n; analyte++) {
                matrix[sensor][analyte] = vector[sensor ^ analyte];
            }
        }
    }

    /**
     * The paper's 8×8 matrix: {@link #paperSeedVector()} sharpened to {@link #PAPER_SPARSITY}, then swapped.
     * The sharpened vector is approximately [.3048, .2711, .1832, .1582, .0387, .0290, .0094, .0057].
     */
    public static AffinityMatrix paper() {
        return fromVector(sharpenToSparsity(PAPER_SEED_VECTOR, PAPER_SPARSITY));
    }

    /**
     * Builds the swap matrix {@code A[sensor][analyte] = v[sensor XOR analyte]} from an already sharpened
     * vector.
     *
     * @param vector affinities, length a power of two ≥ 2, finite and ≥ 0
     */
    public static AffinityMatrix fromVector(double[] vector) {
        if (vector == null || vector.length < 2 || Integer.bitCount(vector.length) != 1) {
            throw new IllegalArgumentException("vector length must be a power of two >= 2, got "
                    + (vector == null ? "null" : vector.length));
        }
        for (int i = 0; i < vector.length; i++) {
            if (!(vector[i] >= 0) || Double.isInfinite(vector[i])) {
                throw new IllegalArgumentException("vector[" + i + "] must be finite and >= 0, got " + vector[i]);
            }
        }
        return new AffinityMatrix(vector);
    }

    /**
     * Hoyer sparsity (√n − ‖v‖₁/‖v‖₂)/(√n − 1): 0 for a constant vector, 1 for a one-hot vector.
     *
     * @param v vector of length ≥ 2 with at least one nonzero entry
     */
    public static double hoyerSparsity(double[] v) {
        if (v == null || v.length < 2) {
            throw new IllegalArgumentException("v must have length >= 2");
        }
        double l1 = 0;
        double l2 = 0;
        for (double x : v) {
            l1 += Math.abs(x);
            l2 += x * x;
        }
        if (l2 == 0) {
            throw new IllegalArgumentException("v must have a nonzero entry");
        }
        double sqrtN = Math.sqrt(v.length);
        return (sqrtN - l1 / Math.sqrt(l2)) / (sqrtN - 1);
    }

    /**
     * Sharpens (or flattens) a non-negative vector to a target Hoyer sparsity with the authors' two-stage
     * search, and returns it L1-normalized.
     *
     * <ol>
     *   <li>Coarse: starting from exponent 2, step the exponent by 0.1 (up when the current vector is too
     *       flat, down when too sharp), each time raising the <em>original</em> vector to it and
     *       L1-normalizing, until the side of the target flips or the exponent reaches 1. The first
     *       comparison is made on the unsharpened input.</li>
     *   <li>Fine: on the coarse result, add a constant in steps of 1e-5 (positive flattens, negative
     *       sharpens), clip at 0 and L1-normalize, until the side flips or the sparsity is within ±1e-4.</li>
     * </ol>
     *
     * The search stops at the first step past the target, so the result lies close to, not exactly on, it
     * (for the paper's vector: exponent 2.3, constant 0.00191, sparsity 0.40006).
     *
     * @param seed   non-negative vector of length ≥ 2 with a nonzero entry
     * @param target Hoyer sparsity in [0, 1]
     */
    public static double[] sharpenToSparsity(double[] seed, double target) {
        if (!(target >= 0 && target <= 1)) {
            throw new IllegalArgumentException("target sparsity must be in [0, 1], got " + target);
        }
        if (seed == null || seed.length < 2) {
            throw new IllegalArgumentException("seed vector must have length >= 2");
        }
        for (int i = 0; i < seed.length; i++) {
            if (!(seed[i] >= 0) || Double.isInfinite(seed[i])) {
                throw new IllegalArgumentException("seed[" + i + "] must be finite and >= 0, got " + seed[i]);
            }
        }
        hoyerSparsity(seed); // rejects the all-zero vector

        double exponent = 2;
        double[] current = seed.clone();
        boolean crossed = false;
        while (exponent > 1 && !crossed) {
            int before = side(current, target);
            exponent -= before * EXPONENT_STEP;
            current = powerNormalize(seed, exponent, 0);
            crossed = before != side(current, target);
        }

        double[] coarse = current;
        double constant = 0;
        crossed = false;
        int steps = 0;
        while (!crossed && side(current, target) != 0) {
            if (++steps > MAX_CONSTANT_STEPS) {
                throw new IllegalArgumentException("target sparsity " + target + " is unreachable from this seed");
            }
            int before = side(current, target);
            constant += before * CONSTANT_STEP;
            current = powerNormalize(coarse, 1, constant);
            crossed = before != side(current, target);
        }
        return current;
    }

    /** −1 if flatter than the band around the target, +1 if sharper, 0 inside it. */
    private static int side(double[] v, double target) {
        double h = hoyerSparsity(v);
        if (h < target - SPARSITY_TOLERANCE) {
            return -1;
        }
        return h > target + SPARSITY_TOLERANCE ? 1 : 0;
    }

    /** max(v + c, 0)^e, divided by its L1 norm (left as is when the norm is 0). */
    private static double[] powerNormalize(double[] v, double exponent, double constant) {
        double[] z = new double[v.length];
        double sum = 0;
        for (int i = 0; i < v.length; i++) {
            z[i] = Math.pow(Math.max(v[i] + constant, 0), exponent);
            sum += z[i];
        }
        if (sum != 0) {
            for (int i = 0; i < z.length; i++) {
                z[i] /= sum;
            }
        }
        return z;
    }

    /** Number of sensors (= number of analytes). */
    public int size() {
        return vector.length;
    }

    /**
     * Affinity of a sensor for an analyte.
     *
     * @param sensor  index in [0, size)
     * @param analyte index in [0, size)
     */
    public double get(int sensor, int analyte) {
        if (sensor < 0 || sensor >= size()) {
            throw new IllegalArgumentException("sensor must be in [0, " + size() + "), got " + sensor);
        }
        if (analyte < 0 || analyte >= size()) {
            throw new IllegalArgumentException("analyte must be in [0, " + size() + "), got " + analyte);
        }
        return matrix[sensor][analyte];
    }

    /** The sharpened vector (row 0 of the matrix), a copy. */
    public double[] vector() {
        return vector.clone();
    }

    /** The matrix, indexed [sensor][analyte], a deep copy. */
    public double[][] toArray() {
        double[][] copy = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            copy[i] = matrix[i].clone();
        }
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffinityMatrix && Arrays.equals(vector, ((AffinityMatrix) o).vector);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(vector);
    }

    @Override
    public String toString() {
        return "AffinityMatrix" + Arrays.toString(vector);
    }
}
