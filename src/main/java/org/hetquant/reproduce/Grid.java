package org.hetquant.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hetquant.engine.Summary;

/** The cells of one reproduction run, indexed by session, condition, n and metric. */
public final class Grid {

    private final List<Reproduction.Cell> cells;
    private final Map<String, Reproduction.Cell> byKey = new LinkedHashMap<>();
    private final Map<String, String> publishedSession = new LinkedHashMap<>();

    /** @param cells the run's cells, as returned by {@link Reproduction#run} */
    public Grid(List<Reproduction.Cell> cells) {
        this.cells = List.copyOf(cells);
        for (Reproduction.Cell c : cells) {
            byKey.put(key(c.session(), c.condition(), c.duplication(), c.metric()), c);
            publishedSession.put(c.session(), c.publishedSession());
        }
    }

    /** All cells in run order. */
    public List<Reproduction.Cell> cells() {
        return cells;
    }

    /** Session report names in run order. */
    public List<String> sessions() {
        return new ArrayList<>(publishedSession.keySet());
    }

    /** The published session a session is compared with. */
    public String publishedSession(String session) {
        return publishedSession.get(session);
    }

    /**
     * One cell.
     *
     * @throws IllegalArgumentException if the grid has no such cell
     */
    public Reproduction.Cell cell(String session, Condition c, int n, Metric m) {
        Reproduction.Cell cell = byKey.get(key(session, c, n, m));
        if (cell == null) {
            throw new IllegalArgumentException("no cell " + key(session, c, n, m));
        }
        return cell;
    }

    /** Whether the grid has cells of a metric (the GC metrics are absent from an MC-only run). */
    public boolean has(Metric m) {
        return cells.stream().anyMatch(c -> c.metric() == m);
    }

    /** The fold mean of one cell. */
    public double mean(String session, Condition c, int n, Metric m) {
        return cell(session, c, n, m).mean();
    }

    /**
     * The mean of one cell's fold mean over several sessions (the paper publishes mean utilization only averaged
     * over its two sessions).
     *
     * @param sessions report names of sessions in the grid, at least one
     */
    public double meanOverSessions(List<String> sessions, Condition c, int n, Metric m) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("sessions must name at least one session");
        }
        return Summary.of(sessions.stream().mapToDouble(s -> mean(s, c, n, m)).toArray()).mean().getAsDouble();
    }

    private static String key(String s, Condition c, int n, Metric m) {
        return s + "|" + c + "|" + n + "|" + m;
    }
}
