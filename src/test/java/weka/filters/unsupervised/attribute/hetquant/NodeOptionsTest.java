package weka.filters.unsupervised.attribute.hetquant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.hetquant.engine.GainScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.rules.ZeroR;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.Utils;
import weka.filters.Filter;

/**
 * Issue 12 item 4 and issue 8 item 3: every option is declared once and checked by one validator, the same way
 * from the command line, {@code setOptions} (FilteredClassifier's {@code -F "…"}) and the GUI, strictly and
 * locale-independently, with one message style. The whole class runs under a German default locale, where a
 * decimal comma is what users type.
 */
class NodeOptionsTest {

    private static final List<Class<? extends AbstractHetQuantFilter>> NODES = List.of(HetQuantNormalizer.class,
            HetQuantStreamNormalizer.class, HetQuantColumn.class, HetQuantSpikePhase.class, HetQuantCalibrator.class,
            HetQuantPipeline.class, HetQuantGranule.class);

    private static Locale saved;

    @BeforeAll
    static void germanLocale() {
        saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
    }

    @AfterAll
    static void restoreLocale() {
        Locale.setDefault(saved);
    }

    static Stream<Class<? extends AbstractHetQuantFilter>> nodes() {
        return NODES.stream();
    }

    private static AbstractHetQuantFilter node(Class<? extends AbstractHetQuantFilter> type) throws Exception {
        return type.getDeclaredConstructor().newInstance();
    }

