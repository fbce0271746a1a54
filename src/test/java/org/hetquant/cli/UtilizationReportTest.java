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
                s.labels(), 314, s.resamplingStream().orElseThrow());
        String text = bytes.toString(StandardCharsets.UTF_8);
        // At seed 314 the generator and the sampling plan replay the authors' draws: the published SDs come out.
        assertTrue(text.contains("Homogeneous   any      46.0%      13.55           13.55"), text);
        assertTrue(text.contains("Uniform         4      47.2%       2.81            2.81"), text);
        assertTrue(text.contains("Uniform         8      45.9%       1.49            1.49"), text);
        assertTrue(text.contains("Uniform        32      45.6%       0.45            0.45"), text);
        assertFalse(text.contains("undefined"), text);
    }

    @Test
    void aSeedNumPyRejectsIsRejectedNamingTheOption() {
        for (String bad : new String[] {"-5", "3.14", "4294967296", "99999999999999999999"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> UtilizationReport.run(new String[] {"--seed", bad}));
            assertEquals("--seed needs an integer in [0, 4294967295] (the generators replay NumPy, which takes these "
                    + "seeds), got " + bad, e.getMessage());
        }
    }

    @Test
    void anUnreadableCsvIsNamedInTheError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path binary = dir.resolve("binary.csv");
        java.nio.file.Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 10});
        for (java.nio.file.Path bad : new java.nio.file.Path[] {binary, dir, dir.resolve("missing.csv")}) {
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> UtilizationReport.run(new String[] {"--csv", bad.toString()}));
            assertTrue(e.getMessage().startsWith(bad + ": "), e.getMessage());
        }
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
