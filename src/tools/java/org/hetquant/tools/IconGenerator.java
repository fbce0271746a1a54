package org.hetquant.tools;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Draws the KnowledgeFlow icons of the HetQuant filters (57×58 GIF, the size of Weka's own) into {@code icons/}.
 * The build copies them into the jar at {@code weka/gui/knowledgeflow/icons/<class name without "weka.">.gif},
 * where KnowledgeFlow looks a filter's icon up.
 *
 * <p>Usage: {@code IconGenerator <output folder>}.
 */
public final class IconGenerator {

    public static final int WIDTH = 57;
    public static final int HEIGHT = 58;

    private static final String PACKAGE = "filters.unsupervised.attribute.hetquant.";
    private static final Color INK = new Color(0x1f, 0x3a, 0x5f);
    private static final Color ACCENT = new Color(0xd9, 0x5f, 0x0e);
    private static final Color PALE = new Color(0x9e, 0xc5, 0xe8);

    private IconGenerator() {}

    /** Icon file name → drawing, one per filter class. */
    public static Map<String, Consumer<Graphics2D>> icons() {
        Map<String, Consumer<Graphics2D>> icons = new LinkedHashMap<>();
        icons.put(PACKAGE + "HetQuantNormalizer.gif", IconGenerator::normalizer);
        icons.put(PACKAGE + "HetQuantStreamNormalizer.gif", IconGenerator::streamNormalizer);
        icons.put(PACKAGE + "HetQuantColumn.gif", IconGenerator::column);
        icons.put(PACKAGE + "HetQuantSpikePhase.gif", IconGenerator::spikePhase);
        icons.put(PACKAGE + "HetQuantCalibrator.gif", IconGenerator::calibrator);
        icons.put(PACKAGE + "HetQuantPipeline.gif", IconGenerator::pipeline);
        icons.put(PACKAGE + "HetQuantGranule.gif", IconGenerator::granule);
        return icons;
    }

    public static void main(String[] args) throws IOException {
        File out = new File(args.length > 0 ? args[0] : "icons");
        out.mkdirs();
        for (Map.Entry<String, Consumer<Graphics2D>> icon : icons().entrySet()) {
            ImageIO.write(draw(icon.getValue()), "gif", new File(out, icon.getKey()));
        }
    }

    static BufferedImage draw(Consumer<Graphics2D> drawing) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setColor(INK);
        g.setStroke(new BasicStroke(2f));
        g.drawRoundRect(1, 1, WIDTH - 3, HEIGHT - 3, 10, 10);
        drawing.accept(g);
        g.dispose();
        return image;
    }

    /** Uneven bars on the left become bars of one total on the right: per-sample L1. */
    private static void normalizer(Graphics2D g) {
        int[] raw = {30, 12, 22};
        int x = 7;
        for (int h : raw) {
            g.setColor(PALE);
            g.fillRect(x, 48 - h, 6, h);
            x += 7;
        }
        g.setColor(INK);
        g.drawLine(29, 30, 34, 30);
        g.drawLine(31, 27, 34, 30);
        g.drawLine(31, 33, 34, 30);
        int y = 48;
        for (int h : new int[] {14, 6, 10}) {
            g.setColor(h == 14 ? ACCENT : INK);
            g.fillRect(38, y - h, 10, h);
            y -= h;
        }
    }

    /** Rows arriving one after another, each leaving as bars of one total: per-sample L1 on a stream. */
    private static void streamNormalizer(Graphics2D g) {
        g.setColor(PALE);
        for (int r = 0; r < 3; r++) {
            g.fillRect(6, 10 + 14 * r, 18, 8);
        }
        g.setColor(INK);
        g.drawLine(26, 30, 32, 30);
        g.drawLine(29, 27, 32, 30);
        g.drawLine(29, 33, 32, 30);
        int y = 48;
        for (int h : new int[] {14, 6, 10}) {
            g.setColor(h == 14 ? ACCENT : INK);
            g.fillRect(38, y - h, 10, h);
            y -= h;
        }
    }

    /** One input fanning out to neurons of growing size: a column with heterogeneous gains. */
    private static void column(Graphics2D g) {
        g.setColor(ACCENT);
        g.fillOval(5, 25, 8, 8);
        int[] sizes = {4, 6, 8, 10};
        int y = 6;
        for (int s : sizes) {
            int cy = y + 5;
            g.setColor(PALE);
            g.drawLine(13, 29, 40, cy);
            g.setColor(INK);
            g.fillOval(45 - s / 2, cy - s / 2, s, s);
            y += 12;
        }
    }

    /** A cycle of oscillatory inhibition with a spike at an early phase. */
    private static void spikePhase(Graphics2D g) {
        Path2D wave = new Path2D.Double();
        for (int x = 6; x <= 50; x++) {
            double y = 34 - 10 * Math.sin(2 * Math.PI * (x - 6) / 44.0);
            if (x == 6) {
                wave.moveTo(x, y);
            } else {
                wave.lineTo(x, y);
            }
        }
        g.setColor(PALE);
        g.draw(wave);
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(3f));
        g.drawLine(20, 48, 20, 10);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(6, 50, 50, 50);
    }

    /** A histogram with natural breaks: gains fitted to the data. */
    private static void calibrator(Graphics2D g) {
        int[] heights = {8, 20, 30, 14, 6, 18, 26, 10};
        for (int i = 0; i < heights.length; i++) {
            g.setColor(PALE);
            g.fillRect(7 + 5 * i, 48 - heights[i], 4, heights[i]);
        }
        g.setColor(ACCENT);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(31, 10, 31, 50);
        g.drawLine(16, 10, 16, 50);
        g.setColor(INK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(6, 49, 50, 49);
    }

    /** MCs wired to a larger population of GCs; the connections that survived learning are drawn strong. */
    private static void granule(Graphics2D g) {
        int[] mc = {12, 24, 36, 48};
        int[] gc = {8, 16, 24, 32, 40, 48};
        int[][] faint = {{0, 1}, {1, 4}, {2, 0}, {3, 2}, {2, 5}, {0, 3}};
        int[][] strong = {{0, 0}, {1, 2}, {2, 3}, {3, 5}, {1, 1}};
        g.setStroke(new BasicStroke(1f));
        g.setColor(PALE);
        for (int[] e : faint) {
            g.drawLine(12, mc[e[0]], 44, gc[e[1]]);
        }
        g.setStroke(new BasicStroke(2f));
        g.setColor(ACCENT);
        for (int[] e : strong) {
            g.drawLine(12, mc[e[0]], 44, gc[e[1]]);
        }
        g.setColor(INK);
        for (int y : mc) {
            g.fillOval(7, y - 4, 9, 9);
        }
        for (int y : gc) {
            g.fillOval(41, y - 3, 7, 7);
        }
    }

    /** Three stages in a row: normalize, column, phase. */
    private static void pipeline(Graphics2D g) {
        Color[] stages = {PALE, INK, ACCENT};
        for (int i = 0; i < 3; i++) {
            g.setColor(stages[i]);
            g.fillRoundRect(5 + 17 * i, 21, 12, 16, 4, 4);
            if (i < 2) {
                g.setColor(INK);
                g.drawLine(17 + 17 * i, 29, 22 + 17 * i, 29);
            }
        }
    }
}
