package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import weka.filters.Filter;

/**
 * A node's error on the command line is its message, without a Java stack trace: {@code Filter.runFilter} (what
 * {@code weka.Run} and each node's {@code main} call) prints the exception, so a data error (a negative value for
 * the stream normalizer with -reject-negative, found while filtering) and an option error (n = 0, found at set-up) must print one
 * clear line each.
 */
class ErrorOutputTest {

    private static final Path OUT = Path.of("target", "error-output-test");

    @Test
    void dataAndOptionErrorsPrintTheirMessageAlone() throws Exception {
        Files.createDirectories(OUT);
        String gasDrift = Path.of("pkg", "data", "gas-drift-batch1.arff").toString();
        String out = OUT.resolve("out.arff").toString();

        String negative = stderrOf(new HetQuantStreamNormalizer(), "-reject-negative", "-i", gasDrift, "-o", out,
                "-c", "last");
        assertTrue(negative.contains("HetQuantStreamNormalizer") && negative.contains("negative"), negative);
        assertTrue(negative.contains("'sensor1'"), "names the attribute: " + negative);
        assertNoStackTrace(negative);

        String option = stderrOf(new HetQuantColumn(), "-N", "0", "-i", gasDrift, "-o", out, "-c", "last");
        assertTrue(option.contains("-N") && option.contains(">= 1"), option);
        assertNoStackTrace(option);
    }

    private static void assertNoStackTrace(String stderr) {
        assertTrue(stderr.lines().noneMatch(l -> l.trim().startsWith("at ") || l.startsWith("Caused by")),
                "a stack trace after the message:\n" + stderr);
    }

    private static String stderrOf(Filter filter, String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            Filter.runFilter(filter, args);
        } finally {
            System.setErr(saved);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
