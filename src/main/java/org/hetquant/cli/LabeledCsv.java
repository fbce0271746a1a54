package org.hetquant.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A numeric CSV with a header and an integer class label in the last column, the layout of the sessions the
 * authors released ({@code 0,1,…,7,Label}) and of the sessions HetQuant bundles.
 *
 * @param header column names, label last
 * @param features {@code [row][feature]}
 * @param labels class label per row
 */
public record LabeledCsv(String[] header, double[][] features, int[] labels) {

    /** Reads a file; errors name the file and, for its content, the 1-based line and the column. */
    public static LabeledCsv read(Path file) throws IOException {
        try {
            return readContent(file);
        } catch (IOException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.startsWith(file + ":") || message.startsWith(file + " line")) {
                throw e;
            }
            // The JDK's own errors (not UTF-8 text, a directory, no such file) may not name the file.
            throw new IOException(file + ": " + (e instanceof java.nio.file.NoSuchFileException ? "no such file"
                    : message + " (" + e.getClass().getSimpleName() + ")"), e);
        }
    }

    private static LabeledCsv readContent(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        String[] header;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null) {
                throw new IOException(file + ": empty file, expected a header line");
            }
            header = first.trim().split(",");
            if (header.length < 2) {
                throw new IOException(file + ": the header needs at least one feature and a label column");
            }
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.trim().split(",");
                if (cells.length != header.length) {
                    throw new IOException(file + " line " + lineNo + ": " + cells.length + " columns, header has "
                            + header.length);
                }
                double[] x = new double[cells.length - 1];
                for (int j = 0; j < x.length; j++) {
                    x[j] = parse(cells[j], file, lineNo, header[j]);
                }
                double label = parse(cells[x.length], file, lineNo, header[x.length]);
                if (label != Math.rint(label)) {
                    throw new IOException(file + " line " + lineNo + ": label '" + cells[x.length]
                            + "' is not an integer");
                }
                rows.add(x);
                labels.add((int) label);
            }
        }
        return new LabeledCsv(header, rows.toArray(new double[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double parse(String cell, Path file, int lineNo, String column) throws IOException {
        String s = cell.trim();
        if (s.isEmpty() || s.equals("?") || s.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IOException(file + " line " + lineNo + ", column '" + column + "': '" + cell
                    + "' is not a number");
        }
    }
}
