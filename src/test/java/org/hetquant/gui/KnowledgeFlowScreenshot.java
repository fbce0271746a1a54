package org.hetquant.gui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreeNode;
import weka.core.WekaPackageManager;
import weka.gui.GenericObjectEditor;
import weka.gui.knowledgeflow.KnowledgeFlowApp;
import weka.gui.knowledgeflow.MainKFPerspective;
import weka.gui.knowledgeflow.StepTree;
import weka.gui.knowledgeflow.VisibleLayout;

/**
 * Child-JVM program of the GUI test: starts the KnowledgeFlow as a user would (installed packages loaded from
 * WEKA_HOME), opens a flow, runs it, then writes a screenshot of the window and the palette's tree (one line per
 * node, its path from the root).
 *
 * <p>Arguments: the {@code .kf} file, the PNG to write, the palette text file to write.
 */
public final class KnowledgeFlowScreenshot {

    private KnowledgeFlowScreenshot() {}

    public static void main(String[] args) throws Exception {
        File flow = new File(args[0]);
        File png = new File(args[1]);
        File palette = new File(args[2]);
        WekaPackageManager.loadPackages(false);
        GenericObjectEditor.determineClasses();

        AtomicReference<JFrame> frame = new AtomicReference<>();
        AtomicReference<KnowledgeFlowApp> app = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            KnowledgeFlowApp kf = new KnowledgeFlowApp();
            ((MainKFPerspective) kf.getMainPerspective()).loadLayout(flow, false);
            JFrame f = new JFrame("Weka " + kf.getApplicationName());
            f.getContentPane().setLayout(new BorderLayout());
            f.getContentPane().add(kf, BorderLayout.CENTER);
            f.pack();
            kf.showMenuBar(f);
            f.setBounds(0, 0, 1280, 800);
            f.setVisible(true);
            frame.set(f);
            app.set(kf);
        });

        VisibleLayout layout = ((MainKFPerspective) app.get().getMainPerspective()).getCurrentLayout();
        SwingUtilities.invokeAndWait(() -> {
            try {
                layout.executeFlow(false);
            } catch (Exception e) {
                throw new IllegalStateException("cannot run " + flow, e);
            }
        });
        long deadline = System.currentTimeMillis() + 120_000;
        Thread.sleep(500);
        while (layout.isExecuting()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("flow still running after 120 s");
            }
            Thread.sleep(200);
        }
        Thread.sleep(1500); // let the log panel and step status icons repaint

        List<String> lines = new ArrayList<>();
        SwingUtilities.invokeAndWait(() -> {
            StepTree tree = find(frame.get().getContentPane(), StepTree.class);
            if (tree == null) {
                throw new IllegalStateException("no palette (StepTree) in the KnowledgeFlow window");
            }
            walk((TreeNode) tree.getModel().getRoot(), "", lines);
            expand(tree, "HetQuant");
        });
        Thread.sleep(500);
        Rectangle bounds = frame.get().getBounds();
        BufferedImage shot = new Robot().createScreenCapture(bounds);
        ImageIO.write(shot, "png", png);
        Files.write(palette.toPath(), lines, StandardCharsets.UTF_8);
        System.exit(0);
    }

    private static <T> T find(Component c, Class<T> type) {
        if (type.isInstance(c)) {
            return type.cast(c);
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
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
                tree.expandPath(new javax.swing.tree.TreePath(n.getPath()));
            }
        }
    }
}
