package org.hetquant.flows;

import java.awt.image.BufferedImage;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import weka.core.Environment;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.ImageViewer;
import weka.knowledgeflow.steps.Step;
import weka.knowledgeflow.steps.TextViewer;

/**
 * Runs a KnowledgeFlow {@code .kf} file inside this JVM and fails on any step error. Weka's own
 * {@code FlowRunner.main} exits 0 whatever happens and never resolves {@code ${Internal.knowledgeflow.directory}};
 * this runner sets that variable to the flow's folder, takes extra variables (e.g. {@code WEKA_HOME}), captures
 * the whole log and throws if any line reports an error, a warning or an exception. The flow's classes come from the classpath.
 */
public final class InJvmFlowRunner {

    /** How long no step may be busy before the flow counts as finished. */
    private static final long SETTLE_NANOS = 2_000_000_000L;

    private InJvmFlowRunner() {}

    /** Thrown when a flow cannot be loaded, or logs an error while it runs; the message holds the log. */
    public static final class FlowFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        FlowFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static List<String> snapshot(List<String> log) {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /**
     * A clean run: its log and the flow, whose viewer steps keep what they received (the KnowledgeFlow's
     * "Show results" and "Show images").
     *
     * @param log the log lines (messages and status lines)
     * @param flow the flow as it ran
     */
    public record Result(List<String> log, Flow flow) {

        /** What the TextViewer step {@code viewer} received: title (with Weka's time prefix) → text, in order. */
        public Map<String, String> texts(String viewer) {
            return ((TextViewer) step(viewer)).getResults();
        }

        /** What the ImageViewer step {@code viewer} received: title (with Weka's time prefix) → image, in order. */
        public Map<String, BufferedImage> images(String viewer) {
            return ((ImageViewer) step(viewer)).getImages();
        }

        private Step step(String name) {
            StepManagerImpl step = flow.findStep(name);
            if (step == null) {
                throw new IllegalArgumentException("the flow has no step named " + name);
            }
            return step.getManagedStep();
        }
    }

    /**
     * Loads and runs the flow, waiting until every step has finished.
     *
     * @param flowFile the {@code .kf} file
     * @param variables extra environment variables for {@code ${…}} substitution; they override the system's
     * @param timeout how long the flow may run before it is stopped and reported as failed
     * @return the log lines (messages and status lines) of a clean run
     * @throws FlowFailedException if loading fails, the flow runs past the timeout, or any log line reports an
     *     error, a warning or an exception
     */
    public static List<String> run(File flowFile, Map<String, String> variables, Duration timeout)
            throws FlowFailedException {
        return execute(flowFile, variables, timeout).log();
    }

    /**
     * As {@link #run}, keeping the flow so that what its viewers received can be read.
     *
     * @throws FlowFailedException as {@link #run}
     */
    public static Result execute(File flowFile, Map<String, String> variables, Duration timeout)
            throws FlowFailedException {
        Flow flow;
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        weka.gui.Logger logger = new weka.gui.Logger() {
            @Override
            public void logMessage(String message) {
                log.add(message);
            }

            @Override
            public void statusMessage(String message) {
                log.add(message);
            }
        };
        Environment env = new Environment();
        env.addVariable("Internal.knowledgeflow.directory", flowFile.getAbsoluteFile().getParent());
        variables.forEach(env::addVariable);
        try {
            flow = Flow.loadFlow(flowFile, logger);
            FlowRunner runner = new FlowRunner();
            runner.setEnvironment(env);
            runner.setLogger(logger);
            runner.setFlow(flow);
            runner.run();
            // Not runner.waitUntilFinished(): it waits forever when a step never finishes (Weka 3.8's Filter step can
            // lose a test set that arrives while the same fold's training set is being filtered). And "no step
            // busy" is briefly true between hand-offs (data queued for a step not yet started), so the flow counts
            // as finished only once no step has been busy for a whole settling period.
            long deadline = System.nanoTime() + timeout.toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < SETTLE_NANOS) {
                if (runner.flowBusy()) {
                    quietSince = System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    runner.stopProcessing();
                    throw new FlowFailedException("flow " + flowFile + " still busy after " + timeout
                            + "\nlog:\n" + String.join("\n", snapshot(log)), null);
                }
                Thread.sleep(50);
            }
        } catch (FlowFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new FlowFailedException("flow " + flowFile + " failed: " + e + "\nlog:\n" + String.join("\n", log), e);
        }
        List<String> lines = snapshot(log);
        for (String line : lines) {
            // Steps report trouble through logError / logWarning (status lines "ERROR: …", "WARNING: …").
            if (line.contains("ERROR") || line.contains("WARNING") || line.contains("Exception")) {
                throw new FlowFailedException("flow " + flowFile + " logged an error: " + line + "\nlog:\n"
                        + String.join("\n", lines), null);
            }
        }
        return new Result(lines, flow);
    }
}
