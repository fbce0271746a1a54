package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationParametersTest {

    @Test
    void paperDefaults() {
        CalibrationParameters parameters = CalibrationParameters.of(16, CalibrationParameters.ADAPTIVE_SMOOTHING);
        assertEquals(16, parameters.duplication());
        assertEquals(25.0, parameters.payload());
        assertEquals(0.01, parameters.limit());
        assertEquals(0.25, parameters.smoothing());
        assertEquals(UpdateRule.FINAL, parameters.updateRule());
        assertEquals(UpdateRule.FAITHFUL, parameters.withUpdateRule(UpdateRule.FAITHFUL).updateRule());
    }

    @Test
    void rejectsOutOfRangeValuesNamingTheParameter() {
        assertMessage(() -> new CalibrationParameters(0, 25, 0.01, 0.25, UpdateRule.FINAL), "duplication n", ">= 1");
        for (double payload : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertMessage(() -> new CalibrationParameters(4, payload, 0.01, 0.25, UpdateRule.FINAL), "payload", "> 0");
        }
        for (double limit : new double[] {0, 1, -0.5, Double.NaN}) {
            assertMessage(() -> new CalibrationParameters(4, 25, limit, 0.25, UpdateRule.FINAL), "limit", "(0, 1)");
        }
        for (double smoothing : new double[] {-0.01, 1.01, Double.NaN}) {
            assertMessage(() -> new CalibrationParameters(4, 25, 0.01, smoothing, UpdateRule.FINAL),
                    "smoothing", "[0, 1]");
        }
        assertMessage(() -> new CalibrationParameters(4, 25, 0.01, 0.25, null), "updateRule");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable call, String... fragments) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), e.getMessage());
        }
    }
}
