package weka.filters.unsupervised.attribute.hetquant;

import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLong;
import org.hetquant.engine.InvalidValueException;
import org.hetquant.engine.Normalization;

/**
 * The normalization step of the two normalizer nodes and of the composite node, in one place: per-sample L1
 * ({@link Normalization}) with or without the data-level shift learned on the first batch, and the count of
 * values still negative after the shift, clamped to 0. Thread-safe once fitted.
 */
final class NormalizationStage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Advice for a negative value where the node has the shift but it is off. */
    static final String TURN_THE_SHIFT_ON = " Turn the data-level shift on (drop -no-shift): it learns the first"
            + " batch's minimum and subtracts it. Or fix the data.";

    private volatile Normalization m_Normalization;
    private final AtomicLong m_ClampedTotal = new AtomicLong();
    private final AtomicLong m_ClampedInBatch = new AtomicLong();

    /** Starts over for a new input format: without the shift ready at once, with it after {@link #fit}. */
    void reset(boolean shift) {
        m_Normalization = shift ? null : Normalization.withoutShift();
        m_ClampedTotal.set(0);
        m_ClampedInBatch.set(0);
    }

    /**
     * Learns the data-level shift on the first batch's raw rows.
     *
     * @throws InvalidValueException for an infinite value, naming its row and feature
     */
    void fit(double[][] rows) {
        m_Normalization = Normalization.fit(rows, true);
    }

    /** Whether it is ready to normalize. */
    boolean fitted() {
        return m_Normalization != null;
    }

    /**
     * Normalizes a row of feature values in place, counting values clamped to 0 after the shift.
     *
     * @throws InvalidValueException for an infinite value, or a negative one without the shift, naming the feature
     */
    void apply(double[] features) {
        int clamped = m_Normalization.apply(features, features, -1);
        if (clamped > 0) {
            m_ClampedInBatch.addAndGet(clamped);
            m_ClampedTotal.addAndGet(clamped);
        }
    }

    /** Values clamped to 0 since the input format was set (always 0 without the shift). */
    long clampedTotal() {
        return m_ClampedTotal.get();
    }

    /**
     * Ends a batch: with Weka's debug output on, says how many of its values were clamped; the batch count then
     * starts again at 0.
     */
    void batchDone(AbstractHetQuantFilter node) {
        long clamped = m_ClampedInBatch.getAndSet(0);
        if (node.getDebug() && clamped > 0) {
            System.err.println(node.getClass().getSimpleName() + ": clamped " + clamped
                    + " value(s) still negative after the shift to 0 in this batch");
        }
    }

    /** One line on the normalization in use, e.g. "L1 normalization after shift by 1.0". */
    String describe() {
        Normalization n = m_Normalization;
        return n == null ? "L1 normalization (shift not fitted yet)" : n.toString();
    }

    /** The clamp count line of a fitted node's description, or "" without the shift. */
    String describeClamps() {
        Normalization n = m_Normalization;
        return n != null && n.shiftEnabled() ? "values clamped to 0 so far: " + clampedTotal() + "\n" : "";
    }
}
