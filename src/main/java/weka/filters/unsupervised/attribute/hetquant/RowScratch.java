package weka.filters.unsupervised.attribute.hetquant;

/**
 * Per-thread buffers for transforming rows (the features read from a row, and the pieces of a sparse output row), so
 * that rows given from several threads are never mixed and a row allocates only the values it stores. Each buffer
 * grows to the largest size asked of it in its thread; a buffer of the exact size is returned where the caller needs
 * the length to match.
 */
final class RowScratch {

    private static final ThreadLocal<RowScratch> SCRATCH = ThreadLocal.withInitial(RowScratch::new);

    private double[] m_Features = new double[0];
    private double[] m_Values = new double[0];
    private int[] m_Indices = new int[0];
    private double[] m_ListedValues = new double[0];
    private int[] m_ListedIndices = new int[0];
    private double[] m_Transformed = new double[0];
    private int[] m_PackedAt = new int[0];
    private int m_PackedWidth;

    private RowScratch() {}

    /** This thread's buffers. */
    static RowScratch get() {
        return SCRATCH.get();
    }

    /** The features read from the row being transformed, exactly {@code count} long. */
    double[] features(int count) {
        if (m_Features.length != count) {
            m_Features = new double[count];
        }
        return m_Features;
    }

    /** A row's stored values, at least {@code size} long. */
    double[] values(int size) {
        m_Values = atLeast(m_Values, size);
        return m_Values;
    }

    /** Their indices, at least {@code size} long. */
    int[] indices(int size) {
        m_Indices = atLeast(m_Indices, size);
        return m_Indices;
    }

    /** The features' listed non-zero outputs, at least {@code size} long. */
    double[] listedValues(int size) {
        m_ListedValues = atLeast(m_ListedValues, size);
        return m_ListedValues;
    }

    /** Their indices, at least {@code size} long. */
    int[] listedIndices(int size) {
        m_ListedIndices = atLeast(m_ListedIndices, size);
        return m_ListedIndices;
    }

    /** The features' outputs side by side, at least {@code size} long. */
    double[] transformed(int size) {
        m_Transformed = atLeast(m_Transformed, size);
        return m_Transformed;
    }

    /** {@code buffer}, or a new one if it is shorter than {@code size}. */
    private static double[] atLeast(double[] buffer, int size) {
        return buffer.length < size ? new double[size] : buffer;
    }

    /** {@code buffer}, or a new one if it is shorter than {@code size}. */
    private static int[] atLeast(int[] buffer, int size) {
        return buffer.length < size ? new int[size] : buffer;
    }

    /** Output offsets 0, width, 2·width, … for {@code features} features packed side by side. */
    int[] packedAt(int features, int width) {
        if (m_PackedAt.length != features || m_PackedWidth != width) {
            m_PackedAt = new int[features];
            for (int f = 0; f < features; f++) {
                m_PackedAt[f] = f * width;
            }
            m_PackedWidth = width;
        }
        return m_PackedAt;
    }
}