    /** Every node that has the option of this flag. */
    private static List<AbstractHetQuantFilter> nodesWith(String flag) throws Exception {
        List<AbstractHetQuantFilter> result = new ArrayList<>();
        for (Class<? extends AbstractHetQuantFilter> type : NODES) {
            AbstractHetQuantFilter node = node(type);
            if (node.options().stream().anyMatch(o -> o.flag().equals(flag))) {
                result.add(node);
            }
        }
        assertFalse(result.isEmpty(), "no node has -" + flag);
        return result;
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void eachGuiPropertyShowsItsOptionsOneDeclaration(Class<? extends AbstractHetQuantFilter> type) throws Exception {
        AbstractHetQuantFilter node = node(type);
        int previous = -1;
        for (NodeOption<?> option : node.options()) {
            assertTrue(option.displayOrder() > previous, type.getSimpleName() + ": options out of display order");
            previous = option.displayOrder();
            String suffix = Character.toUpperCase(option.property().charAt(0)) + option.property().substring(1);
            Method getter = type.getMethod("get" + suffix);
            OptionMetadata metadata = getter.getAnnotation(OptionMetadata.class);
            assertNotNull(metadata, type.getSimpleName() + ".get" + suffix + " lacks @OptionMetadata");
            assertEquals(option.label(), metadata.displayName(), option.name());
            assertEquals(option.description(), metadata.description(), option.name());
            assertEquals(option.displayOrder(), metadata.displayOrder(), option.name());
            assertEquals("", metadata.commandLineParamName(), "the command line is the option layer's");
            assertNotNull(type.getMethod("set" + suffix, getter.getReturnType()));
        }
    }

    /** Weka's GUI shows a description up to its first '.': that must be a short, complete sentence. */
    @Test
    void everyDescriptionStartsWithAShortCompleteSentence() throws Exception {
        for (NodeOption<?> option : allOptions()) {
            String text = option.description();
            int dot = text.indexOf('.');
            assertTrue(dot > 0, option.name() + " has no sentence: " + text);
            assertTrue(dot <= 90, option.name() + ": first sentence has " + dot + " characters: " + text);
            assertTrue(dot == text.length() - 1 || text.charAt(dot + 1) == ' ',
                    option.name() + ": the first '.' is inside a number or an abbreviation: " + text);
        }
    }

    @ParameterizedTest
    @MethodSource("nodes")
    void listOptionsShowsTheDeclaredOptionsThenWekasOwn(Class<? extends AbstractHetQuantFilter> type)
            throws Exception {
        AbstractHetQuantFilter node = node(type);
        List<Option> listed = Collections.list(node.listOptions());
        List<String> names = new ArrayList<>();
        for (Option o : listed) {
            names.add(o.name());
        }
        List<String> expected = new ArrayList<>();
        for (NodeOption<?> option : node.options()) {
            expected.add(option.flag());
        }
        for (Option o : Collections.list(new weka.filters.AllFilter().listOptions())) {
            expected.add(o.name()); // Weka's generic filter options
        }
        assertEquals(expected, names);
        for (int i = 0; i < node.options().size(); i++) {
            assertTrue(listed.get(i).description().contains(node.options().get(i).description().substring(0, 40)));
        }
    }

    /** Issue 8's examples, and more, from setOptions: every one names the option, the value and the valid form. */
    @Test
    void valuesThatDoNotParseAreErrorsNamingOptionValueAndForm() throws Exception {
        String[][] cases = {
            {"S", "0,5", "-S (smoothing s): expected a number in [0, 1], got 0,5 (a decimal comma: write 0.5;"},
            {"P", "1,5", "-P (payload P): expected a finite number > 0, got 1,5 (a decimal comma: write 1.5;"},
            {"L", "0,05", "-L (limit L): expected a number in (0, 1), got 0,05 (a decimal comma: write 0.05;"},
            {"S", "abc", "-S (smoothing s): expected a number in [0, 1], got abc"},
            {"S", "0x1p-2", "-S (smoothing s): expected a number in [0, 1], got 0x1p-2"},
            {"P", "25d", "-P (payload P): expected a finite number > 0, got 25d"},
            {"P", "NaN", "-P (payload P): expected a finite number > 0, got NaN"},
            {"P", "Infinity", "-P (payload P): expected a finite number > 0, got Infinity"},
            {"P", "1e400", "-P (payload P): expected a finite number > 0, got 1e400 (beyond the largest double)"},
            {"N", "8.0", "-N (duplication n): expected a whole number >= 1, got 8.0"},
            {"N", "0x10", "-N (duplication n): expected a whole number >= 1, got 0x10"},
            {"N", "99999999999", "-N (duplication n): expected a whole number >= 1, got 99999999999 (beyond"},
            {"N", "0", "-N (duplication n): expected a whole number >= 1, got 0"},
            {"S", "1.5", "-S (smoothing s): expected a number in [0, 1], got 1.5"},
            {"scheme", "bogus", "-scheme (gain scheme): expected one of uniform, equidistant, homogeneous"
                    + " (case-insensitive), got bogus"},
            {"rule", "last", "-rule (update rule): expected one of faithful, final (case-insensitive), got last"},
            {"encoding", "1", "-encoding (phase encoding): expected one of paper, ascending, binary"
                    + " (case-insensitive), got 1"},
            {"R", "", "-R (attribute indices): expected a value, got no value"},
            {"G", "0", "-G (granule cells per mitral cell): expected a whole number >= 1, got 0"},
            {"M", "-1", "-M (mitral cells per sensor n): expected a whole number in [0, 2147483647], got -1"},
            {"p", "0,5", "-p (connection probability p): expected a number in [0, 1], got 0,5 (a decimal comma: write"
                    + " 0.5;"},
            {"p", "1.5", "-p (connection probability p): expected a number in [0, 1], got 1.5"},
            {"seed", "1.5", "-seed (random seed): expected a whole number in [-2147483648, 2147483647], got 1.5"},
            {"negative", "keep", "-negative (negative values): expected one of clip, "},
            {"gain-scale", "bogus", "-gain-scale (gain scale): expected one of fixed, features"},
            {"U", "0", "-U (target utilization (%)): expected a number in (0, 100], got 0"},
            {"U", "45,5", "-U (target utilization (%)): expected a number in (0, 100], got 45,5 (a decimal comma:"},
        };
        int checked = 0;
        for (String[] c : cases) {
            for (AbstractHetQuantFilter node : nodesWith(c[0])) {
                String[] before = node.getOptions();
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> node.setOptions(new String[] {"-" + c[0], c[1]}), node + " -" + c[0] + " " + c[1]);
                assertTrue(e.getMessage().startsWith(c[2]), e.getMessage());
                assertArrayEquals(before, node.getOptions(), "a rejected setOptions changes nothing");
                checked++;
            }
        }
        assertTrue(checked >= 30, "cases checked: " + checked);
    }

