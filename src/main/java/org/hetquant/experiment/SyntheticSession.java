package org.hetquant.experiment;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Optional;

/**
 * One labelled sensor dataset ("session"): a samples × sensors feature matrix and a class label per row.
 *
 * <p>The seeded factories reproduce the paper's synthetic sessions (docs/method.md §4.1): 8 analytes (classes
 * 1..8), 8 sensors, 512 samples per class stored in label order. A sample of class c contains only analyte
 * c, at a concentration drawn from an exponential distribution with location {@link #locations()}[c−1] and
 * scale {@link #scales()}[c−1] (arbitrary units); every other analyte is absent (concentration 0). Sensor
 * responses use the {@link AffinityMatrix#paper() paper's affinity matrix} A:
 * <ul>
 *   <li><b>Concentration</b>: linear, {@code x_j = conc · A[j][c]}, plus Gaussian noise whose SD is taken
 *       from {@link #concentrationNoiseSd()}, the k-th SD going to sensor {@code perm[k]} of one random
 *       sensor permutation shared by all rows. Values span roughly −0.4..42.</li>
 *   <li><b>Saturation</b>: {@code x_j = Σ_a 1/(1 + exp(−8·(conc_a·A[j][a] − 0.5)))} over all 8 analytes,
 *       absent ones included (each adds 1/(1+e⁴) ≈ 0.018), plus N(0, 0.02) noise on every sensor. Values
 *       span roughly 0.07..1.21.</li>
 * </ul>
 * Noise is not clipped, so Concentration can contain small negative values; the data-level shift that
 * removes them belongs to the {@link SamplingProtocol} and is applied after resampling.
 *
 * <p>Both factories replay NumPy's legacy stream ({@link NumPyLegacyStream}) in the authors' order and precision
 * (concentrations class by class, then the sensor permutation, then one standard normal per entry; values in
 * float32, as their torch tensors hold them), so {@code concentration(s)} and {@code saturation(s)} describe the
 * same physical samples seen through the two response models, and at the authors' seed 314 they are the authors'
 * realizations: {@code saturation(314)} is the released {@code saturation.csv}, and {@code concentration(314)} is
 * the released {@code concentration.csv} except for the noise SDs, which follow the published runs' grid
 * ({@code hq2025.yaml}, the SDs above) where the CSV has 0.01 on every sensor (docs/method.md §5, §7).
 */
