package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.swing.ImageIcon;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.core.PackagePropsAccess;
import weka.gui.GenericPropertiesCreator;
import weka.gui.knowledgeflow.StepTree;
import weka.gui.knowledgeflow.StepVisual;
import weka.filters.Filter;

/**
 * The nodes are found by Weka's GUI class discovery once the package's GenericPropertiesCreator.props has been
 * processed (as the package manager does), sit together in one KnowledgeFlow palette folder, and each has its
 * own icon at the path KnowledgeFlow looks up.
 */
class DiscoveryTest {

    static final List<Class<? extends Filter>> NODES = List.of(HetQuantNormalizer.class,
            HetQuantStreamNormalizer.class, HetQuantColumn.class,
            HetQuantSpikePhase.class, HetQuantCalibrator.class, HetQuantPipeline.class, HetQuantGranule.class);

    @BeforeAll
    static void registerThePackageProps() {
        PackagePropsAccess.processGenericPropertiesCreatorProps(new File("pkg/GenericPropertiesCreator.props"));
        GenericPropertiesCreator.regenerateGlobalOutputProperties();
    }

    @Test
    void classDiscoveryListsEveryNodeAndNothingAbstract() {
        List<String> filters = Arrays.asList(
                GenericPropertiesCreator.getGlobalOutputProperties().getProperty("weka.filters.Filter").split(","));
        List<String> ours = filters.stream()
                .filter(c -> c.startsWith("weka.filters.unsupervised.attribute.hetquant."))
                .sorted().collect(Collectors.toList());
        assertEquals(NODES.stream().map(Class::getName).sorted().collect(Collectors.toList()), ours);
    }

    @Test
    void theKnowledgeFlowPaletteHoldsTheNodesInOneFolder() {
        StepTree tree = new StepTree(null);
        TreeMap<String, String> folderOf = new TreeMap<>();
        collect((TreeNode) tree.getModel().getRoot(), new ArrayList<>(), folderOf);
        for (Class<? extends Filter> node : NODES) {
            assertEquals("Weka/Filters/unsupervised/attribute/hetquant", folderOf.get(node.getSimpleName()),
                    node.getSimpleName());
        }
    }

    @Test
    void eachNodeHasItsOwnIcon() {
        List<String> seen = new ArrayList<>();
        for (Class<? extends Filter> node : NODES) {
            weka.knowledgeflow.steps.Filter step = new weka.knowledgeflow.steps.Filter();
            step.setFilter(newInstance(node));
            assertEquals(StepVisual.BASE_ICON_PATH + node.getName().replace("weka.", "") + ".gif", step.getIconPath());
            ImageIcon icon = StepVisual.iconForStep(step);
            assertNotNull(icon, node.getSimpleName());
            assertEquals(57, icon.getIconWidth());
            assertEquals(58, icon.getIconHeight());
            assertNotNull(node.getClassLoader().getResource(step.getIconPath()), "own icon, not a fallback");
            seen.add(step.getIconPath());
        }
        assertEquals(NODES.size(), seen.stream().distinct().count());
    }

    private static Filter newInstance(Class<? extends Filter> node) {
        try {
            return node.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void collect(TreeNode node, List<String> path, TreeMap<String, String> folderOf) {
        if (node.isLeaf()) {
            folderOf.put(node.toString(), String.join("/", path));
            return;
        }
        path.add(node.toString());
        for (Enumeration<? extends TreeNode> e = node.children(); e.hasMoreElements(); ) {
            collect(e.nextElement(), path, folderOf);
        }
        path.remove(path.size() - 1);
        assertTrue(node instanceof DefaultMutableTreeNode);
    }
}
