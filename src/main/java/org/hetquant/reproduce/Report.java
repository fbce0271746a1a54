package org.hetquant.reproduce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hetquant.engine.Summary;

/** Writes a reproduction's CSV table and Markdown report (with the figures) into one folder. */
final class Report {

    /**
     * How the run was made, for the report's header.
     *
     * @param command the command line that produced the report
     * @param gridName "full" or "quick"
     * @param folds folds run (of 8)
     * @param seed the seed
     * @param threads worker threads
     * @param seconds measured wall time of the grid, in seconds
     * @param granules how the GC layer was sized, for the header
     * @param sweepSeconds measured wall time of the GC sensitivity table, in seconds (0 if not run)
     */
    record RunInfo(String command, String gridName, int folds, long seed, int threads, double seconds,
            String granules, double sweepSeconds) {}

    /**
     * A layer's utilization SD for several data realizations (see {@link Reproduction#utilizationSdBySeed}).
     *
     * @param metric {@link Metric#MC_UTILIZATION_SD} or {@link Metric#GC_UTILIZATION_SD}
     * @param seeds the seeds
     * @param sessions published session name per entry of {@code sd}
     * @param sd per session, {@code [seed index][condition ordinal][n index]} the SD over folds
     */
    record SeedSweep(Metric metric, long[] seeds, List<String> sessions, List<Summary[][][]> sd) {}

    private Report() {}

    /** Writes {@code reproduction.csv}, {@code reproduction.md} and {@code figures/*.png} into {@code dir}. */
    static void write(Path dir, Grid grid, PublishedResults published, List<String> meanSessions, RunInfo run,
            List<SeedSweep> sweeps) throws IOException {
        Files.createDirectories(dir);
        writeCsv(dir.resolve("reproduction.csv"), grid, published, meanSessions);
        List<Path> figures = Figures.write(grid, published, meanSessions, dir.resolve("figures"));
        writeMarkdown(dir.resolve("reproduction.md"), grid, published, meanSessions, run, figures, dir, sweeps);
    }

