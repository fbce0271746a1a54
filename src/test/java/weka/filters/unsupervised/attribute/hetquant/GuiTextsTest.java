package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JLabel;
import javax.swing.JTextArea;
import org.hetquant.gui.SwingTrees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.core.OptionMetadata;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertySheetPanel;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.HetQuantDiagnostics;
import weka.knowledgeflow.steps.Step;

/**
 * What Weka's GUIs show of each node, read from Weka's own property sheet (the Explorer's and the KnowledgeFlow's
 * editors; {@code weka.gui.PropertySheetPanel}, 3.8.6 = 3.8.7). It shows a node's {@code globalInfo} up to and
 * including its first '.', and each option's description up to its first '.' as the tooltip — any '.', so a
 * decimal point, an abbreviation or an ellipsis cuts the text there. So each text's first '.' must end a sentence
 * (whitespace, markup or the end after it), and that sentence must say what the thing is, in about 90 characters.
 */
class GuiTextsTest {

    /** As the GUIs do at start-up, so that filter-valued options get their editor (and their row). */
    @BeforeAll
    static void registerEditors() {
        GenericObjectEditor.registerEditors();
    }

    /** Everything with a GUI editor: the filters (as the class discovery lists them) and the diagnostics step. */
    private static List<Object> targets() throws Exception {
        List<Object> targets = new ArrayList<>();
        for (Class<?> node : DiscoveryTest.NODES) {
            targets.add(node.getDeclaredConstructor().newInstance());
        }
        HetQuantDiagnostics step = new HetQuantDiagnostics();
        new StepManagerImpl(step);
        targets.add(step);
        return targets;
    }

    /** Weka's property sheet for the target, as the GenericObjectEditor or the KnowledgeFlow step editor builds it. */
    private static PropertySheetPanel sheet(Object target) {
        PropertySheetPanel sheet = new PropertySheetPanel();
        sheet.setUseEnvironmentPropertyEditors(target instanceof Step);
        sheet.setTarget(target);
        return sheet;
    }

    @Test
    void everySummaryIsOneCompleteSentenceOfAboutNinetyCharacters() throws Exception {
        List<String> seen = new ArrayList<>();
        for (Object target : targets()) {
            String name = target.getClass().getSimpleName();
            String info = (String) target.getClass().getMethod("globalInfo").invoke(target);
            JTextArea about = SwingTrees.find(sheet(target).getAboutPanel(), JTextArea.class);
            assertNotNull(about, name + ": the property sheet shows no summary");
            String shown = about.getText();
            int end = info.indexOf('.');
            assertEquals(info.substring(0, end + 1), shown, name + ": Weka's summary is the text up to the first '.'");
            assertTrue(end == info.length() - 1 || Character.isWhitespace(info.charAt(end + 1)),
                    name + ": the summary is cut inside a sentence: '" + shown + "'");
            assertTrue(shown.length() >= 40 && shown.length() <= 100,
                    name + ": summary of " + shown.length() + " characters: '" + shown + "'");
            assertTrue(Character.isUpperCase(shown.charAt(0)), name + ": '" + shown + "'");
            assertTrue(!seen.contains(shown), name + " repeats another node's summary: '" + shown + "'");
            seen.add(shown);
        }
        assertEquals(DiscoveryTest.NODES.size() + 1, seen.size());
    }

    /**
     * Option names in sentence case, as Weka's own ("Number of folds", "Chart width (pixels)"): a capital first
     * letter, and no other capitalised word except a one-letter symbol in parentheses, e.g. "Payload (P)".
     */
    @Test
    void optionNamesAreInSentenceCase() throws Exception {
        int checked = 0;
        for (Object target : targets()) {
            for (Map.Entry<String, String> option : options(target).entrySet()) {
                String displayName = option.getKey();
                String where = target.getClass().getSimpleName() + " option '" + displayName + "'";
                assertTrue(Character.isUpperCase(displayName.charAt(0)), where + " starts in lower case");
                String[] words = displayName.split(" ");
                for (int w = 1; w < words.length; w++) {
                    boolean symbol = words[w].matches("\\([A-Za-z]\\)");
                    assertTrue(symbol || !Character.isUpperCase(words[w].charAt(0)), where + " is in title case");
                }
                checked++;
            }
        }
        assertTrue(checked >= 20, "options checked: " + checked);
    }

    /** The diagnostics step's tooltips (its option texts are this branch's): complete first sentences. */
    @Test
    void diagnosticsTooltipsAreCompleteSentences() throws Exception {
        HetQuantDiagnostics step = new HetQuantDiagnostics();
        new StepManagerImpl(step);
        assertTooltipsAreCompleteSentences(step);
    }

    /** Every node's option tooltips: complete first sentences (the options are declared once, in NodeOptions). */
    @Test
    void everyNodesTooltipsAreCompleteSentences() throws Exception {
        for (Object target : targets()) {
            assertTooltipsAreCompleteSentences(target);
        }
    }

    private static void assertTooltipsAreCompleteSentences(Object target) throws Exception {
        Map<String, String> descriptions = options(target);
        Map<String, String> tooltips = new LinkedHashMap<>();
        for (JLabel label : SwingTrees.all(sheet(target), JLabel.class)) {
            if (label.getToolTipText() != null) {
                tooltips.put(label.getText(), label.getToolTipText());
            }
        }
        for (Map.Entry<String, String> option : descriptions.entrySet()) {
            String where = target.getClass().getSimpleName() + " option '" + option.getKey() + "'";
            String description = option.getValue();
            String tooltip = tooltips.get(option.getKey());
            assertNotNull(tooltip, where + " has no tooltip; tooltips: " + tooltips.keySet());
            int end = description.indexOf('.');
            assertTrue(end >= 0, where + ": no sentence end in '" + description + "'");
            assertEquals(description.substring(0, end), tooltip,
                    where + ": Weka's tooltip is the text before the first '.'");
            char next = end + 1 < description.length() ? description.charAt(end + 1) : ' ';
            assertTrue(Character.isWhitespace(next) || next == '<',
                    where + ": the tooltip is cut inside a sentence: '" + tooltip + "'");
            String plain = tooltip.replaceAll("<[^>]*>", "");
            assertTrue(plain.length() >= 15 && plain.length() <= 110,
                    where + ": tooltip of " + plain.length() + " characters: '" + plain + "'");
        }
    }

    /** Display name → description of every {@code @OptionMetadata} option of the target, through its class tree. */
    private static Map<String, String> options(Object target) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Method m : target.getClass().getMethods()) {
            OptionMetadata o = m.getAnnotation(OptionMetadata.class);
            if (o != null) {
                out.put(o.displayName(), o.description());
            }
        }
        return out;
    }
}
