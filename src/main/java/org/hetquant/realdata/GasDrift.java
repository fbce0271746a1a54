package org.hetquant.realdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The UCI Gas Sensor Array Drift batches (Vergara et al. 2012; Rodriguez-Lujan et al. 2014; CC BY 4.0): each row a
 * gas, its concentration and 128 features (16 sensors × 8 features, sensor-major; see {@code data/gas-drift}).
 */
public final class GasDrift {

    /** The classes, in the order of the data set's documentation. */
    static final List<String> GASES =
            List.of("Ethanol", "Ethylene", "Ammonia", "Acetaldehyde", "Acetone", "Toluene");

    /** Features per sensor. */
    static final int PER_SENSOR = 8;

    /** Sensors in the array. */
    static final int SENSORS = 16;

    /** Short names of a sensor's 8 features, in file order. */
    static final List<String> FEATURE_NAMES =
            List.of("dR", "dRnorm", "rise001", "rise01", "rise1", "decay001", "decay01", "decay1");

    /**
     * One measurement.
     *
     * @param batch 1 or 2
     * @param gas index into {@link #GASES}
     * @param concentration ppmv
     * @param features the 128 features
     */
    public record Sample(int batch, int gas, double concentration, double[] features) {}

    private GasDrift() {}

    /**
     * Reads batches 1 and 2 from a folder holding {@code batchN.dat} or {@code batchN.dat.gz}.
     *
     * @throws IOException if a file is missing or unreadable
     * @throws IllegalArgumentException for a malformed line, naming the file and line
     */
    public static List<Sample> read(Path dir) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (int batch = 1; batch <= 2; batch++) {
            Path plain = dir.resolve("batch" + batch + ".dat");
            Path gz = dir.resolve("batch" + batch + ".dat.gz");
            Path file = Files.exists(gz) ? gz : plain;
            if (!Files.exists(file)) {
                throw new IOException("gas-drift batch " + batch + " not found: neither " + gz + " nor " + plain);
            }
            try (InputStream raw = Files.newInputStream(file);
                    InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                int number = 0;
                while ((line = r.readLine()) != null) {
                    number++;
                    if (!line.isBlank()) {
                        samples.add(parse(line, batch, file, number));
                    }
                }
            }
        }
        return samples;
    }

    private static Sample parse(String line, int batch, Path file, int number) {
        String[] f = line.split(",");
        if (f.length != 2 + SENSORS * PER_SENSOR) {
            throw new IllegalArgumentException(file + " line " + number + ": expected " + (2 + SENSORS * PER_SENSOR)
                    + " comma-separated fields, got " + f.length);
        }
        int gas = GASES.indexOf(f[0].trim());
        if (gas < 0) {
            throw new IllegalArgumentException(file + " line " + number + ": unknown gas '" + f[0] + "', expected one of "
                    + GASES);
        }
        try {
            double[] x = new double[SENSORS * PER_SENSOR];
            for (int j = 0; j < x.length; j++) {
                x[j] = Double.parseDouble(f[2 + j].trim());
            }
            return new Sample(batch, gas, Double.parseDouble(f[1].trim()), x);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + number + ": " + e.getMessage(), e);
        }
    }

    /** The feature sets of the study. */
    enum FeatureSet {
        /** ΔR of sensors 1–8, as the paper's code release reads the data. */
        DR8("ΔR, sensors 1–8", sensors(8)),
        /** ΔR of all 16 sensors, as the spiking-network literature reads it. */
        DR16("ΔR, 16 sensors", sensors(16)),
        /** All 128 features: 8 kinds of feature, on scales from 10⁻¹ to 10⁵, three of them negative. */
        ALL128("all 128 features", all());

        final String label;
        private final int[] columns;

        FeatureSet(String label, int[] columns) {
            this.label = label;
            this.columns = columns;
        }

        /** Indices into {@link Sample#features()}. */
        int[] columns() {
            return columns.clone();
        }

        int size() {
            return columns.length;
        }

        /** Attribute names, e.g. {@code sensor3_dR}. */
        String[] names() {
            String[] names = new String[columns.length];
            for (int i = 0; i < columns.length; i++) {
                int c = columns[i];
                names[i] = "sensor" + (c / PER_SENSOR + 1) + "_" + FEATURE_NAMES.get(c % PER_SENSOR);
            }
            return names;
        }

        private static int[] sensors(int count) {
            int[] c = new int[count];
            for (int s = 0; s < count; s++) {
                c[s] = s * PER_SENSOR;
            }
            return c;
        }

        private static int[] all() {
            int[] c = new int[SENSORS * PER_SENSOR];
            Arrays.setAll(c, i -> i);
            return c;
        }
    }
}
