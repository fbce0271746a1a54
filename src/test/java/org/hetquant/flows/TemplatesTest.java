package org.hetquant.flows;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.swing.ImageIcon;
import org.junit.jupiter.api.Test;
import weka.core.PluginManager;
import weka.gui.knowledgeflow.StepVisual;
import weka.knowledgeflow.steps.HetQuantDiagnostics;
import weka.knowledgeflow.steps.KFStep;

/**
 * The package's PluginManager.props registers the diagnostics step and one KnowledgeFlow template per flow in
 * {@code workflows/}, and each template resource in the jar is that flow, byte for byte.
 */
class TemplatesTest {

    private static final String TEMPLATES = "weka.knowledgeflow.plugin.templates";

    @Test
    void everyWorkflowIsATemplateAndTheStepIsRegistered() throws Exception {
        Properties props = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("pkg", "PluginManager.props"))) {
            props.load(r);
        }
        assertEquals(HetQuantDiagnostics.class.getName(), props.getProperty("weka.knowledgeflow.steps.Step"));
        // No package name: resources then resolve on the classpath (the installed case is covered by the GUI test).
        PluginManager.addFromProperties(props);
        Map<String, String> templates = PluginManager.getResourcesWithGroupID(TEMPLATES);

        List<Path> flows;
        try (Stream<Path> s = Files.list(Path.of("workflows"))) {
            flows = s.filter(p -> p.toString().endsWith(".kf")).sorted().toList();
        }
        assertEquals(flows.size(), templates.size(), "one template per workflow: " + templates + ", " + flows);
        for (Path flow : flows) {
            String resource = "weka/gui/knowledgeflow/templates/hetquant/" + flow.getFileName();
            String title = templates.entrySet().stream().filter(e -> e.getValue().equals(resource))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            assertNotNull(title, "no template entry for " + resource + " in " + templates);
            try (InputStream in = PluginManager.getPluginResourceAsStream(TEMPLATES, title)) {
                assertNotNull(in, "template resource missing from the jar: " + resource);
                assertArrayEquals(Files.readAllBytes(flow), in.readAllBytes(), resource);
            }
        }
    }

    @Test
    void diagnosticsStepHasItsOwnIconAndCategory() {
        KFStep info = HetQuantDiagnostics.class.getAnnotation(KFStep.class);
        assertEquals("HetQuant", info.category());
        ImageIcon icon = StepVisual.iconForStep(new HetQuantDiagnostics());
        assertNotNull(icon, info.iconPath());
        assertTrue(icon.getIconWidth() == 57 && icon.getIconHeight() == 58, "icon size");
    }
}
