package org.hetquant.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped sample data is exactly what {@link SampleData} writes. */
class SampleDataTest {

    private static final Path DATA = Path.of("pkg", "data");

    @Test
    void saturationMatchesTheGenerator() throws Exception {
        assertEquals(SampleData.saturation(), Files.readString(DATA.resolve("saturation.arff")));
    }

    @Test
    void gasDriftMatchesTheConversion() throws Exception {
        Path reference = Path.of(System.getProperty("hetquant.shared", "../shared"), "reference", "gas-drift");
        for (int batch = 1; batch <= 2; batch++) {
            String expected = SampleData.gasDrift(
                    Files.readAllLines(reference.resolve("batch" + batch + ".dat"), StandardCharsets.UTF_8), batch);
            assertEquals(expected, Files.readString(DATA.resolve("gas-drift-batch" + batch + ".arff")),
                    "gas-drift-batch" + batch + ".arff");
        }
        for (boolean high : new boolean[] {false, true}) {
            String file = SampleData.concentrationHalfFile(high);
            assertEquals(SampleData.concentrationHalf(reference, high), Files.readString(DATA.resolve(file)), file);
        }
    }
}
