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

                sensor1
                  neuron           gain  fires from x >=
                  n00       25.000000       0.27142000
                  n01      250.000000       0.02714200

                sensor2
                  neuron           gain  fires from x >=
                  n00       25.000000       0.27142000
                  n01        0.000000         Infinity
                """;
        List<FeatureThresholds> all = FeatureThresholds.parse(description);
        assertEquals(2, all.size());
        assertEquals("sensor1", all.get(0).feature());
        assertArrayEquals(new double[] {0.27142, 0.027142}, all.get(0).thresholds(), 0.0);
        assertArrayEquals(new double[] {0.27142, Double.POSITIVE_INFINITY}, all.get(1).thresholds(), 0.0);
        assertEquals(FeatureThresholds.parseAll("a: 1, 2"), FeatureThresholds.parse("a: 1, 2"));
    }
}
