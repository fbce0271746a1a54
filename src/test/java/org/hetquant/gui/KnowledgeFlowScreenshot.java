package org.hetquant.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import javax.swing.tree.TreePath;
import weka.core.PluginManager;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.WekaPackageManager;
import weka.gui.GenericObjectEditor;
import weka.gui.knowledgeflow.KFGUIConsts;
import weka.gui.knowledgeflow.KnowledgeFlowApp;
import weka.gui.knowledgeflow.LayoutPanel;
import weka.gui.knowledgeflow.MainKFPerspective;
import weka.gui.knowledgeflow.StepInteractiveViewer;
import weka.gui.knowledgeflow.StepTree;
import weka.gui.knowledgeflow.StepVisual;
import weka.gui.knowledgeflow.VisibleLayout;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.ImageViewer;

/**
 * Child-JVM program of the GUI test: starts the KnowledgeFlow as a user would (installed packages loaded from
 * WEKA_HOME) in a window of the size Weka's GUIChooser opens it with, and opens every HetQuant template from the
 * Templates menu's list, one at a time in a new tab beside the Untitled one (as the menu does). For each it runs
 * the flow if asked, writes a screenshot of the window and the check of its drawing ({@link FlowGeometry})
 * against the visible canvas, and, for a flow that ran and has an ImageViewer, a screenshot of that viewer's
 * "Show images" window. Then it opens the four templates with the longest titles together and writes the tab
 * bar's row count, and the palette's tree (one line per node, its path from the root).
 *
 * <p>Arguments: the output folder, then which templates to run: {@code all}, {@code none} or their 1-based
 * numbers (in the order of their resource paths, i.e. of the flow files' numbers), comma-separated. Outputs:
 * {@code knowledgeflow-flow<k>.png}, {@code knowledgeflow-flow<k>-images.png}, {@code palette.txt},
 * {@code layout.txt}.
 */
public final class KnowledgeFlowScreenshot {

    /**
     * Weka's GUIChooser opens the KnowledgeFlow with {@code setSize(1024, 768)}, which on a desktop includes the
     * window manager's frame; Xvfb has none, so the content gets that frame's usual size taken off (a 30-pixel
     * title bar, 4-pixel borders) to show what a user sees.
     */
    static final Dimension WINDOW = new Dimension(1024 - 8, 768 - 34);

    private KnowledgeFlowScreenshot() {}

