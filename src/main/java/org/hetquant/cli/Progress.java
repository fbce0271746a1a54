package org.hetquant.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/** The commands' progress bar on stderr: redrawn in place on a terminal, a line per 10 % otherwise. */
public final class Progress {

    private Progress() {}

    /**
     * A progress callback taking the number of finished tasks.
     *
     * @param err where to draw
     * @param command the command's name, e.g. "reproduce"
     * @param unit what a task is, e.g. "tasks"
     * @param total the number of tasks, ≥ 1
     * @param start {@link System#nanoTime()} at the start
     */
    public static IntConsumer bar(PrintStream err, String command, String unit, int total, long start) {
        boolean terminal = System.console() != null;
        int[] lastTenth = {-1};
        return done -> {
            synchronized (err) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                double eta = done > 0 ? elapsed * (total - done) / done : 0;
                int width = 30;
                int filled = (int) ((long) width * done / total);
                String line = String.format(Locale.ROOT, "%s [%s%s] %d/%d %s, %.0f s elapsed, ~%.0f s left", command,
                        "#".repeat(filled), " ".repeat(width - filled), done, total, unit, elapsed, eta);
                if (terminal) {
                    err.print("\r" + line);
                } else if (done * 10 / total > lastTenth[0]) {
                    lastTenth[0] = done * 10 / total;
                    err.println(line);
                }
            }
        };
    }
}
