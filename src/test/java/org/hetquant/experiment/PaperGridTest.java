package org.hetquant.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hetquant.engine.ColumnGains;
import org.junit.jupiter.api.Test;

class PaperGridTest {

    @Test
    void homogeneousLevelsAreCloseToTheUniformTenColumn() {
        // The grid's levels are P/linspace(L, 1, 10), rounded by hand: within 0.6 of the exact values.
        double[] exact = ColumnGains.uniform(10, 25, 0.01);
        assertEquals(10, PaperGrid.homogeneousLevels().length);
        for (int j = 0; j < 10; j++) {
            assertEquals(exact[j], PaperGrid.homogeneousLevels()[j], 0.6);
        }
    }
}
