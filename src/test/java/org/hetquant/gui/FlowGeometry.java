package org.hetquant.gui;

import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import weka.gui.knowledgeflow.NoteVisual;
import weka.gui.knowledgeflow.StepVisual;
import weka.knowledgeflow.StepManager;
import weka.knowledgeflow.StepManagerImpl;

/**
 * Where the KnowledgeFlow canvas draws a flow's parts, computed as Weka 3.8 draws them, and what in that drawing
 * would be unreadable: two parts on top of each other, a connection label under an icon (clipped), a note over a
 * node or a connection, anything outside the visible canvas.
 *
 * <p>The rules replicate {@code weka.gui.knowledgeflow.LayoutPanel} (3.8.6 = 3.8.7): a step is drawn at its
 * coordinates with its preferred size ({@code doLayout}); its name is drawn below it in the 9-point label font,
 * split in two lines at the upper-case letter nearest the middle when wider than the icon
 * ({@code paintStepLabels}); a connection runs between the connector points nearest each other's centres
 * ({@code StepVisual.getClosestConnectorPoint}) and its type is drawn left-aligned from the line's midpoint, 15
 * pixels higher when an earlier connection type of the same source goes to the same target
 * ({@code paintConnections}). The icons are painted after the labels, so a label under an icon is hidden.
 */
public final class FlowGeometry {

    /**
     * The canvas a KnowledgeFlow window of Weka's default size (1024×768, GUIChooser) shows with one row of tabs and
     * the palette and log at their default sizes: measured 744×428 by {@code KnowledgeFlowGuiIT}, which checks that
     * the real canvas is at least this large. The templates are laid out to fit it.
     */
    public static final Dimension DEFAULT_CANVAS = new Dimension(740, 420);

    /** The step-name and connection-label font of the KnowledgeFlow canvas (KFDefaults.STEP_LABEL_FONT_SIZE). */
    static final Font LABEL_FONT = new Font(null, Font.PLAIN, 9);

    /** Gap a label keeps from what it must not touch, in pixels. */
    private static final int MARGIN = 2;

    /** One part of the drawing; {@code owner} is the step a name label belongs to, else {@code null}. */
    public record Part(String what, Rectangle box, String owner) {
        Part(String what, Rectangle box) {
            this(what, box, null);
        }
    }

    private final List<Part> steps = new ArrayList<>();
    private final List<Part> notes = new ArrayList<>();
    private final List<Part> stepLabels = new ArrayList<>();
    private final List<Part> connectionLabels = new ArrayList<>();
    private final List<Line2D> lines = new ArrayList<>();
    private final List<String> lineNames = new ArrayList<>();
    private final List<String[]> lineEnds = new ArrayList<>();

    /**
     * Lays out the visuals as the canvas does.
     *
     * @param visuals every step visual of the flow (notes included), each holding its step manager
     */
    public FlowGeometry(List<StepVisual> visuals) {
        FontMetrics fm = metrics();
        for (StepVisual v : visuals) {
            Rectangle box = new Rectangle(v.getX(), v.getY(), v.getPreferredSize().width,
                    v.getPreferredSize().height);
            if (v instanceof NoteVisual) {
                notes.add(new Part("note " + v.getStepName(), box));
            } else {
                steps.add(new Part(v.getStepName(), box));
                stepLabels.addAll(stepLabel(v.getStepName(), box, fm));
            }
        }
        for (StepVisual v : visuals) {
            Rectangle s = box(v);
            Map<String, List<StepManager>> out = v.getStepManager().getOutgoingConnections();
            int count = 0;
            for (Map.Entry<String, List<StepManager>> e : out.entrySet()) {
                for (StepManager target : e.getValue()) {
                    StepVisual tv = ((StepManagerImpl) target).getStepVisual();
                    Rectangle t = box(tv);
                    Point from = connector(s, new Point(t.x + t.width / 2, t.y + t.height / 2));
                    Point to = connector(t, new Point(s.x + s.width / 2, s.y + s.height / 2));
                    lines.add(new Line2D.Double(from, to));
                    lineNames.add(v.getStepName() + " -" + e.getKey() + "-> " + tv.getStepName());
                    lineEnds.add(new String[] {v.getStepName(), tv.getStepName()});
                    int midx = from.x + (to.x - from.x) / 2;
                    int midy = from.y + (to.y - from.y) / 2 - 2;
                    if (earlierConnection(out, (StepManagerImpl) target, count)) {
                        midy -= 15;
                    }
                    connectionLabels.add(new Part("label '" + e.getKey() + "' of " + v.getStepName() + " -> "
                            + tv.getStepName(), new Rectangle(midx, midy - fm.getAscent(),
                                    fm.stringWidth(e.getKey()), fm.getAscent() + fm.getDescent())));
                }
                count++;
            }
        }
    }

    /** The smallest rectangle holding every part (steps, notes and all labels). */
    public Rectangle extent() {
        Rectangle all = null;
        for (List<Part> parts : List.of(steps, notes, stepLabels, connectionLabels)) {
            for (Part p : parts) {
                all = all == null ? new Rectangle(p.box()) : all.union(p.box());
            }
        }
        return all == null ? new Rectangle() : all;
    }

