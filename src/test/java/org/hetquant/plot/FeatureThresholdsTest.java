package org.hetquant.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureThresholdsTest {

    @Test
    void parsesGroupsCommasBlanksAndInfinity() {
        List<FeatureThresholds> all = FeatureThresholds.parseAll(" sensor0: 0.5, 0.25 Infinity ; s1:1e-2;");
        assertEquals(2, all.size());
        assertEquals("sensor0", all.get(0).feature());
        assertArrayEquals(new double[] {0.5, 0.25, Double.POSITIVE_INFINITY}, all.get(0).thresholds(), 0.0);
        assertArrayEquals(new double[] {0.01}, all.get(1).thresholds(), 0.0);
        assertTrue(FeatureThresholds.parseAll("  ").isEmpty());
    }

    @Test
    void namesTheBadGroupOrNeuron() {
        IllegalArgumentException noColon = assertThrows(IllegalArgumentException.class,
                () -> FeatureThresholds.parseAll("sensor0 0.5"));
        assertTrue(noColon.getMessage().contains("sensor0 0.5"), noColon.getMessage());
        IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
                () -> FeatureThresholds.parseAll("s2: 0.1, x"));
        assertTrue(notNumber.getMessage().contains("s2") && notNumber.getMessage().contains("neuron 1"),
                notNumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new FeatureThresholds("s", new double[] {Double.NaN}));
    }

    @Test
    void readsAFittedColumnsDescription() {
        String description = """
                HetQuantCalibrator (gains fitted on the first batch, s = 0.1, final update rule)
                2 attribute(s) x 2 neurons; a neuron fires once its drive gain * x reaches D* = 6.785500

                attribute sensor1
                  neuron           gain  fires from x >=
                  n00       25.000000       0.27142000
                  n01      250.000000       0.02714200

                attribute 'temp (C)'
                  neuron           gain  fires from x >=
                  n00       25.000000       0.27142000
                  n01        0.000000         Infinity
                """;
        List<FeatureThresholds> all = FeatureThresholds.parse(description);
        assertEquals(2, all.size());
        assertEquals("sensor1", all.get(0).feature());
        assertEquals("temp (C)", all.get(1).feature());
        assertArrayEquals(new double[] {0.27142, 0.027142}, all.get(0).thresholds(), 0.0);
        assertArrayEquals(new double[] {0.27142, Double.POSITIVE_INFINITY}, all.get(1).thresholds(), 0.0);
        assertEquals(FeatureThresholds.parseAll("a: 1, 2"), FeatureThresholds.parse("a: 1, 2"));
    }

    /** A description whose neuron rows cannot be told apart by attribute is an error, never a silent merge. */
    @Test
    void rejectsNeuronRowsThatBelongToNoAttributeOrRunOutOfOrder() {
        String table = "  neuron           gain  fires from x >=\n";
        IllegalArgumentException unnamed = assertThrows(IllegalArgumentException.class,
                () -> FeatureThresholds.parse("sensor1\n" + table + "  n00  25.0  0.27\n"));
        assertTrue(unnamed.getMessage().contains("before any 'attribute <name>' line"), unnamed.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class, () -> FeatureThresholds.parse(
                "attribute a\n" + table + "  n00  25.0  0.27\n  n01  25.0  0.27\n  n00  25.0  0.27\n"));
        assertTrue(order.getMessage().contains("attribute a, neuron n00: expected neuron 2"), order.getMessage());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> FeatureThresholds.parseAll("a: 1; 'a': 2"));
        assertTrue(twice.getMessage().contains("attribute a is given twice"), twice.getMessage());
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
                () -> FeatureThresholds.parseAll("'a;b: 1"));
        assertTrue(open.getMessage().contains("not closed"), open.getMessage());
    }

    @Test
    void quotesNamesAsArffDoesAndAtEverySeparator() {
        assertEquals("sensor1", FeatureThresholds.quote("sensor1"));
        assertEquals("'temp (C)'", FeatureThresholds.quote("temp (C)"));
        assertEquals("'a,b'", FeatureThresholds.quote("a,b"));
        assertEquals("'a;b'", FeatureThresholds.quote("a;b"));
        assertEquals("'x:y'", FeatureThresholds.quote("x:y"));
        assertEquals("'it\\'s'", FeatureThresholds.quote("it's"));
        assertEquals("'?'", FeatureThresholds.quote("?"));
        List<FeatureThresholds> back = FeatureThresholds.parseAll("'it\\'s': 1; \"dq;\": 2, inf");
        assertEquals("it's", back.get(0).feature());
        assertEquals("dq;", back.get(1).feature());
        assertArrayEquals(new double[] {2, Double.POSITIVE_INFINITY}, back.get(1).thresholds(), 0.0);
    }
}
