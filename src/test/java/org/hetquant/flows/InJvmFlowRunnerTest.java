package org.hetquant.flows;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.time.Duration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The runner must pass a good flow and fail the ways Weka's FlowRunner hides (it always exits 0).
 * Note the {@code name} property comes last: setting a wrapped algorithm renames its step.
 */
class InJvmFlowRunnerTest {

    private static final Path DIR = Path.of("target", "flow-runner-test").toAbsolutePath();

    private static String flow(String dataPath, String classifierClass, String out) {
        return """
        { "flow_name": "t", "steps": [
          { "class": "weka.knowledgeflow.steps.Loader",
            "properties": { "loader": { "type": "loader",
              "class": "weka.core.converters.ArffLoader", "filePath": "%s", "useRelativePath": false },
              "name": "Loader" },
            "connections": { "dataSet": [ "ClassAssigner" ] }, "coordinates": "0,0" },
          { "class": "weka.knowledgeflow.steps.ClassAssigner",
            "properties": { "name": "ClassAssigner", "classColumn": "last" },
            "connections": { "dataSet": [ "CV" ] }, "coordinates": "0,0" },
          { "class": "weka.knowledgeflow.steps.CrossValidationFoldMaker",
            "properties": { "name": "CV", "numFolds": "2", "preserveOrder": false, "seed": "1" },
            "connections": { "trainingSet": [ "C" ], "testSet": [ "C" ] }, "coordinates": "0,0" },
          { "class": "weka.knowledgeflow.steps.Classifier",
            "properties": { "classifier": { "type": "optionHandler", "class": "%s", "options": "" },
              "loadClassifierFileName": "", "resetIncrementalClassifier": false, "updateIncrementalClassifier": true,
              "name": "C" },
            "connections": { "batchClassifier": [ "Eval" ] }, "coordinates": "0,0" },
          { "class": "weka.knowledgeflow.steps.ClassifierPerformanceEvaluator",
            "properties": { "name": "Eval" }, "connections": { "text": [ "Save" ] }, "coordinates": "0,0" },
          { "class": "weka.knowledgeflow.steps.TextSaver",
            "properties": { "name": "Save", "file": "%s", "append": false, "writeTitleString": false },
            "connections": {}, "coordinates": "0,0" } ] }
        """.formatted(dataPath, classifierClass, out);
    }

    private static File write(String name, String content) throws IOException {
        Files.createDirectories(DIR);
        Path p = DIR.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p.toFile();
    }

    private static void data() throws IOException {
        StringBuilder arff = new StringBuilder("@relation t\n@attribute x numeric\n@attribute c {a,b}\n@data\n");
        for (int i = 0; i < 20; i++) {
            arff.append(i).append(',').append(i < 10 ? "a" : "b").append('\n');
        }
        write("t.arff", arff.toString());
    }

    @Test
    void goodFlowRunsAndResolvesTheFlowDirectory() throws Exception {
        data();
        File out = DIR.resolve("eval.txt").toFile();
        Files.deleteIfExists(out.toPath());
        File kf = write("good.kf", flow("${Internal.knowledgeflow.directory}/t.arff",
                "weka.classifiers.rules.ZeroR", "${OUT}"));
        InJvmFlowRunner.run(kf, Map.of("OUT", out.getPath()), Duration.ofMinutes(1));
        assertTrue(out.isFile(), "evaluation text not written");
        assertTrue(Files.readString(out.toPath()).contains("Correctly Classified Instances"));
    }

    @Test
    void missingDataFileFails() throws Exception {
        File kf = write("missing.kf", flow("${Internal.knowledgeflow.directory}/nope.arff",
                "weka.classifiers.rules.ZeroR", DIR.resolve("x.txt").toString()));
        assertThrows(InJvmFlowRunner.FlowFailedException.class, () -> InJvmFlowRunner.run(kf, Map.of(), Duration.ofMinutes(1)));
    }

    @Test
    void unknownClassFails() throws Exception {
        data();
        File kf = write("unknown.kf", flow("${Internal.knowledgeflow.directory}/t.arff",
                "weka.classifiers.NoSuchClassifier", DIR.resolve("y.txt").toString()));
        assertThrows(InJvmFlowRunner.FlowFailedException.class, () -> InJvmFlowRunner.run(kf, Map.of(), Duration.ofMinutes(1)));
    }
}
