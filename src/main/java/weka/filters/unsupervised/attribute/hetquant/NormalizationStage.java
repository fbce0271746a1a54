package weka.filters.unsupervised.attribute.hetquant;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.NegativePolicy;
import org.hetquant.engine.Normalization;

/**
 * The normalization step of the two normalizer nodes and of the composite node, in one place: per-sample L1
 * ({@link Normalization}) with the negative-value policy (offset and shift learned on the first batch), and the
 * count of negative values clipped to 0. Thread-safe once fitted.
 */
final class NormalizationStage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Advice for a negative value under {@code -negative error}, in a node that has the other policies. */
    static final String CHOOSE_A_POLICY = " Choose what to do with negative values: -negative clip (to 0, the"
            + " default), offset (each attribute's own minimum) or shift (the paper's global minimum). Or fix the"
            + " data.";

    private volatile Normalization m_Normalization;
    private final AtomicLong m_ClampedTotal = new AtomicLong();
    private final AtomicLong m_ClampedInBatch = new AtomicLong();
    private final AtomicLong m_EmptiedTotal = new AtomicLong();
    private final AtomicLong m_EmptiedInBatch = new AtomicLong();
    /** The first row left all zero by clipping, as {@link AbstractHetQuantFilter#transformingRow()} names it. */
    private volatile String m_FirstEmptied;
    private volatile boolean m_WarnedEmptied;

    /** The policy in use (set by {@link #reset}). */
    private volatile NegativePolicy m_Policy = NegativePolicy.ERROR;

    /** Starts over for a new input format: a policy that learns nothing is ready at once, the others after fit. */
    void reset(NegativePolicy policy) {
        m_Policy = policy;
        m_Normalization = policy.fits() ? null : Normalization.fit(new double[0][], policy);
        m_ClampedTotal.set(0);
        m_ClampedInBatch.set(0);
        m_EmptiedTotal.set(0);
        m_EmptiedInBatch.set(0);
        m_FirstEmptied = null;
        m_WarnedEmptied = false;
    }

    /**
     * Learns the offset or shift on the first batch's raw rows.
     *
     * @throws InvalidValueException for an infinite value, naming its row and feature
     */
    void fit(double[][] rows) {
        m_Normalization = Normalization.fit(rows, m_Policy);
    }

    /** Whether it is ready to normalize. */
    boolean fitted() {
        return m_Normalization != null;
    }

    /**
     * Normalizes the row being transformed in place, counting the values clipped to 0 and the rows that clipping
     * leaves with no positive value (they normalize to all zeros, so their neurons stay silent).
     *
     * @throws InvalidValueException for an infinite value, or a negative one with the error policy, naming the
     *     feature
     */
    void apply(double[] features) {
        int clamped = m_Normalization.apply(features, features, -1);
        if (clamped > 0) {
            m_ClampedInBatch.addAndGet(clamped);
            m_ClampedTotal.addAndGet(clamped);
            if (allZeroOrMissing(features)) {
                m_EmptiedInBatch.incrementAndGet();
                if (m_EmptiedTotal.getAndIncrement() == 0) {
                    m_FirstEmptied = AbstractHetQuantFilter.transformingRow();
                }
            }
        }
    }

    private static boolean allZeroOrMissing(double[] normalized) {
        for (double v : normalized) {
            if (v != 0.0 && !Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Normalizes a row in place without counting anything: a first-batch row for fitting (calibration, gain
     * scale), counted once when it is transformed, or data for the diagnostics.
     *
     * @throws InvalidValueException as {@link #apply}
     */
    void applyForFit(double[] features) {
        m_Normalization.apply(features, features, -1);
    }

    /** Values clipped to 0 since the input format was set (always 0 with the error policy). */
    long clampedTotal() {
        return m_ClampedTotal.get();
    }

    /**
     * Ends a batch: with Weka's debug output on, says how many of its values were clamped; the batch count then
     * starts again at 0.
     */
    void batchDone(AbstractHetQuantFilter node) {
        long clamped = m_ClampedInBatch.getAndSet(0);
        long emptied = m_EmptiedInBatch.getAndSet(0);
        if (node.getDebug() && clamped > 0) {
            System.err.println(node.getClass().getSimpleName() + ": clipped " + clamped
                    + " negative value(s) to 0 in this batch");
        }
        if (emptied > 0 && !m_WarnedEmptied) {
            m_WarnedEmptied = true;
            node.warn(emptied + " row(s) of this batch had no positive value left after negative values were"
                    + " clipped to 0 (the first: " + m_FirstEmptied + "); such a row normalizes to all zeros and"
                    + " every neuron of it stays silent. If negative readings carry information (e.g."
                    + " baseline-corrected sensors), use -negative offset or -negative shift; -negative error"
                    + " rejects them. (Said once; emptiedRowCount() counts such rows.)");
        }
    }

    /** Rows since the input format was set that clipping left with no positive value (all zeros). */
    long emptiedTotal() {
        return m_EmptiedTotal.get();
    }

    /** One line on the normalization in use, e.g. "L1 normalization after shift by 1.0". */
    String describe() {
        Normalization n = m_Normalization;
        return n == null ? "L1 normalization (" + m_Policy.name().toLowerCase(java.util.Locale.ROOT)
                + " not fitted yet)" : n.toString();
    }

    /** The clip count line of a fitted node's description, or "" with the error policy. */
    String describeClamps() {
        Normalization n = m_Normalization;
        return n != null && n.policy() != NegativePolicy.ERROR
                ? "values clipped to 0 so far: " + clampedTotal() + (emptiedTotal() > 0 ? "; rows left all zero by"
                        + " clipping: " + emptiedTotal() + " (the first: " + m_FirstEmptied + ")" : "") + "\n"
                : "";
    }
}