    @Test
    void aFlagGivenWithoutItsValueIsAnError() throws Exception {
        for (AbstractHetQuantFilter node : nodesWith("S")) {
            IllegalArgumentException last = assertThrows(IllegalArgumentException.class,
                    () -> node.setOptions(new String[] {"-N", "4", "-S"}));
            assertEquals("-S (smoothing s): expected a number in [0, 1], got no value", last.getMessage());
            IllegalArgumentException followed = assertThrows(IllegalArgumentException.class,
                    () -> node.setOptions(new String[] {"-S", "-N", "4"}));
            assertEquals("-S (smoothing s): expected a number in [0, 1], got -N (is its value missing?)",
                    followed.getMessage());
        }
        for (AbstractHetQuantFilter node : nodesWith("scheme")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> node.setOptions(new String[] {"-scheme", "-N", "4"}));
            assertTrue(e.getMessage().endsWith("got -N (is its value missing?)"), e.getMessage());
        }
    }

    @Test
    void choicesAreCaseInsensitiveAndNumbersUseTheDecimalPointInEveryLocale() throws Exception {
        assertEquals(Locale.GERMANY, Locale.getDefault());
        HetQuantPipeline pipeline = new HetQuantPipeline();
        pipeline.setOptions(new String[] {"-scheme", "EQUIDISTANT", "-encoding", "Binary", "-rule", "FAITHFUL",
            "-S", "5e-1", "-P", "+30", "-L", ".05", "-N", "+16", "-calibrate"});
        assertEquals(GainScheme.EQUIDISTANT, pipeline.get(NodeOptions.SCHEME));
        assertEquals(0.5, pipeline.getSmoothing(), 0.0);
        assertEquals(30.0, pipeline.getPayload(), 0.0);
        assertEquals(0.05, pipeline.getLimit(), 0.0);
        assertEquals(16, pipeline.getDuplication());
        assertEquals("-R first-last -negative clip -scheme equidistant -N 16 -P 30.0 -L 0.05 -calibrate -S 0.5 -rule"
                + " faithful -encoding binary -gain-scale auto -U 45.0 -distinct 65536",
                Utils.joinOptions(pipeline.getOptions()));
        // setOptions resets what it is not given, as Weka's filters do.
        pipeline.setOptions(new String[] {"-N", "4"});
        assertEquals("-R first-last -negative clip -scheme uniform -N 4 -P 25.0 -L 0.01 -S 0.25 -rule final"
                + " -encoding ascending -gain-scale auto -U 45.0 -distinct 65536",
                Utils.joinOptions(pipeline.getOptions()));
        // -no-shift, the former option, still means what it meant: negative values are an error.
        pipeline.setOptions(new String[] {"-no-shift", "-V", "-R", "2-3", "-gain-scale", "FIXED", "-U", "4e1"});
        assertEquals("-R 2-3 -V -negative error -scheme uniform -N 8 -P 25.0 -L 0.01 -S 0.25 -rule final -encoding"
                + " ascending -gain-scale fixed -U 40.0 -distinct 65536", Utils.joinOptions(pipeline.getOptions()));
    }

    /** The same strings through FilteredClassifier's -F, which builds the filter with setOptions. */
    @Test
    void filteredClassifierFilterStringsAreCheckedToo() throws Exception {
        FilteredClassifier fc = new FilteredClassifier();
        Exception e = assertThrows(Exception.class, () -> fc.setOptions(Utils.splitOptions(
                "-F \"weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline -calibrate -S 0,5\""
                        + " -W " + ZeroR.class.getName())));
        assertTrue(String.valueOf(e.getMessage()).contains("-S (smoothing s): expected a number in [0, 1], got 0,5"),
                String.valueOf(e.getMessage()));
        fc.setOptions(Utils.splitOptions("-F \"weka.filters.unsupervised.attribute.hetquant.HetQuantPipeline"
                + " -calibrate -S 0.5\" -W " + ZeroR.class.getName()));
        assertEquals(0.5, ((HetQuantPipeline) fc.getFilter()).getSmoothing(), 0.0);
    }

    /** The command line (Weka's filterFile, as weka.Run and runFilter use it) reports the same message. */
    @Test
    void theCommandLineReportsTheSameMessage() throws Exception {
        File arff = new File(System.getProperty("java.io.tmpdir"), "hetquant-options-test.arff");
        arff.getParentFile().mkdirs();
        Files.writeString(arff.toPath(), "@relation r\n@attribute a numeric\n@attribute b numeric\n@data\n0.2,0.8\n",
                StandardCharsets.UTF_8);
        Exception e = assertThrows(Exception.class, () -> Filter.filterFile(new HetQuantCalibrator(),
                new String[] {"-S", "0,5", "-i", arff.getPath()}));
        assertTrue(e.getMessage().startsWith("\n-S (smoothing s): expected a number in [0, 1], got 0,5 (a decimal"
                + " comma: write 0.5; options are read the same in every locale)\n"), e.getMessage());
    }

    /**
     * The GUI: Weka hands a number field's text to the property editor on every keystroke and ignores text the
     * editor rejects. The strict editor turns text that is not a number into NaN, so typing 0,5 cannot leave the
     * prefix 0 behind; the node reports it, naming the option, before any row is read.
     */
    @Test
    void theGuiReadsNumberFieldsStrictlyAndTheNodeReportsWhatDidNotParse() throws Exception {
        for (Class<?> type : List.of(HetQuantColumn.class, HetQuantCalibrator.class, HetQuantPipeline.class)) {
            Map<String, Class<?>> editors = new HashMap<>();
            for (PropertyDescriptor p : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
                editors.put(p.getName(), p.getPropertyEditorClass());
            }
            assertEquals(StrictNumberEditor.class, editors.get("duplication"), type.getSimpleName());
            assertEquals(StrictNumberEditor.class, editors.get("payload"), type.getSimpleName());
            assertEquals(StrictNumberEditor.class, editors.get("limit"), type.getSimpleName());
            assertTrue(editors.containsKey("attributeIndices"), "the other properties are still there");
        }
        StrictNumberEditor editor = new StrictNumberEditor();
        editor.setValue(0.25);
        HetQuantCalibrator calibrator = new HetQuantCalibrator();
        editor.addPropertyChangeListener(ev -> calibrator.setSmoothing((Double) editor.getValue()));
        for (String typed : new String[] {"0", "0,", "0,5"}) {
            editor.setAsText(typed);
        }
        assertTrue(Double.isNaN(calibrator.getSmoothing()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calibrator.setInputFormat(TestData.arff("@relation r\n@attribute a numeric\n@data\n0.5\n")));
        assertTrue(e.getMessage().startsWith("-S (smoothing s): expected a number in [0, 1], got NaN (a GUI field"),
                e.getMessage());
        for (String typed : new String[] {"0", "0.", "0.5"}) {
            editor.setAsText(typed);
        }
        assertEquals(0.5, calibrator.getSmoothing(), 0.0);
        assertEquals("0.5", editor.getAsText());

        StrictNumberEditor whole = new StrictNumberEditor();
        whole.setValue(8);
        whole.setAsText("010");
        assertEquals(10, whole.getValue(), "no octal");
        whole.setAsText("8,5");
        assertEquals(StrictNumberEditor.NOT_A_WHOLE_NUMBER, whole.getValue());
        HetQuantColumn column = new HetQuantColumn();
        column.setDuplication((Integer) whole.getValue());
        IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
                () -> column.setInputFormat(TestData.arff("@relation r\n@attribute a numeric\n@data\n0.5\n")));
        assertTrue(n.getMessage().startsWith("-N (duplication n): expected a whole number >= 1, got")
                && n.getMessage().endsWith("(a GUI field that is not a whole number)"), n.getMessage());
    }

    /** A setter (the GUI, Java code) and setOptions reject a value with the same message. */
    @Test
    void settersAndSetOptionsGiveTheSameMessage() throws Exception {
        HetQuantPipeline byOptions = new HetQuantPipeline();
        IllegalArgumentException fromOptions = assertThrows(IllegalArgumentException.class,
                () -> byOptions.setOptions(new String[] {"-L", "1.5"}));
        HetQuantPipeline bySetter = new HetQuantPipeline();
        bySetter.setLimit(1.5);
        IllegalArgumentException fromSetter = assertThrows(IllegalArgumentException.class,
                () -> bySetter.setInputFormat(TestData.arff("@relation r\n@attribute a numeric\n@data\n0.5\n")));
        assertEquals(fromOptions.getMessage(), fromSetter.getMessage());
        assertEquals("-L (limit L): expected a number in (0, 1), got 1.5", fromSetter.getMessage());
    }

    /** A range is Weka's syntax, checked against the data's attributes when they arrive. */
    @Test
    void aBadRangeIsReportedNamingTheOption() throws Exception {
        HetQuantColumn column = new HetQuantColumn();
        column.setAttributeIndices("1-x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> column.setInputFormat(TestData.arff("@relation r\n@attribute a numeric\n@data\n0.5\n")));
        assertTrue(e.getMessage().startsWith("-R (attribute indices): expected a Weka range of the 1 attributes,"
                + " got 1-x ("), e.getMessage());
    }

    /** An option that several nodes share is one object: the same text, default and validator everywhere. */
    @Test
    void sharedOptionsAreTheSameDeclaration() throws Exception {
        Map<String, NodeOption<?>> seen = new HashMap<>();
        for (Class<? extends AbstractHetQuantFilter> type : NODES) {
            for (NodeOption<?> option : node(type).options()) {
                NodeOption<?> first = seen.putIfAbsent(option.flag(), option);
                assertTrue(first == null || first == option, option.name() + " declared twice");
            }
        }
        assertEquals(allOptions().size(), seen.size(), "every declared option is used by some node");
    }

    private static List<NodeOption<?>> allOptions() throws IllegalAccessException {
        List<NodeOption<?>> options = new ArrayList<>();
        for (java.lang.reflect.Field field : NodeOptions.class.getDeclaredFields()) {
            if (field.getType() == NodeOption.class) {
                options.add((NodeOption<?>) field.get(null));
            }
        }
        return options;
    }
}
