package org.hetquant.engine;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.memory.Memory;

/**
 * The calibration values of one feature over one stretch of rows: either exactly, as a set of distinct doubles
 * (a primitive buffer, sorted and deduplicated lazily), or approximately, as an Apache DataSketches KLL quantile
 * sketch of the values as they arrived. Used only by {@link CalibrationSummary}.
 *
 * <p>Exact mode: {@code items[0, distinct)} is sorted and duplicate-free, {@code items[distinct, size)} holds
 * values appended since the last compaction. Not thread-safe.
 */
final class FeatureValues implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int INITIAL_CAPACITY = 16;
    private static final double[] EMPTY = new double[0];

    private transient double[] items = EMPTY;
    private transient int size;
    private transient int distinct;
    /** Non-null in sketch mode. */
    private transient KllDoublesSketch sketch;

    /** Whether the values are kept exactly. */
    boolean exact() {
        return sketch == null;
    }

    /** Exact mode: whether the buffer is full, so the next {@link #add} needs a {@link #compact()} first. */
    boolean full() {
        return sketch == null && size == items.length;
    }

    /** Exact mode: distinct values as of the last compaction. */
    int distinct() {
        return distinct;
    }

    /** Adds one value (exact mode: the buffer must not be {@link #full()}). */
    void add(double value) {
        if (sketch != null) {
            sketch.update(value);
        } else {
            items[size++] = value;
        }
    }

    /**
     * Exact mode: sorts and deduplicates the buffer, then makes room for at least as many new values as are
     * stored (capacity at most twice the distinct count, and at least {@value #INITIAL_CAPACITY}).
     *
     * @return the change in the distinct count
     */
    int compact() {
        int before = distinct;
        if (size > distinct) {
            // Sort only the values appended since the last compaction, then merge them into the sorted prefix
            // from the back, in place, dropping duplicates on the way out.
            int appended = size - distinct;
            double[] tail = Arrays.copyOfRange(items, distinct, size);
            Arrays.sort(tail);
            int a = distinct - 1;
            int b = appended - 1;
            int write = size;
            while (b >= 0) {
                double next = a >= 0 && items[a] > tail[b] ? items[a--] : tail[b--];
                if (write == size || items[write] != next) {
                    items[--write] = next;
                }
            }
            while (a >= 0) {
                double next = items[a--];
                if (items[write] != next) {
                    items[--write] = next;
                }
            }
            int d = size - write;
            System.arraycopy(items, write, items, 0, d);
            size = d;
            distinct = d;
        }
        int capacity = Math.max(INITIAL_CAPACITY, 2 * distinct);
        if (items.length < capacity || items.length > 2 * capacity) {
            items = Arrays.copyOf(items, capacity);
        }
        return distinct - before;
    }

    /** Exact mode, after {@link #compact()}: the distinct values, ascending (the live array; do not modify). */
    double[] sortedView() {
        return items;
    }

    /** Switches to sketch mode with KLL parameter k: every distinct value stored so far enters once. */
    void toSketch(int k) {
        if (sketch != null) {
            return;
        }
        compact();
        KllDoublesSketch s = KllDoublesSketch.newHeapInstance(k);
        for (int i = 0; i < distinct; i++) {
            s.update(items[i]);
        }
        sketch = s;
        items = EMPTY;
        size = 0;
        distinct = 0;
    }

    /** Sketch mode: the sketch itself (live; do not modify). */
    KllDoublesSketch sketch() {
        return sketch;
    }

    /**
     * Adds every value of {@code other} (which is left unchanged). Both must be in the same mode.
     */
    void addAll(FeatureValues other) {
        if (sketch != null) {
            sketch.merge(other.sketch);
            return;
        }
        int needed = size + other.size;
        if (items.length < needed) {
            items = Arrays.copyOf(items, Math.max(needed, 2 * items.length));
        }
        // Appended unsorted; the next compaction merges them (so merging a small set costs O(small)).
        System.arraycopy(other.items, 0, items, size, other.size);
        size = needed;
    }

    /** Exchanges the contents of two value sets (used to merge the smaller into the larger). */
    void swap(FeatureValues other) {
        double[] i = items;
        int s = size;
        int d = distinct;
        KllDoublesSketch k = sketch;
        items = other.items;
        size = other.size;
        distinct = other.distinct;
        sketch = other.sketch;
        other.items = i;
        other.size = s;
        other.distinct = d;
        other.sketch = k;
    }

    /** Amount of data held: values in the buffer (exact) or retained by the sketch. */
    int weight() {
        return sketch == null ? size : sketch.getNumRetained();
    }

    /** A deep copy. */
    FeatureValues copy() {
        FeatureValues c = new FeatureValues();
        c.items = Arrays.copyOf(items, items.length);
        c.size = size;
        c.distinct = distinct;
        c.sketch = sketch == null ? null : KllDoublesSketch.heapify(Memory.wrap(sketch.toByteArray()));
        return c;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        if (sketch != null) {
            out.writeBoolean(true);
            byte[] bytes = sketch.toByteArray();
            out.writeInt(bytes.length);
            out.write(bytes);
        } else {
            out.writeBoolean(false);
            compact();
            out.writeInt(distinct);
            for (int i = 0; i < distinct; i++) {
                out.writeDouble(items[i]);
            }
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (in.readBoolean()) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            sketch = KllDoublesSketch.heapify(Memory.wrap(bytes));
            items = EMPTY;
        } else {
            int d = in.readInt();
            items = new double[Math.max(INITIAL_CAPACITY, 2 * d)];
            for (int i = 0; i < d; i++) {
                items[i] = in.readDouble();
            }
            size = d;
            distinct = d;
        }
    }
}
