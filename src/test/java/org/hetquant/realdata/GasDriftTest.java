package org.hetquant.realdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's copy of the gas-drift batches, and how the command reads them. */
class GasDriftTest {

    private static final Path BUNDLED = Path.of("data", "gas-drift");
    private static final Path SHARED = Path.of(System.getProperty("hetquant.shared", "../shared"), "reference",
            "gas-drift");

    @Test
    void bundledCopyIsTheDistributedDataByteForByte() throws IOException {
        for (int batch = 1; batch <= 2; batch++) {
            byte[] bundled;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(BUNDLED.resolve("batch" + batch + ".dat.gz")))) {
                bundled = in.readAllBytes();
            }
            assertArrayEquals(Files.readAllBytes(SHARED.resolve("batch" + batch + ".dat")), bundled, "batch " + batch);
        }
    }

    @Test
    void readsBothBatchesWithGasConcentrationAnd128Features() throws IOException {
        List<GasDrift.Sample> samples = GasDrift.read(BUNDLED);
        assertEquals(445, samples.stream().filter(s -> s.batch() == 1).count());
        assertEquals(1244, samples.stream().filter(s -> s.batch() == 2).count());
        GasDrift.Sample first = samples.get(0);
        assertEquals(GasDrift.GASES.indexOf("Ethanol"), first.gas());
        assertEquals(10.0, first.concentration(), 0.0);
        assertEquals(128, first.features().length);
        assertEquals(15596.1621, first.features()[0], 1e-9);
        assertEquals(15326.6914, first.features()[8], 1e-9);
        // The plain files read the same.
        List<GasDrift.Sample> plain = GasDrift.read(SHARED);
        assertArrayEquals(samples.get(1000).features(), plain.get(1000).features(), 0.0);
    }

    @Test
    void featureSetsPickTheDocumentedColumns() {
        assertArrayEquals(new int[] {0, 8, 16, 24, 32, 40, 48, 56}, GasDrift.FeatureSet.DR8.columns());
        assertEquals(16, GasDrift.FeatureSet.DR16.size());
        assertEquals(120, GasDrift.FeatureSet.DR16.columns()[15]);
        assertEquals(128, GasDrift.FeatureSet.ALL128.size());
        assertEquals("sensor2_dR", GasDrift.FeatureSet.ALL128.names()[8]);
        assertEquals("sensor16_decay1", GasDrift.FeatureSet.ALL128.names()[127]);
    }

    @Test
    void malformedLinesNameTheFileAndLine(@TempDir Path dir) throws IOException {
        Files.copy(SHARED.resolve("batch2.dat"), dir.resolve("batch2.dat"));
        Files.writeString(dir.resolve("batch1.dat"), "Ethanol,10,1,2\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GasDrift.read(dir));
        assertTrue(e.getMessage().contains("batch1.dat line 1") && e.getMessage().contains("130"), e.getMessage());
        Files.writeString(dir.resolve("batch1.dat"), "Xenon" + ",1".repeat(129) + "\n", StandardCharsets.UTF_8);
        e = assertThrows(IllegalArgumentException.class, () -> GasDrift.read(dir));
        assertTrue(e.getMessage().contains("unknown gas 'Xenon'"), e.getMessage());
        Files.delete(dir.resolve("batch1.dat"));
        IOException missing = assertThrows(IOException.class, () -> GasDrift.read(dir));
        assertTrue(missing.getMessage().contains("batch 1 not found"), missing.getMessage());
    }
}