    /**
     * What would be unreadable, one line per problem; empty when the drawing is clean.
     *
     * @param canvas the visible canvas (its top-left corner is 0,0), or {@code null} to skip that check
     */
    public List<String> problems(Rectangle canvas) {
        List<String> problems = new ArrayList<>();
        List<Part> solid = new ArrayList<>(steps);
        solid.addAll(notes);
        overlapsWithin(solid, problems);
        List<Part> texts = new ArrayList<>(stepLabels);
        texts.addAll(connectionLabels);
        overlapsWithin(texts, problems);
        for (Part text : texts) {
            Rectangle padded = grow(text.box());
            for (Part p : solid) {
                if (padded.intersects(p.box())) {
                    problems.add(text.what() + " is hidden by " + p.what());
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            for (Part note : notes) {
                if (lines.get(i).intersects(note.box())) {
                    problems.add("note " + note.what() + " covers connection " + lineNames.get(i));
                }
            }
            String[] ends = lineEnds.get(i);
            for (Part label : stepLabels) {
                if (!label.owner().equals(ends[0]) && !label.owner().equals(ends[1])
                        && lines.get(i).intersects(label.box())) {
                    problems.add("connection " + lineNames.get(i) + " crosses the " + label.what());
                }
            }
            for (int j = 0; j < connectionLabels.size(); j++) {
                // A connection's own label, and its twin's between the same two steps, sit on its line.
                boolean sameLine = Arrays.equals(lineEnds.get(j), ends);
                if (!sameLine && lines.get(i).intersects(connectionLabels.get(j).box())) {
                    problems.add("connection " + lineNames.get(i) + " crosses the " + connectionLabels.get(j).what());
                }
            }
            for (Part step : steps) {
                if (!step.what().equals(ends[0]) && !step.what().equals(ends[1])
                        && lines.get(i).intersects(step.box())) {
                    problems.add("connection " + lineNames.get(i) + " runs through " + step.what());
                }
            }
        }
        if (canvas != null) {
            for (List<Part> parts : List.of(steps, notes, stepLabels, connectionLabels)) {
                for (Part p : parts) {
                    if (!canvas.contains(p.box())) {
                        problems.add(p.what() + " at " + p.box() + " lies outside the visible canvas " + canvas);
                    }
                }
            }
        }
        return problems;
    }

    private static void overlapsWithin(List<Part> parts, List<String> problems) {
        for (int i = 0; i < parts.size(); i++) {
            for (int j = i + 1; j < parts.size(); j++) {
                if (parts.get(i).box().intersects(parts.get(j).box())) {
                    problems.add(parts.get(i).what() + " overlaps " + parts.get(j).what());
                }
            }
        }
    }

    private static Rectangle grow(Rectangle r) {
        Rectangle g = new Rectangle(r);
        g.grow(MARGIN, 0);
        return g;
    }

    private static Rectangle box(StepVisual v) {
        return new Rectangle(v.getX(), v.getY(), v.getPreferredSize().width, v.getPreferredSize().height);
    }

    /** {@code StepVisual.getClosestConnectorPoint}: the middle of the side facing the other step. */
    private static Point connector(Rectangle r, Point towards) {
        int midX = r.x + r.width / 2;
        int midY = r.y + r.height / 2;
        int cx = Math.abs(towards.x - midX) < Math.abs(towards.y - midY) ? midX
                : towards.x < midX ? r.x : r.x + r.width;
        int cy = Math.abs(towards.y - midY) < Math.abs(towards.x - midX) ? midY
                : towards.y < midY ? r.y : r.y + r.height;
        return new Point(cx, cy);
    }

    /** {@code VisibleLayout.previousConn}: an earlier connection type of the same source reaches the target. */
    private static boolean earlierConnection(Map<String, List<StepManager>> out, StepManagerImpl target, int index) {
        int count = 0;
        for (List<StepManager> targets : out.values()) {
            for (StepManager c : targets) {
                if (((StepManagerImpl) c).getManagedStep() == target.getManagedStep() && count < index) {
                    return true;
                }
            }
            count++;
        }
        return false;
    }

    /** {@code LayoutPanel.paintStepLabels}: one line centred below the icon, or two split at a capital. */
    private static List<Part> stepLabel(String label, Rectangle box, FontMetrics fm) {
        int hf = fm.getAscent();
        // Lines are hf apart, so a line's box is its ascent (the descent of line 1 is shared with line 2).
        int height = hf;
        List<Part> out = new ArrayList<>();
        int centre = box.x + box.width / 2;
        int width = fm.stringWidth(label);
        String left = null;
        String right = null;
        if (width >= box.width) {
            int mid = label.length() / 2;
            int closest = label.length();
            int closestI = -1;
            for (int z = 0; z < label.length(); z++) {
                if (label.charAt(z) < 'a' && Math.abs(mid - z) < closest) {
                    closest = Math.abs(mid - z);
                    closestI = z;
                }
            }
            if (closestI != -1 && closestI > 1 && label.length() - closestI > 1) {
                left = label.substring(0, closestI);
                right = label.substring(closestI);
            }
        }
        if (left == null) {
            out.add(new Part("name of " + label,
                    new Rectangle(centre - width / 2, box.y + box.height + 2, width, height), label));
        } else {
            int lw = fm.stringWidth(left);
            int rw = fm.stringWidth(right);
            out.add(new Part("name of " + label + " (line 1)",
                    new Rectangle(centre - lw / 2, box.y + box.height + 2, lw, height), label));
            out.add(new Part("name of " + label + " (line 2)",
                    new Rectangle(centre - rw / 2, box.y + box.height + hf + 2, rw, height), label));
        }
        return out;
    }

    private static FontMetrics metrics() {
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(LABEL_FONT);
        } finally {
            g.dispose();
        }
    }
}