    public static void main(String[] args) throws Exception {
        File out = new File(args[0]);
        String run = args.length < 2 ? "all" : args[1];
        WekaPackageManager.loadPackages(false);
        GenericObjectEditor.determineClasses();

        AtomicReference<JFrame> frame = new AtomicReference<>();
        AtomicReference<MainKFPerspective> main = new AtomicReference<>();
        List<String> templates = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            KnowledgeFlowApp kf = new KnowledgeFlowApp();
            JFrame f = new JFrame("Weka KnowledgeFlow Environment");
            f.getContentPane().setLayout(new BorderLayout());
            f.getContentPane().add(kf, BorderLayout.CENTER);
            kf.showMenuBar(f);
            f.pack();
            f.setBounds(0, 0, WINDOW.width, WINDOW.height);
            f.setVisible(true);
            frame.set(f);
            main.set((MainKFPerspective) kf.getMainPerspective());
            Map<String, String> resources = PluginManager.getResourcesWithGroupID(KFGUIConsts.KF_PLUGIN_TEMPLATE_KEY);
            main.get().getTemplateManager().getPluginTemplateDescriptions().stream()
                    .filter(d -> resources.get(d).contains("/hetquant/"))
                    .sorted(Comparator.comparing(resources::get)).forEach(templates::add);
            StepTree tree = SwingTrees.find(f.getContentPane(), StepTree.class);
            if (tree == null) {
                throw new IllegalStateException("no palette (StepTree) in the KnowledgeFlow window");
            }
            walk((TreeNode) tree.getModel().getRoot(), "", lines);
            expand(tree, "HetQuant");
        });
        if (templates.isEmpty()) {
            throw new IllegalStateException("no HetQuant template in the Templates menu");
        }

        // Each template as a user opens it next to the KnowledgeFlow's own Untitled tab: run it if asked, check and
        // screenshot its drawing, show its images, close it.
        List<String> report = new ArrayList<>();
        for (int k = 1; k <= templates.size(); k++) {
            String title = templates.get(k - 1);
            open(main.get(), title);
            boolean runIt = run.equals("all") || Arrays.asList(run.split(",")).contains(String.valueOf(k));
            if (runIt) {
                run(main.get().getCurrentLayout());
            }
            Thread.sleep(1000);
            VisibleLayout layout = main.get().getCurrentLayout();
            int flow = k;
            SwingUtilities.invokeAndWait(() -> {
                Dimension visible = SwingTrees.find(layout, JScrollPane.class).getViewport().getExtentSize();
                List<StepVisual> visuals = new ArrayList<>();
                for (Component c : SwingTrees.find(layout, LayoutPanel.class).getComponents()) {
                    if (c instanceof StepVisual v) {
                        visuals.add(v);
                    }
                }
                report.add("flow " + flow + " title=" + title);
                report.add("flow " + flow + " canvas=" + visible.width + "x" + visible.height);
                for (String problem : new FlowGeometry(visuals).problems(
                        new Rectangle(0, 0, visible.width, visible.height))) {
                    report.add("flow " + flow + " problem: " + problem);
                }
            });
            capture(frame.get(), new File(out, "knowledgeflow-flow" + k + ".png"));
            if (runIt) {
                showImages(main.get(), layout, new File(out, "knowledgeflow-flow" + k + "-images.png"));
            }
            SwingUtilities.invokeAndWait(() -> main.get().removeTab(main.get().getCurrentTabIndex()));
        }

        // A few open tabs must not wrap the tab bar: the Untitled tab and the four templates with the longest titles.
        SwingUtilities.invokeAndWait(() -> {
            templates.stream().sorted(Comparator.comparing(String::length).reversed()).limit(4)
                    .forEach(main.get()::addTab);
            JTabbedPane tabs = (JTabbedPane) SwingUtilities.getAncestorOfClass(JTabbedPane.class,
                    main.get().getCurrentLayout());
            tabs.doLayout();
            report.add("tabs " + main.get().getNumTabs() + " open, rows=" + tabs.getTabRunCount());
        });
        Files.write(new File(out, "palette.txt").toPath(), lines, StandardCharsets.UTF_8);
        Files.write(new File(out, "layout.txt").toPath(), report, StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** Opens a template as the toolbar's Templates menu does (MainKFPerspectiveToolBar): a new tab titled with it. */
    private static void open(MainKFPerspective main, String title) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            try {
                main.addTab(title);
                main.getCurrentLayout().setFlow(main.getTemplateManager().getTemplateFlow(title));
            } catch (Exception e) {
                throw new IllegalStateException("cannot open template " + title, e);
            }
        });
    }

    /** Runs the flow with the ▶ button's action and waits until it has finished. */
    private static void run(VisibleLayout layout) throws Exception {
        SwingUtilities.invokeAndWait(() -> {
            try {
                layout.executeFlow(false);
            } catch (Exception e) {
                throw new IllegalStateException("cannot run " + layout.getFlow().getFlowName(), e);
            }
        });
        long deadline = System.currentTimeMillis() + 300_000;
        Thread.sleep(500);
        while (layout.isExecuting()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(layout.getFlow().getFlowName() + " still running after 300 s");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1500); // let the log panel and step status icons repaint
    }

    /**
     * Opens the first ImageViewer's "Show images" window as its context menu does
     * ({@code LayoutPanel.popupStepInteractiveViewer}), screenshots it and closes it. Nothing when the flow has no
     * ImageViewer.
     */
    private static void showImages(MainKFPerspective main, VisibleLayout layout, File png) throws Exception {
        StepManagerImpl viewerStep = layout.getFlow().getSteps().stream()
                .filter(s -> s.getManagedStep() instanceof ImageViewer).findFirst().orElse(null);
        if (viewerStep == null) {
            return;
        }
        AtomicReference<JFrame> window = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                String viewerClass = viewerStep.getManagedStep().getInteractiveViewers().get("Show images");
                StepInteractiveViewer viewer =
                        (StepInteractiveViewer) WekaPackageClassLoaderManager.objectForName(viewerClass);
                viewer.setStep(viewerStep.getManagedStep());
                viewer.setMainKFPerspective(main);
                JFrame jf = new JFrame(viewer.getViewerName());
                viewer.setParentWindow(jf);
                viewer.init();
                jf.setLayout(new BorderLayout());
                jf.add((JComponent) viewer, BorderLayout.CENTER);
                jf.pack();
                jf.setBounds(0, 0, 1000, 600);
                jf.setVisible(true);
                viewer.nowVisible();
                window.set(jf);
            } catch (Exception e) {
                throw new IllegalStateException("cannot show the ImageViewer's images", e);
            }
        });
        Thread.sleep(1500);
        capture(window.get(), png);
        SwingUtilities.invokeAndWait(() -> window.get().dispose());
    }

    private static void capture(Window window, File png) throws Exception {
        Rectangle bounds = window.getBounds();
        BufferedImage shot = new Robot().createScreenCapture(bounds);
        ImageIO.write(shot, "png", png);
    }

    private static void walk(TreeNode node, String path, List<String> out) {
        String here = path.isEmpty() ? String.valueOf(node) : path + "/" + node;
        out.add(here);
        for (int i = 0; i < node.getChildCount(); i++) {
            walk(node.getChildAt(i), here, out);
        }
    }

    /** Expands every folder whose name or path contains {@code word}, so the screenshot shows the nodes. */
    private static void expand(JTree tree, String word) {
        DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
        for (Enumeration<TreeNode> e = root.depthFirstEnumeration(); e.hasMoreElements();) {
            DefaultMutableTreeNode n = (DefaultMutableTreeNode) e.nextElement();
            if (!n.isLeaf() && n.toString().toLowerCase().contains(word.toLowerCase())) {
                tree.expandPath(new TreePath(n.getPath()));
            }
        }
    }
}
