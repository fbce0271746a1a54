package org.hetquant.experiment;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Shuffled stratified k-fold assignment, following scikit-learn's {@code StratifiedKFold(shuffle=True)}.
 *
 * <p>Per-class fold sizes are those of scikit-learn: the labels are sorted and dealt round-robin to the
 * folds, so every fold gets the same total (± 1) and each class is spread as evenly as it can be. Within a
 * class (classes in order of first appearance), the fold numbers are then shuffled with NumPy's {@code shuffle}.
 * Given {@code new NumPyLegacyStream(s)} it returns the test folds {@code StratifiedKFold(k, shuffle=True,
 * random_state=s)} makes, draw for draw, and refuses what it refuses (k above every class's count): the authors'
 * sampling folds ({@link SamplingProtocol}) and their SVM's splits.
 */
public final class StratifiedFolds {

    private StratifiedFolds() {}

    /**
     * Assigns every sample to one of {@code k} test folds.
     *
     * @param labels class label per sample
     * @param k number of folds, in [2, number of samples]
     * @param rng the stream that shuffles each class's fold numbers (scikit-learn's {@code RandomState(random_state)});
     *     advanced
     * @return the test fold, in [0, k), of each sample
     * @throws IllegalArgumentException if {@code k} is out of range, or larger than every class's count (which
     *     scikit-learn refuses too)
     */
    public static int[] assign(int[] labels, int k, NumPyLegacyStream rng) {
        if (k < 2 || k > labels.length) {
            throw new IllegalArgumentException(
                    "folds k must be in [2, " + labels.length + "] (the number of samples), got " + k);
        }
        // Classes are numbered by first appearance, as scikit-learn encodes them before sorting.
        Map<Integer, Integer> codes = new LinkedHashMap<>();
        int[] encoded = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            encoded[i] = codes.computeIfAbsent(labels[i], c -> codes.size());
        }
        int classes = codes.size();
        int[] counts = new int[classes];
        for (int e : encoded) {
            counts[e]++;
        }
        if (Arrays.stream(counts).allMatch(count -> count < k)) {
            throw new IllegalArgumentException("folds k = " + k + " exceeds the size of every class (the largest has "
                    + Arrays.stream(counts).max().getAsInt() + " samples)");
        }
        int[] sorted = encoded.clone();
        Arrays.sort(sorted);
        // allocation[f][c]: how many samples of class c fold f tests (the labels dealt round-robin).
        int[][] allocation = new int[k][classes];
        for (int i = 0; i < sorted.length; i++) {
            allocation[i % k][sorted[i]]++;
        }
        int[] folds = new int[labels.length];
        for (int c = 0; c < classes; c++) {
            int[] forClass = new int[counts[c]];
            int at = 0;
            for (int f = 0; f < k; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    forClass[at++] = f;
                }
            }
            rng.shuffle(forClass);
            at = 0;
            for (int i = 0; i < labels.length; i++) {
                if (encoded[i] == c) {
                    folds[i] = forClass[at++];
                }
            }
        }
        return folds;
    }

    /** Indices (ascending) of the samples whose fold is {@code fold} ({@code in == true}) or is not. */
    public static int[] select(int[] folds, int fold, boolean in) {
        return java.util.stream.IntStream.range(0, folds.length)
                .filter(i -> (folds[i] == fold) == in)
                .toArray();
    }
}
