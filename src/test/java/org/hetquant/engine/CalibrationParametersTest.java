package org.hetquant.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationParametersTest implements SerializableValueTypeContract<CalibrationParameters> {

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

    @Override
    public CalibrationParameters value() {
        return CalibrationParameters.of(16, CalibrationParameters.ADAPTIVE_SMOOTHING);
    }

    @Override
    public CalibrationParameters equalValue() {
        return new CalibrationParameters(16, 25, 0.01, 0.25, UpdateRule.FINAL);
    }

    @Override
    public List<CalibrationParameters> differentValues() {
        return List.of(new CalibrationParameters(8, 25, 0.01, 0.25, UpdateRule.FINAL),
                new CalibrationParameters(16, 30, 0.01, 0.25, UpdateRule.FINAL),
                new CalibrationParameters(16, 25, 0.02, 0.25, UpdateRule.FINAL),
                new CalibrationParameters(16, 25, 0.01, 0.5, UpdateRule.FINAL),
                value().withUpdateRule(UpdateRule.FAITHFUL));
    }

    @Override
    public List<Invalid> invalidValues() {
        List<Invalid> invalid = new ArrayList<>();
        invalid.add(new Invalid(() -> new CalibrationParameters(0, 25, 0.01, 0.25, UpdateRule.FINAL), "duplication",
                ">= 1"));
        for (double payload : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            invalid.add(new Invalid(() -> new CalibrationParameters(4, payload, 0.01, 0.25, UpdateRule.FINAL),
                    "payload", "> 0"));
        }
        for (double limit : new double[] {0, 1, -0.5, Double.NaN}) {
            invalid.add(new Invalid(() -> new CalibrationParameters(4, 25, limit, 0.25, UpdateRule.FINAL), "limit",
                    "(0, 1)"));
        }
        for (double smoothing : new double[] {-0.01, 1.01, Double.NaN}) {
            invalid.add(new Invalid(() -> new CalibrationParameters(4, 25, 0.01, smoothing, UpdateRule.FINAL),
                    "smoothing", "[0, 1]"));
        }
        invalid.add(new Invalid(() -> new CalibrationParameters(4, 25, 0.01, 0.25, null), "updateRule"));
        return invalid;
    }
}
