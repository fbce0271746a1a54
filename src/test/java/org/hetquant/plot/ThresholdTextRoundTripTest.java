package org.hetquant.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.hetquant.HetQuantCalibrator;

/**
 * Property: for any attribute names an ARFF file can hold, the text HetQuant writes about neuron thresholds reads
 * back to the same names and thresholds — a fitted calibrator's description, the diagnostics text and the
 * compact form. Names are generated from an alphabet rich in the characters that separate or quote (space,
 * parentheses, commas, semicolons, colons, quotes, backslash, percent, braces, tabs, line breaks, Unicode
 * spaces), seeded, and kept when an ARFF header round-trips them (the definition of legal used here).
 */
class ThresholdTextRoundTripTest {

    private static final String ALPHABET = "abcXYZ019 _-.()[]{},;:'\"\\%?=/@#$\t\n\r\u00e9\u4e2d\u00a0\u2028\u000b\u001e";
    private static final String[] CORNER_CASES = {"temp (C)", "a,b", "a;b", "x:y", "'q'", "\"dq\"", "?",
        "back\\slash", "%pct", " lead", "trail ", "attribute x", "n00", "  neuron", "fires from x >=", "${user.home}",
        "a: 1; b", "n00 1 2", "\u00e9t\u00e9 (\u00b0C)"};

    @Test
    void anyLegalArffNameRoundTripsThroughEveryThresholdText() throws Exception {
        Random random = new Random(20261130L);
        int checked = 0;
        for (int trial = 0; trial < 300; trial++) {
            Set<String> names = new LinkedHashSet<>();
            if (trial < CORNER_CASES.length) {
                names.add(CORNER_CASES[trial]);
            }
            while (names.size() < 3) {
                names.add(randomName(random));
            }
            List<String> legal = new ArrayList<>();
            for (String name : names) {
                if (arffRoundTrips(name)) {
                    legal.add(name);
                }
            }
            if (legal.isEmpty()) {
                continue;
            }
            checked += legal.size();
            HetQuantCalibrator calibrator = new HetQuantCalibrator();
            calibrator.setOptions(new String[] {"-N", String.valueOf(1 + random.nextInt(4))});
            Instances data = normalizedData(legal, random);
            calibrator.setInputFormat(data);
            Filter.useFilter(data, calibrator);
            double[][] onsets = calibrator.onsets();

            String description = calibrator.toString();
            List<FeatureThresholds> read = FeatureThresholds.parse(description);
            assertEquals(legal.size(), read.size(), description);
            for (int f = 0; f < legal.size(); f++) {
                assertEquals(legal.get(f), read.get(f).feature(), description);
                double[] t = read.get(f).thresholds();
                assertEquals(onsets[f].length, t.length, description);
                for (int k = 0; k < t.length; k++) {
                    // The description prints 8 significant digits.
                    assertEquals(onsets[f][k], t[k], Math.abs(onsets[f][k]) * 1e-7, description);
                }
            }

            List<FeatureThresholds> exact = new ArrayList<>();
            for (int f = 0; f < legal.size(); f++) {
                exact.add(new FeatureThresholds(legal.get(f), onsets[f]));
            }
            String diagnostics = "HetQuant diagnostics — x\nsamples: 3, units: 6\n"
                    + DiagnosticsReport.thresholdsText(exact);
            assertEquals(exact, FeatureThresholds.parse(diagnostics), diagnostics);
            assertEquals(exact, FeatureThresholds.parseAll(FeatureThresholds.format(exact)));
            assertEquals(exact.get(0), FeatureThresholds.parseAll(exact.get(0).toString()).get(0));
        }
        assertTrue(checked > 500, "only " + checked + " legal names generated");
    }

    private static String randomName(Random random) {
        int length = 1 + random.nextInt(10);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Whether an ARFF header with an attribute of this name reads back with the same name. */
    private static boolean arffRoundTrips(String name) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        attributes.add(new Attribute(name));
        String arff = new Instances("r", attributes, 0).toString();
        try {
            return new Instances(new StringReader(arff)).attribute(0).name().equals(name);
        } catch (Exception e) {
            return false;
        }
    }

    /** Rows of positive values summing to 1 over the named attributes, plus a nominal class. */
    private static Instances normalizedData(List<String> names, Random random) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (String name : names) {
            attributes.add(new Attribute(name));
        }
        attributes.add(new Attribute("class \u2028 of row", List.of("p", "q")));
        Instances data = new Instances("names", attributes, 0);
        data.setClassIndex(names.size());
        for (int r = 0; r < 40; r++) {
            double[] row = new double[names.size() + 1];
            double sum = 0;
            for (int f = 0; f < names.size(); f++) {
                row[f] = 0.05 + random.nextDouble();
                sum += row[f];
            }
            for (int f = 0; f < names.size(); f++) {
                row[f] /= sum;
            }
            row[names.size()] = r % 2;
            data.add(new DenseInstance(1.0, row));
        }
        return data;
    }
}
