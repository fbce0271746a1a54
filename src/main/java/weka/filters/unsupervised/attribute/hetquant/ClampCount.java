package weka.filters.unsupervised.attribute.hetquant;

import java.io.Serializable;

/**
 * Values clamped to 0 by a normalization with the data-level shift (still negative after it), counted since the
 * input format was set and in the current batch, for the nodes that normalize (their description and debug
 * output).
 */
final class ClampCount implements Serializable {

    private static final long serialVersionUID = 1L;

    private long m_Total;
    private long m_InBatch;

    /** Counts from zero again (a new input format). */
    void reset() {
        m_Total = 0;
        m_InBatch = 0;
    }

    /** Adds the values one row had clamped. */
    void add(int clamped) {
        m_Total += clamped;
        m_InBatch += clamped;
    }

    /** Values clamped since the input format was set. */
    long total() {
        return m_Total;
    }

    /** Ends a batch; with debug output on, reports on the console how many of its values were clamped. */
    void endBatch(AbstractHetQuantFilter node) {
        if (node.getDebug() && m_InBatch > 0) {
            System.err.println(node.getClass().getSimpleName() + ": clamped " + m_InBatch
                    + " value(s) still negative after the shift to 0 in this batch");
        }
        m_InBatch = 0;
    }
}