    private static void writeCsv(Path file, Grid grid, PublishedResults published, List<String> meanSessions)
            throws IOException {
        StringBuilder sb = new StringBuilder(
                "Session,PublishedSession,Condition,Duplication,Metric,Ours,OursFoldSD,Published,PublishedFoldSD,"
                        + "Difference\n");
        for (Reproduction.Cell c : grid.cells()) {
            Optional<PublishedResults.Value> p =
                    published.get(c.metric(), c.publishedSession(), c.condition(), c.duplication());
            row(sb, c.session(), c.publishedSession(), c.condition(), c.duplication(), c.metric(), c.mean(), c.foldSd(),
                    p);
        }
        for (String layer : Acceptance.layers(grid)) {
            Metric mean = Metric.of(layer)[1];
            for (Condition cond : Condition.values()) {
                for (int n : Reproduction.DUPLICATIONS) {
                    if (meanSessions.isEmpty()) {
                        continue;
                    }
                    double ours = grid.meanOverSessions(meanSessions, cond, n, mean);
                    row(sb, PublishedResults.MEAN_SESSION, PublishedResults.MEAN_SESSION, cond, n, mean, ours,
                            OptionalDouble.empty(), published.get(mean, PublishedResults.MEAN_SESSION, cond, n));
                }
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder sb, String session, String pubSession, Condition c, int n, Metric m,
            double ours, OptionalDouble oursSd, Optional<PublishedResults.Value> p) {
        // An undefined or unpublished value is an empty field (R reads it as NA).
        sb.append(String.join(",", session, pubSession, c.label(), Integer.toString(n), m.name(), num(ours),
                oursSd.isPresent() ? num(oursSd.getAsDouble()) : "", p.map(v -> num(v.value())).orElse(""),
                p.map(v -> num(v.foldSd())).orElse(""),
                p.map(v -> num(ours - v.value())).orElse(""))).append('\n');
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static void writeMarkdown(Path file, Grid grid, PublishedResults published, List<String> meanSessions,
            RunInfo run, List<Path> figures, Path dir, List<SeedSweep> sweeps) throws IOException {
        List<Acceptance.Check> banded = Acceptance.banded(grid, published, meanSessions);
        List<Acceptance.Check> claims = new ArrayList<>();
        for (String s : grid.sessions()) {
            claims.addAll(Acceptance.qualitative(grid, s));
        }
        List<String> layers = Acceptance.layers(grid);
        StringBuilder md = new StringBuilder();
        md.append("# Reproduction of the published ").append(String.join("- and ", layers))
                .append("-layer results\n\n");
        md.append("Moyal et al., \"Heterogeneous quantization regularizes spiking neural network activity\" ")
                .append("(Sci. Rep. 2025), ").append(String.join(" and ", layers))
                .append(" layers, against the authors' released fold means ")
                .append("(`../shared/reference/published/`, docs/method.md §4.4).\n\n");
        md.append("*Generated by the reproduce command; do not edit by hand.*\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| command | `").append(run.command()).append("` |\n");
        md.append(String.format(Locale.ROOT, "| grid | %s: %d of 8 folds, sessions %s, conditions Homogeneous "
                + "(10 levels), Uniform, Scaled (s = 0.5), Adaptive (s = 0.25), n ∈ {4, 8, 16, 32} |\n",
                run.gridName(), run.folds(), String.join(", ", grid.sessions())));
        if (layers.contains("GC")) {
            md.append("| GC layer | ").append(run.granules()).append(" |\n");
        }
        md.append(String.format(Locale.ROOT, "| seed | %d (sampling plan, session generators, GC wiring and SVM "
                + "splits) |\n", run.seed()));
        md.append(String.format(Locale.ROOT, "| measured run time | grid %.0f s%s on %d worker threads (%d cores "
                + "visible) |\n\n", run.seconds(), run.sweepSeconds() > 0
                        ? String.format(Locale.ROOT, ", GC sensitivity table %.0f s", run.sweepSeconds()) : "",
                run.threads(), Runtime.getRuntime().availableProcessors()));

        md.append("## Summary\n\n");
        for (String layer : layers) {
            List<Acceptance.Check> mine = banded.stream()
                    .filter(c -> c.name().contains(" " + layer + " ")).toList();
            long pass = mine.stream().filter(Acceptance.Check::pass).count();
            String bands = layer.equals("MC")
                    ? "utilization SD ±15 % Uniform/Homogeneous, ±25 % Scaled/Adaptive; mean utilization ±5 pp; "
                            + "accuracy ±6 pp Uniform/Homogeneous, ±8 pp Scaled/Adaptive"
                    : "utilization SD ±25 %; mean utilization ±5 pp; accuracy ±8 pp";
            md.append(String.format(Locale.ROOT, "- %s layer: **%d of %d** banded cells are within their acceptance "
                    + "band (%s).\n", layer, pass, mine.size(), bands));
        }
        for (String layer : layers) {
            // A GC claim names the layer; an MC claim does not.
            List<Acceptance.Check> mine = claims.stream()
                    .filter(c -> c.name().contains(" GC ") == layer.equals("GC")).toList();
            long pass = mine.stream().filter(Acceptance.Check::pass).count();
            md.append(String.format(Locale.ROOT, "- %s layer: **%d of %d** checks of the paper's qualitative claims "
                    + "hold.\n", layer, pass, mine.size()));
        }
        md.append('\n');

        md.append("Each cell below reads *ours / published (difference)*; values are means over folds. "
                + "A cell in **bold** is outside its band.\n\n");
        for (String layer : layers) {
            Metric[] m = Metric.of(layer);
            table(md, layer + " utilization SD (percentage points)", m[0], grid, published, banded, true);
            table(md, layer + " accuracy (%)", m[2], grid, published, banded, false);
            meanUtilization(md, m[1], grid, published, meanSessions, banded);
            if (layer.equals("MC")) {
                etAccuracy(md, grid, published);
            }
        }

        md.append("## Qualitative claims\n\n| claim | ours | compared with | rule | holds |\n| --- | --- | --- | --- "
                + "| --- |\n");
        for (Acceptance.Check c : claims) {
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s | %s |\n", c.name(), c.ours(),
                    c.reference(), c.band(), c.pass() ? "yes" : "**no**"));
        }
        md.append("\n## Cells outside their band\n\n");
        List<Acceptance.Check> misses = banded.stream().filter(c -> !c.pass()).toList();
        if (misses.isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| cell | ours | published | band |\n| --- | --- | --- | --- |\n");
            for (Acceptance.Check c : misses) {
                md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |\n", c.name(), c.ours(), c.reference(),
                        c.band()));
            }
            md.append('\n');
        }
        for (SeedSweep sweep : sweeps) {
            seedSweep(md, published, sweep);
        }
        md.append("## Figures\n\nSolid lines: ours; dashed: published.\n\n");
        for (Path f : figures) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            md.append("![").append(f.getFileName()).append("](").append(rel).append(")\n\n");
        }
        try (InputStream in = Report.class.getResourceAsStream("reproduction-notes.md")) {
            if (in != null) {
                md.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }
    private static void table(StringBuilder md, String title, Metric metric, Grid grid, PublishedResults published,
            List<Acceptance.Check> banded, boolean relative) {
        md.append("## ").append(title).append("\n\n| Session | Condition |");
        for (int n : Reproduction.DUPLICATIONS) {
            md.append(" n=").append(n).append(" |");
        }
        md.append("\n| --- | --- |").append(" --- |".repeat(Reproduction.DUPLICATIONS.size())).append('\n');
        for (String s : grid.sessions()) {
            for (Condition c : Condition.values()) {
                md.append("| ").append(s).append(" | ").append(c.label()).append(" |");
                for (int n : Reproduction.DUPLICATIONS) {
                    double ours = grid.mean(s, c, n, metric);
                    Optional<PublishedResults.Value> p = published.get(metric, grid.publishedSession(s), c, n);
                    md.append(' ').append(cellText(ours, p, relative,
                            missed(banded, Acceptance.name(s, c, n, metric))))
                            .append(foldsUsed(grid.cell(s, c, n, metric).acrossFolds())).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }

    private static void meanUtilization(StringBuilder md, Metric metric, Grid grid, PublishedResults published,
            List<String> meanSessions, List<Acceptance.Check> banded) {
        md.append("## ").append(metric.title()).append(" (%)\n\nThe paper publishes this only averaged over its two "
                + "sessions; ours is averaged over ").append(String.join(" and ", meanSessions))
                .append(". Per-session values follow.\n\n");
        md.append("| Session | Condition |");
        for (int n : Reproduction.DUPLICATIONS) {
            md.append(" n=").append(n).append(" |");
        }
        md.append("\n| --- | --- |").append(" --- |".repeat(Reproduction.DUPLICATIONS.size())).append('\n');
        for (Condition c : Condition.values()) {
            md.append("| ").append(PublishedResults.MEAN_SESSION).append(" | ").append(c.label()).append(" |");
            for (int n : Reproduction.DUPLICATIONS) {
                double ours = grid.meanOverSessions(meanSessions, c, n, metric);
                Optional<PublishedResults.Value> p = published.get(metric, PublishedResults.MEAN_SESSION, c, n);
                md.append(' ').append(cellText(ours, p, false, missed(banded,
                        Acceptance.name(PublishedResults.MEAN_SESSION, c, n, metric)))).append(" |");
            }
            md.append('\n');
        }
        for (String s : grid.sessions()) {
            for (Condition c : Condition.values()) {
                md.append("| ").append(s).append(" | ").append(c.label()).append(" |");
                for (int n : Reproduction.DUPLICATIONS) {
                    md.append(String.format(Locale.ROOT, " %.2f%s |", grid.mean(s, c, n, metric),
                            foldsUsed(grid.cell(s, c, n, metric).acrossFolds())));
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }
    private static void etAccuracy(StringBuilder md, Grid grid, PublishedResults published) {
        md.append("## ET accuracy baseline (%)\n\nThe ET readout (L1-normalized input) does not depend on the "
                + "condition or n; the published value is the same in every condition.\n\n"
                + "| Session | ours (SD across folds) | published (SD across folds) | difference |\n"
                + "| --- | --- | --- | --- |\n");
        for (String s : grid.sessions()) {
            Reproduction.Cell c = grid.cell(s, Condition.UNIFORM, Reproduction.DUPLICATIONS.get(0), Metric.ET_ACCURACY);
            Optional<PublishedResults.Value> p =
                    published.get(Metric.ET_ACCURACY, grid.publishedSession(s), Condition.UNIFORM, 4);
            md.append(String.format(Locale.ROOT, "| %s | %.1f (%s)%s | %s | %s |\n", s, c.mean(),
                    Summary.text(c.foldSd(), 1), foldsUsed(c.acrossFolds()),
                    p.map(v -> String.format(Locale.ROOT, "%.1f (%.1f)", v.value(), v.foldSd())).orElse("–"),
                    p.map(v -> String.format(Locale.ROOT, "%+.1f", c.mean() - v.value())).orElse("–")));
        }
        md.append('\n');
    }

    private static void seedSweep(StringBuilder md, PublishedResults published, SeedSweep sweep) {
        boolean gc = sweep.metric() == Metric.GC_UTILIZATION_SD;
        md.append(String.format(Locale.ROOT, "## Sensitivity to the data realization: %s\n\n%s (all 8 folds, no "
                + "SVM) for the generator, sampling%s seeds %d..%d: *min – max over seeds%s* / published. A "
                + "published value inside the range is reachable by some realization of the documented "
                + "generator.%s\n\n", sweep.metric().layer(), sweep.metric().title(),
                gc ? " and GC-wiring" : "", sweep.seeds()[0], sweep.seeds()[sweep.seeds().length - 1],
                gc ? " (SD across seeds)" : "",
                gc ? " The SD across seeds is the spread one realization carries: ours and the published value are "
                        + "two such realizations, so their difference has an SD of about √2 × that spread; the "
                        + "±25 % band is set against it." : ""));
        md.append("| Session | Condition |");
        for (int n : Reproduction.DUPLICATIONS) {
            md.append(" n=").append(n).append(" |");
        }
        md.append("\n| --- | --- |").append(" --- |".repeat(Reproduction.DUPLICATIONS.size())).append('\n');
        for (int s = 0; s < sweep.sessions().size(); s++) {
            Summary[][][] sd = sweep.sd().get(s);
            for (Condition c : Condition.values()) {
                md.append("| ").append(sweep.sessions().get(s)).append(" | ").append(c.label()).append(" |");
                for (int i = 0; i < Reproduction.DUPLICATIONS.size(); i++) {
                    List<OptionalDouble> perSeed = new ArrayList<>();
                    int undefinedFolds = 0;
                    for (Summary[][] seed : sd) {
                        Summary overFolds = seed[c.ordinal()][i];
                        undefinedFolds += overFolds.undefined();
                        perSeed.add(overFolds.mean());
                    }
                    Summary acrossSeeds = Summary.ofDefined(perSeed);
                    double[] defined = perSeed.stream().filter(OptionalDouble::isPresent)
                            .mapToDouble(OptionalDouble::getAsDouble).toArray();
                    Optional<PublishedResults.Value> p = published.get(sweep.metric(), sweep.sessions().get(s), c,
                            Reproduction.DUPLICATIONS.get(i));
                    String range = defined.length == 0 ? Summary.UNDEFINED
                            : String.format(Locale.ROOT, "%.2f – %.2f", java.util.Arrays.stream(defined).min()
                                    .getAsDouble(), java.util.Arrays.stream(defined).max().getAsDouble())
                                    + (gc ? " (" + Summary.text(acrossSeeds.sd(), 2) + ")" : "");
                    String flag = undefinedFolds == 0 ? "" : String.format(Locale.ROOT,
                            " [%d undefined fold SDs left out]", undefinedFolds);
                    md.append(String.format(Locale.ROOT, " %s / %s%s |", range,
                            p.map(v -> String.format(Locale.ROOT, "%.2f", v.value())).orElse("–"), flag));
                }
                md.append('\n');
            }
        }
        md.append('\n');
    }
    /**
     * Empty when every fold defines the value; otherwise which share of the folds the mean is over, e.g.
     * " [7 of 8 folds]" (never under the paper's protocol, whose folds hold 112 test samples).
     */
    private static String foldsUsed(Summary acrossFolds) {
        return acrossFolds.undefined() == 0 ? "" : String.format(Locale.ROOT, " [%d of %d folds]",
                acrossFolds.count(), acrossFolds.count() + acrossFolds.undefined());
    }

    private static boolean missed(List<Acceptance.Check> banded, String name) {
        return banded.stream().anyMatch(c -> c.name().equals(name) && !c.pass());
    }

    private static String cellText(double ours, Optional<PublishedResults.Value> p, boolean relative,
            boolean miss) {
        if (p.isEmpty()) {
            return String.format(Locale.ROOT, "%.2f / –", ours);
        }
        double pub = p.get().value();
        String diff = relative
                ? String.format(Locale.ROOT, "%+.2f, %+.0f %%", ours - pub, 100 * (ours - pub) / pub)
                : String.format(Locale.ROOT, "%+.1f", ours - pub);
        String text = String.format(Locale.ROOT, "%.2f / %.2f (%s)", ours, pub, diff);
        return miss ? "**" + text + "**" : text;
    }
}
