package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Issue 8 item 5: {@code HetQuantPipeline -N 1000} on 16 attributes ran out of a 256 MB heap (its lookup table
 * was 262 MB, one copy per attribute although all shared the same gains). It must run there now, from Weka's
 * command line, in a JVM of its own with {@code -Xmx256m}, as the three-node chain does. A functional limit,
 * not a timing: speed and allocation are measured in {@code LargeColumnBenchmark}.
 */
class LargeColumnMemoryTest {

    @Test
    void pipelineWithAThousandNeuronsOnSixteenAttributesRunsIn256Megabytes() throws Exception {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "hetquant-large-column");
        Files.createDirectories(dir);
        Path in = dir.resolve("sixteen.arff");
        StringBuilder arff = new StringBuilder("@relation sixteen\n");
        for (int f = 1; f <= 16; f++) {
            arff.append("@attribute s").append(f).append(" numeric\n");
        }
        arff.append("@attribute cls {x,y}\n@data\n");
        Random random = new Random(5);
        for (int r = 0; r < 50; r++) {
            for (int f = 0; f < 16; f++) {
                arff.append(random.nextDouble() * 4 - 1).append(',');
            }
            arff.append(r % 2 == 0 ? "x" : "y").append('\n');
        }
        Files.writeString(in, arff, StandardCharsets.UTF_8);
        for (boolean calibrate : new boolean[] {false, true}) {
            Path out = dir.resolve(calibrate ? "calibrated.arff" : "uniform.arff");
            Files.deleteIfExists(out);
            String log = run(calibrate ? List.of("-N", "1000", "-calibrate") : List.of("-N", "1000"), in, out);
            assertFalse(log.contains("Exception") || log.contains("Error"), log);
            assertTrue(Files.exists(out), "no output; the JVM said:\n" + log);
            var data = DataSource.read(out.toString());
            assertEquals(16 * 1000 + 1, data.numAttributes());
            assertEquals(50, data.numInstances());
        }
    }

    /** Runs the pipeline from Weka's command line in a JVM with a 256 MB heap; returns what it printed. */
    private static String run(List<String> options, Path in, Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx256m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), HetQuantPipeline.class.getName()));
        command.addAll(options);
        command.addAll(List.of("-i", in.toString(), "-o", out.toString(), "-c", "last"));
        File log = in.resolveSibling("jvm.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().putIfAbsent("WEKA_HOME", Path.of(System.getProperty("java.io.tmpdir"), "wekahome")
                .toString());
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the pipeline did not finish in 5 minutes");
        String printed = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        return printed;
    }
}
