package weka.filters.unsupervised.attribute.hetquant;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices a batch whose every neuron stayed silent (phase 0 everywhere), which nearly always means the node got
 * the wrong input (e.g. raw values instead of drives), and says so, with advice, once per input format; every
 * such batch is counted. Used by the nodes that output phases.
 */
final class SilenceWatch implements Serializable {

    private static final long serialVersionUID = 1L;

    private final AtomicLong m_Rows = new AtomicLong();
    private final AtomicLong m_FiringRows = new AtomicLong();
    private final AtomicLong m_SilentBatches = new AtomicLong();
    private volatile boolean m_Warned;

    /** Starts over for a new input format. */
    void reset() {
        m_Rows.set(0);
        m_FiringRows.set(0);
        m_SilentBatches.set(0);
        m_Warned = false;
    }

    /** Records one output row: whether any of its neurons fired. */
    void row(boolean fired) {
        m_Rows.incrementAndGet();
        if (fired) {
            m_FiringRows.incrementAndGet();
        }
    }

    /**
     * Ends a batch: if it had rows and none fired, counts it and, the first time, warns through the node.
     *
     * @param advice what the node's user should check, one or more sentences
     */
    void batchDone(AbstractHetQuantFilter node, String advice) {
        long rows = m_Rows.getAndSet(0);
        long firing = m_FiringRows.getAndSet(0);
        if (rows > 0 && firing == 0) {
            m_SilentBatches.incrementAndGet();
            if (!m_Warned) {
                m_Warned = true;
                node.warn("every neuron of this batch's " + rows + " row(s) stayed silent (phase 0). " + advice
                        + " (Said once; silentBatchCount() counts such batches.)");
            }
        }
    }

    /** Batches since the input format was set whose every neuron stayed silent. */
    long silentBatches() {
        return m_SilentBatches.get();
    }
}
