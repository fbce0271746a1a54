package org.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * What a user reads before running anything: the package manager's description (pkg/Description.props) names
 * everything the package brings and does not pretend to a homepage or contact that does not exist, and every
 * Weka command in the README that would reach Weka's package server is told to stay offline.
 */
class PackageDocsTest {

    @Test
    void theDescriptionNamesTheStepTheTemplatesTheDataAndTheBundledDocs() throws Exception {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("pkg", "Description.props"))) {
            props.load(r);
        }
        String description = props.getProperty("Description");
        for (String what : new String[] {"HetQuantDiagnostics", "Templates menu", "sample data", "Saturation",
                "Gas Sensor Array Drift", "README.md"}) {
            assertTrue(description.contains(what), "Description.props does not mention " + what);
        }
        assertTrue(props.getProperty("PackageURL") != null, "PackageURL is required by Weka");
        // No placeholder stands in for a homepage or contact address.
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key).toLowerCase();
            assertFalse(value.contains("example.") || value.contains("noreply"), key + " names a placeholder: "
                    + value);
        }
        String url = props.getProperty("URL");
        assertTrue(url == null || url.startsWith("http"), "URL must be a real address or absent: " + url);
    }

    /**
     * Each README command line that starts Weka with the package installed ({@code weka.Run}, a GUI) carries
     * {@code -Dweka.packageManager.offline=true} (directly or through {@code $W}), and each package-manager
     * command {@code -offline}.
     */
    @Test
    void everyReadmeCommandThatWouldReachWekasServerIsOffline() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String> online = new ArrayList<>();
        int commands = 0;
        for (String line : lines) {
            String cmd = line.trim();
            if (cmd.contains("weka.core.WekaPackageManager")) {
                commands++;
                if (!cmd.contains(" -offline")) {
                    online.add(cmd);
                }
            } else if (cmd.startsWith("$W ") || cmd.startsWith("java ") && cmd.matches(".*weka\\.(Run|gui)\\b.*")) {
                commands++;
                if (!cmd.startsWith("$W ") && !cmd.contains("-Dweka.packageManager.offline=true")) {
                    online.add(cmd);
                }
            }
        }
        assertTrue(commands >= 8, "README Weka commands found: " + commands);
        assertEquals(List.of(), online);
        assertTrue(lines.stream().anyMatch(l -> l.contains("W=\"java -Dweka.packageManager.offline=true")),
                "README defines $W as an offline java command");
    }
}
