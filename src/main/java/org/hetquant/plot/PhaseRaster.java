package org.hetquant.plot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hetquant.engine.Summary;
import org.hetquant.engine.Utilization;

/**
 * The spike-phase output of a layer for a set of samples: one row per sample, one column per unit, each cell the
 * unit's phase code (0 = silent; any other value = the unit fired, in whatever encoding the quantizer used).
 * Immutable; the arrays are copied in and out.
 */
public final class PhaseRaster implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] unitNames;
    private final int[][] phases;

    /**
     * @param unitNames one name per unit (e.g. {@code sensor3_n05}), at least one
     * @param phases samples × units phase codes, at least one sample; codes must be ≥ 0
     * @throws IllegalArgumentException if there is no unit or sample, a row has the wrong length or a code is
     *     negative (the message names the row and unit)
     */
    public PhaseRaster(String[] unitNames, int[][] phases) {
        if (unitNames.length < 1) {
            throw new IllegalArgumentException("unitNames must name at least one unit");
        }
        if (phases.length < 1) {
            throw new IllegalArgumentException("phases must hold at least one sample");
        }
        this.unitNames = unitNames.clone();
        this.phases = new int[phases.length][];
        for (int s = 0; s < phases.length; s++) {
            if (phases[s].length != unitNames.length) {
                throw new IllegalArgumentException("phases row " + s + " has " + phases[s].length
                        + " units, expected " + unitNames.length);
            }
            for (int u = 0; u < phases[s].length; u++) {
                if (phases[s][u] < 0) {
                    throw new IllegalArgumentException("phases row " + s + ", unit " + unitNames[u]
                            + ": phase code must be >= 0, got " + phases[s][u]);
                }
            }
            this.phases[s] = phases[s].clone();
        }
    }

    public int samples() {
        return phases.length;
    }

    public int units() {
        return unitNames.length;
    }

    public String unitName(int unit) {
        return unitNames[unit];
    }

    /** Phase code of one unit in one sample (0 = silent). */
    public int phase(int sample, int unit) {
        return phases[sample][unit];
    }

    /** Largest phase code present (0 if every unit is silent in every sample). */
    public int maxPhase() {
        int max = 0;
        for (int[] row : phases) {
            for (int p : row) {
                max = Math.max(max, p);
            }
        }
        return max;
    }

    /** Per-sample utilization: the percentage of the layer's units that fired, each in [0, 100]. */
    public double[] utilizationPerSample() {
        double[] u = new double[phases.length];
        for (int s = 0; s < phases.length; s++) {
            u[s] = Utilization.ofSample(phases[s]);
        }
        return u;
    }

    /**
     * Mean and SD (n − 1, the paper's convention) of per-sample utilization across the samples; the SD of a single
     * sample is undefined.
     */
    public Summary utilization() {
        return Utilization.summarize(utilizationPerSample());
    }

    /**
     * The samples of several rasters over the same units, in order (e.g. the test folds of a cross-validation).
     *
     * @throws IllegalArgumentException if the list is empty or the rasters' units differ (the message names the
     *     first raster that differs)
     */
    public static PhaseRaster concat(List<PhaseRaster> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("parts must hold at least one raster");
        }
        PhaseRaster first = parts.get(0);
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            PhaseRaster r = parts.get(i);
            if (!Arrays.equals(r.unitNames, first.unitNames)) {
                throw new IllegalArgumentException("raster " + i + " has units " + Arrays.toString(r.unitNames)
                        + ", raster 0 has " + Arrays.toString(first.unitNames));
            }
            rows.addAll(Arrays.asList(r.phases));
        }
        return new PhaseRaster(first.unitNames, rows.toArray(new int[0][]));
    }

    @Override
    public String toString() {
        return "PhaseRaster[" + phases.length + " samples x " + unitNames.length + " units: "
                + Arrays.toString(Arrays.copyOf(unitNames, Math.min(3, unitNames.length)))
                + (unitNames.length > 3 ? "…" : "") + "]";
    }
}
