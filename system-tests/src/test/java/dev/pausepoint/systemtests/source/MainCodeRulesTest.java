package dev.pausepoint.systemtests.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about how the main code of every module reads, checked over the sources (docs/architecture.md,
 * "Inside a service"). A rule that only a review enforces is forgotten by the next change.
 */
class MainCodeRulesTest {

    /** The HTML elements the hosted pages and emails use; a string holding one is markup built by hand. */
    private static final Pattern HTML_TAG = Pattern.compile("(?i)</?(?:!doctype|html|head|body|meta|title|style|"
            + "link|script|main|section|header|footer|div|span|p|a|h[1-6]|ul|ol|li|table|tr|td|th|br|hr|img|form|"
            + "input|button|label|textarea|strong|em|small)(?=[\\s>/])");

    @Test
    void noConstructorIsCalledWithAPositionalNull() {
        List<String> offences = mainSources().flatMap(source -> source.constructorCalls().stream()
                // A type's own named factories (Delivery.queued(), ErrorBody.of(...)) are where the nulls
                // belong: the reader of a call site then sees a name, not a null in position 14.
                .filter(call -> !source.declares(call.simpleType()))
                .filter(call -> call.arguments().contains("null"))
                .map(call -> where(source, call.line()) + " new " + call.type() + call.arguments()))
                .toList();
        assertThat(offences).as("constructor calls with a positional null; give the type a named factory").isEmpty();
    }

    @Test
    void noHtmlIsBuiltInJavaStrings() {
        List<String> offences = mainSources().flatMap(source -> source.literals().stream()
                .filter(literal -> HTML_TAG.matcher(literal.text()).find())
                .map(literal -> where(source, literal.line()) + " " + abbreviate(literal.text())))
                .toList();
        assertThat(offences).as("HTML in Java string literals; it belongs in a template that escapes").isEmpty();
    }

    @Test
    void theRulesSeeWhatTheyLookFor() {
        JavaSource sample = JavaSource.lex(Path.of("Sample.java"), """
                class Sample {
                    // new Ignored(null) in a comment
                    Object a = new Pause("id", null, f(1, 2), null);
                    Object b = new java.util.ArrayList<>(List.of(1, 2));
                    String c = "new Quoted(null)";
                    String d = "<div class=\\"x\\">";
                    Object e = new Thread(() -> { run(null); });
                }
                """);
        assertThat(sample.constructorCalls()).extracting(JavaSource.ConstructorCall::simpleType,
                JavaSource.ConstructorCall::arguments).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Pause", List.of("\"\"", "null", "f(1, 2)", "null")),
                        org.assertj.core.groups.Tuple.tuple("ArrayList", List.of("List.of(1, 2)")),
                        org.assertj.core.groups.Tuple.tuple("Thread", List.of("() -> { run(null); }")));
        assertThat(sample.declares("Sample")).isTrue();
        assertThat(sample.declares("Pause")).isFalse();
        assertThat(sample.literals()).extracting(JavaSource.Literal::text)
                .anyMatch(text -> HTML_TAG.matcher(text).find())
                .noneMatch(text -> text.contains("Ignored"));
        assertThat(HTML_TAG.matcher("Send Authorization: Bearer <your API key>.").find()).isFalse();
        assertThat(HTML_TAG.matcher("Respond here: <respond_url>").find()).isFalse();
    }

    private static Stream<JavaSource> mainSources() {
        Path root = Workspace.locate().root();
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> files = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory)
                    .flatMap(MainCodeRulesTest::javaFiles).toList();
            assertThat(files).as("main sources under " + root).hasSizeGreaterThan(100);
            return files.stream().map(JavaSource::read);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String where(JavaSource source, int line) {
        return Workspace.locate().root().relativize(source.file()) + ":" + line;
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
    }
}
