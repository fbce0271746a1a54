package weka.filters.unsupervised.attribute.hetquant;

import weka.core.SparseInstance;

/** Sparse output rows built with one allocation of their stored values. */
final class SparseRows {

    private SparseRows() {}

    /**
     * The sparse row holding the non-zero entries of {@code values} (missing values, NaN, are stored).
     *
     * @param weight the row's instance weight
     * @param values the full row; read, not kept
     */
    static SparseInstance of(double weight, double[] values) {
        int stored = 0;
        for (double v : values) {
            if (v != 0.0) {
                stored++;
            }
        }
        double[] attValues = new double[stored];
        int[] indices = new int[stored];
        int s = 0;
        for (int j = 0; j < values.length; j++) {
            if (values[j] != 0.0) {
                attValues[s] = values[j];
                indices[s++] = j;
            }
        }
        // SparseInstance's public constructors copy these arrays again; its copy constructor shares them.
        return new SparseInstance(new Adopted(weight, attValues, indices, values.length));
    }

    /** Takes the arrays as they are, for {@link SparseInstance#SparseInstance(SparseInstance)} to share. */
    private static final class Adopted extends SparseInstance {

        private static final long serialVersionUID = 1L;

        Adopted(double weight, double[] attValues, int[] indices, int numAttributes) {
            m_Weight = weight;
            m_AttValues = attValues;
            m_Indices = indices;
            m_NumAttributes = numAttributes;
        }
    }
}
