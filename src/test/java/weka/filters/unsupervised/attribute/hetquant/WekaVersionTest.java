package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.core.Version;

/** Shows which Weka release this test run uses (the build runs the Weka-facing tests on two). */
class WekaVersionTest {

    @Test
    void runsOnTheExpectedWekaJar() {
        String expected = System.getProperty("hetquant.weka.expected");
        String jar = Version.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        // The 3.8.7 jar reports itself as 3.8.8-SNAPSHOT, so the jar's file name is the reliable witness.
        assertTrue(jar.endsWith("weka-stable-" + expected + ".jar"), jar + " is not Weka " + expected);
    }
}
