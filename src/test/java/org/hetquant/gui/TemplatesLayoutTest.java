package org.hetquant.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import weka.gui.knowledgeflow.StepVisual;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.Note;

/**
 * Every flow in {@code workflows/} (each one a template) reads well at the KnowledgeFlow's default window size,
 * checked headless with the canvas's own drawing rules ({@link FlowGeometry}): no step, note or label on top of
 * another, no connection label hidden under an icon, no note over a node or a connection, everything inside
 * the canvas a 1024×768 window shows ({@link FlowGeometry#DEFAULT_CANVAS}, which the GUI test measures), and
 * the notes name no unresolved {@code ${…}} variable. The GUI test repeats the drawing check on the real window.
 */
class TemplatesLayoutTest {

    @TestFactory
    Stream<DynamicTest> everyTemplateIsReadableAtTheDefaultWindowSize() throws IOException {
        List<Path> flows;
        try (Stream<Path> s = Files.list(Path.of("workflows"))) {
            flows = s.filter(p -> p.toString().endsWith(".kf")).sorted().toList();
        }
        assertFalse(flows.isEmpty());
        return flows.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            Flow flow = Flow.loadFlow(file.toFile(), null);
            List<StepVisual> visuals = new ArrayList<>();
            for (StepManagerImpl step : flow.getSteps()) {
                StepVisual visual = StepVisual.createVisual(step);
                step.setStepVisual(visual);
                visuals.add(visual);
                if (step.getManagedStep() instanceof Note note) {
                    assertFalse(note.getNoteText().contains("${"),
                            "a note shows a literal variable: " + note.getNoteText());
                }
            }
            FlowGeometry geometry = new FlowGeometry(visuals);
            Rectangle canvas = new Rectangle(FlowGeometry.DEFAULT_CANVAS);
            assertEquals(List.of(), geometry.problems(canvas), file.getFileName() + " at the default window size");
            assertTrue(geometry.extent().x >= 0 && geometry.extent().y >= 0, "negative coordinates");
        }));
    }
}
