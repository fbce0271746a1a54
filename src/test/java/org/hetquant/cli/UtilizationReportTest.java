package org.hetquant.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hetquant.engine.Summary;
import org.hetquant.experiment.SyntheticSession;
import org.junit.jupiter.api.Test;

class UtilizationReportTest {

    @Test
    void printsTheSaturationSessionBesideThePublishedSds() {
        SyntheticSession s = SyntheticSession.saturation(314);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        UtilizationReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "test", s.features(),
                s.labels(), 314);
        String text = bytes.toString(StandardCharsets.UTF_8);
        // The figures README quotes for the authors' released session: at seed 314 the generator replays it.
        assertTrue(text.contains("Homogeneous   any      45.9%      13.54           13.55"), text);
        assertTrue(text.contains("Uniform         8      46.0%       1.59            1.49"), text);
        assertFalse(text.contains("undefined"), text);
    }

    @Test
    void aSeedNumPyRejectsIsRejectedNamingTheOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UtilizationReport.main(new String[] {"--seed", "-5"}));
        assertEquals("--seed must be in [0, 4294967295] (the generator replays NumPy, which takes these seeds), got -5",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> UtilizationReport.main(new String[] {"--seed", "3.14"}));
        assertEquals("--seed needs an integer, got 3.14", e.getMessage());
    }

    @Test
    void aMeanOverFoldsWithUndefinedFoldsSaysSo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<String> notes = new ArrayList<>();
        Summary means = Summary.of(40, 60);
        Summary sds = Summary.ofDefined(List.of(OptionalDouble.of(2), OptionalDouble.empty()));
        UtilizationReport.row(new PrintStream(bytes, true, StandardCharsets.UTF_8), "Uniform", "8", means, sds, "1.49",
                notes);
        Summary none = Summary.ofDefined(List.of(OptionalDouble.empty()));
        UtilizationReport.row(new PrintStream(bytes, true, StandardCharsets.UTF_8), "Uniform", "4", means, none, "2.81",
                notes);
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("Uniform         8      50.0%       2.00            1.49 [1]", lines[0]);
        assertEquals("Uniform         4      50.0%  undefined            2.81 [2]", lines[1]);
        assertEquals(List.of("[1] Uniform n=8: mean over 2 of 2, SD over 1 of 2 (the others are undefined: a fold "
                + "with one test sample has no SD)", "[2] Uniform n=4: mean over 2 of 2, SD over 0 of 1 (the others "
                + "are undefined: a fold with one test sample has no SD)"), notes);
    }
}
