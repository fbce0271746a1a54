package org.hetquant.engine;

/**
 * How a recorded (paper) phase is presented downstream, e.g. as a Weka attribute value.
 */
public enum PhaseEncoding {

    /**
     * The published numbering, kept for fidelity (docs/method.md §6 item 10): 0 silent, then the strongest phase (2 by
     * default) up to the weakest (17). Note that silence sorts below the strongest response.
     */
    PAPER,

    /**
     * 0 silent, 1 for the weakest firing phase up to {@link PhaseTable#levels()} for the strongest, so the
     * value grows with the drive.
     */
    ASCENDING,

    /** 1 if the unit spiked in the readout cycle, 0 if silent. */
    BINARY;

    /**
     * Maps a paper phase to this encoding.
     *
     * @param paperPhase 0 or one of {@code table.phases()}
     * @param table      the table that produced the phase
     * @throws IllegalArgumentException if paperPhase is neither 0 nor a phase of the table
     */
    public int encode(int paperPhase, PhaseTable table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (paperPhase == 0) {
            return 0;
        }
        int index = table.indexOf(paperPhase);
        if (index < 0) {
            throw new IllegalArgumentException("paperPhase must be 0 or a firing phase in ["
                    + table.strongestPhase() + ", " + table.weakestPhase() + "] produced by the table, got "
                    + paperPhase);
        }
        switch (this) {
            case PAPER:
                return paperPhase;
            case ASCENDING:
                return index + 1;
            default:
                return 1;
        }
    }

    /**
     * The whole mapping as a lookup table, for encoding many phases: {@code lookup(table)[p] == encode(p, table)}
     * for every paper phase p the table can produce (and 0).
     *
     * @return an array indexed by paper phase, of length {@code table.weakestPhase() + 1}
     */
    public int[] lookup(PhaseTable table) {
        int[] codes = new int[table.weakestPhase() + 1];
        for (int p : table.phases()) {
            codes[p] = encode(p, table);
        }
        return codes;
    }

    /** Largest value this encoding produces with the given table (the smallest is always 0, silence). */
    public int maxValue(PhaseTable table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        switch (this) {
            case PAPER:
                return table.weakestPhase();
            case ASCENDING:
                return table.levels();
            default:
                return 1;
        }
    }
}