public final class SyntheticSession implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Number of analytes (= classes) and of sensors in the paper's sessions. */
    public static final int ANALYTES = 8;

    /** Samples generated per class. */
    public static final int SAMPLES_PER_CLASS = 512;

    /** Exponential location (lower bound) of the concentration of analyte c = 1..8, index c−1. */
    private static final double[] LOCATIONS = {1, 2, 4, 8, 16, 32, 64, 128};

    /** Exponential scale (= SD above the location) of the concentration of analyte c = 1..8, index c−1. */
    private static final double[] SCALES = {0.1, 0.1, 1, 1, 1, 1, 1, 1};

    /** Concentration-session noise SDs, assigned to sensors through a random permutation. */
    private static final double[] CONCENTRATION_NOISE_SD = {0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.05, 0.1};

    /** Exponential location (lower bound) of the concentration of analyte c = 1..8, index c−1 (a copy). */
    public static double[] locations() {
        return LOCATIONS.clone();
    }

    /** Exponential scale of the concentration of analyte c = 1..8, index c−1 (a copy). */
    public static double[] scales() {
        return SCALES.clone();
    }

    /** Concentration-session noise SDs before the random permutation over the sensors (a copy). */
    public static double[] concentrationNoiseSd() {
        return CONCENTRATION_NOISE_SD.clone();
    }

    /** Saturation-session noise SD, the same on every sensor. */
    public static final double SATURATION_NOISE_SD = 0.02;

    /** Saturation sigmoid gain (steepness) applied to conc·affinity. */
    public static final double SIGMOID_GAIN = 8;

    /** Saturation sigmoid midpoint in units of conc·affinity. */
    public static final double SIGMOID_MIDPOINT = 0.5;

    /** Name of the linear session. */
    public static final String CONCENTRATION = "Concentration";

    /** Name of the sigmoid session. */
    public static final String SATURATION = "Saturation";

    private final String name;
    private final double[][] features;
    private final int[] labels;
    /** Noise SD applied to each sensor, or null when the session was not generated here. */
    private final double[] noiseSd;
    /** NumPy's stream as the generation left it, or null when the session was not generated here. */
    private final NumPyLegacyStream afterGeneration;

    private SyntheticSession(String name, double[][] features, int[] labels, double[] noiseSd,
            NumPyLegacyStream afterGeneration) {
        this.name = name;
        this.features = features;
        this.labels = labels;
        this.noiseSd = noiseSd;
        this.afterGeneration = afterGeneration;
    }

    /**
     * Wraps existing data (e.g. a released CSV) as a session. Arrays are copied.
     *
     * @param name     non-empty session name
     * @param features rows × features, at least one row, all rows the same positive length, finite values
     * @param labels   one class label per row
     */
    public static SyntheticSession of(String name, double[][] features, int[] labels) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must be non-empty");
        }
        if (features == null || features.length == 0) {
            throw new IllegalArgumentException("features must have at least one row");
        }
        if (labels == null || labels.length != features.length) {
            throw new IllegalArgumentException("labels must have one entry per row (" + features.length + "), got "
                    + (labels == null ? "null" : labels.length));
        }
        int width = features[0] == null ? 0 : features[0].length;
        if (width == 0) {
            throw new IllegalArgumentException("features row 0 must have at least one feature");
        }
        double[][] copy = new double[features.length][];
        for (int r = 0; r < features.length; r++) {
            if (features[r] == null || features[r].length != width) {
                throw new IllegalArgumentException("features row " + r + " must have " + width + " features");
            }
            for (int f = 0; f < width; f++) {
                if (!Double.isFinite(features[r][f])) {
                    throw new IllegalArgumentException("features row " + r + ", feature " + f
                            + " must be finite, got " + features[r][f]);
                }
            }
            copy[r] = features[r].clone();
        }
        return new SyntheticSession(name, copy, labels.clone(), null, null);
    }

    /**
     * The Concentration session (linear sensors, per-sensor noise on a random permutation).
     *
     * @param seed NumPy seed in [0, 2^32 − 1] (the authors use 314); equal seeds give identical sessions
     * @throws IllegalArgumentException for a seed outside that range
     */
    public static SyntheticSession concentration(long seed) {
        return generate(CONCENTRATION, seed, false);
    }

    /**
     * The Saturation session (sigmoid sensors summed over analytes, N(0, 0.02) noise).
     *
     * @param seed NumPy seed in [0, 2^32 − 1] (the authors use 314); equal seeds give identical sessions
     * @throws IllegalArgumentException for a seed outside that range
     */
    public static SyntheticSession saturation(long seed) {
        return generate(SATURATION, seed, true);
    }

    private static SyntheticSession generate(String name, long seed, boolean saturating) {
        double[] noiseSd = saturating ? null : CONCENTRATION_NOISE_SD;
        return generate(name, seed, saturating, noiseSd);
    }

    /**
     * The authors' generator on NumPy's legacy stream, in their order and precision (torch float32): one
     * concentration per row, class by class (absent analytes draw nothing); the sensor permutation; then per row
     * one normal per permuted sensor, the k-th scaled by {@code concentrationNoiseSd[k]} (Saturation: 0.02).
     */
    static SyntheticSession generate(String name, long seed, boolean saturating, double[] concentrationNoiseSd) {
        AffinityMatrix affinity = AffinityMatrix.paper();
        NumPyLegacyStream random = new NumPyLegacyStream(seed);
        int rows = ANALYTES * SAMPLES_PER_CLASS;

        float[] concentration = new float[rows];
        int[] labels = new int[rows];
        for (int c = 0; c < ANALYTES; c++) {
            for (int s = 0; s < SAMPLES_PER_CLASS; s++) {
                int row = c * SAMPLES_PER_CLASS + s;
                concentration[row] = (float) (random.standardExponential() * SCALES[c] + LOCATIONS[c]);
                labels[row] = c + 1;
            }
        }

        float[][] a = new float[ANALYTES][ANALYTES];
        for (int j = 0; j < ANALYTES; j++) {
            for (int k = 0; k < ANALYTES; k++) {
                a[j][k] = (float) affinity.get(j, k);
            }
        }
        float absent = saturating ? sigmoid(0f) : 0f;
        float[][] response = new float[rows][ANALYTES];
        for (int row = 0; row < rows; row++) {
            int analyte = labels[row] - 1;
            for (int j = 0; j < ANALYTES; j++) {
                float drive = concentration[row] * a[j][analyte];
                if (saturating) {
                    float sum = 0f;
                    for (int k = 0; k < ANALYTES; k++) {
                        sum += k == analyte ? sigmoid(drive) : absent;
                    }
                    response[row][j] = sum;
                } else {
                    response[row][j] = drive;
                }
            }
        }

        int[] permutation = random.permutation(ANALYTES);
        double[] noiseSd = new double[ANALYTES];
        for (int k = 0; k < ANALYTES; k++) {
            noiseSd[permutation[k]] = saturating ? SATURATION_NOISE_SD : concentrationNoiseSd[k];
        }
        double[][] features = new double[rows][ANALYTES];
        for (int row = 0; row < rows; row++) {
            for (int k = 0; k < ANALYTES; k++) {
                int j = permutation[k];
                features[row][j] = (float) (response[row][j] + random.standardNormal() * noiseSd[j]);
            }
        }
        return new SyntheticSession(name, features, labels, noiseSd, random);
    }

    /** The saturating sensor response in float32, as the authors' torch code computes it. */
    private static float sigmoid(float drive) {
        float shifted = drive - (float) SIGMOID_MIDPOINT;
        float e = (float) Math.exp((float) -SIGMOID_GAIN * shifted);
        return 1f / (1f + e);
    }

    /** Session name ({@link #CONCENTRATION}, {@link #SATURATION}, or the name given to {@link #of}). */
    public String name() {
        return name;
    }

    /** Number of rows (samples). */
    public int size() {
        return labels.length;
    }

    /** Number of features (sensors) per row. */
    public int numFeatures() {
        return features[0].length;
    }

    /** Feature matrix [row][sensor] in sensor units, a deep copy. */
    public double[][] features() {
        double[][] copy = new double[features.length][];
        for (int r = 0; r < features.length; r++) {
            copy[r] = features[r].clone();
        }
        return copy;
    }

    /** One row's features, a copy. @param row index in [0, size) */
    public double[] row(int row) {
        if (row < 0 || row >= size()) {
            throw new IllegalArgumentException("row must be in [0, " + size() + "), got " + row);
        }
        return features[row].clone();
    }

    /** Class label per row (1..8 for generated sessions), a copy. */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * Noise SD that the generator applied to each sensor, a copy; empty when the session was built with
     * {@link #of}. For Concentration this is {@link #concentrationNoiseSd()} permuted over the sensors.
     */
    public double[] noiseSd() {
        return noiseSd == null ? new double[0] : noiseSd.clone();
    }

    /**
     * NumPy's stream as the generation left it (a copy): the authors' pipeline resamples from it next
     * ({@link SamplingProtocol#plan(int[], long, NumPyLegacyStream)}). Empty for a session built with {@link #of}.
     */
    public Optional<NumPyLegacyStream> resamplingStream() {
        return Optional.ofNullable(afterGeneration).map(NumPyLegacyStream::copy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SyntheticSession)) {
            return false;
        }
        SyntheticSession other = (SyntheticSession) o;
        return name.equals(other.name) && Arrays.equals(labels, other.labels)
                && Arrays.deepEquals(features, other.features) && Arrays.equals(noiseSd, other.noiseSd);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(labels)) + Arrays.deepHashCode(features);
    }

    @Override
    public String toString() {
        return "SyntheticSession[" + name + ", " + size() + " x " + numFeatures() + "]";
    }
}
