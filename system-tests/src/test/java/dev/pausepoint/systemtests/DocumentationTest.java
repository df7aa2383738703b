package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs a newcomer reads stay true to the tree: every link between them lands on a file and a
 * heading that exist, and every endpoint the built jars serve is in the architecture page's map with
 * the class that serves it (so "where is the code for this endpoint" is one lookup).
 */
class DocumentationTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private final Path root = Workspace.locate().root();

    @Test
    void everyLinkBetweenTheDocsLandsOnAFileAndAHeading() {
        List<String> broken = new ArrayList<>();
        for (Path doc : docs()) {
            for (String target : matches(LINK, read(doc))) {
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such file)");
                } else if (anchor != null && !anchors(linked).contains(anchor)) {
                    broken.add(root.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void everyServedEndpointIsMappedToTheClassThatServesIt() {
        Map<String, String> documented = endpointMap();
        Map<String, String> wrong = new TreeMap<>();
        ServedRoutes.controllersOfEveryService().forEach((route, controller) -> {
            if (!controller.equals(documented.get(route))) {
                wrong.put(route, "served by " + controller + ", documented as " + documented.get(route));
            }
        });
        assertThat(wrong).as("docs/architecture.md, \"Where each endpoint lives\"").isEmpty();
        assertThat(documented.keySet()).as("documented endpoints nobody serves")
                .isSubsetOf(ServedRoutes.controllersOfEveryService().keySet());
    }

    @Test
    void headingsBecomeTheAnchorsGitHubGivesThem() {
        assertThat(anchor("Billing (Paddle)")).isEqualTo("billing-paddle");
        assertThat(anchor("Tests' servers")).isEqualTo("tests-servers");
        assertThat(anchor("Create: `POST /v1/pause` → 201")).isEqualTo("create-post-v1pause--201");
    }

    /** Rows of the endpoint table: every route in the first cell, mapped to the class in the last one. */
    private Map<String, String> endpointMap() {
        String architecture = read(root.resolve("docs/architecture.md"));
        String section = architecture.substring(architecture.indexOf("## Where each endpoint lives"));
        Map<String, String> map = new TreeMap<>();
        for (String row : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            List<String> classes = matches(CODE, cells[cells.length - 1]);
            assertThat(classes).as("one class in the last cell of " + row).hasSize(1);
            for (String route : matches(CODE, cells[1])) {
                map.put(ServedRoutes.normalize(route), classes.get(0));
            }
        }
        assertThat(map).as("rows in the endpoint table").isNotEmpty();
        return map;
    }

    private List<Path> docs() {
        try (Stream<Path> walk = Files.walk(root.resolve("docs"))) {
            List<Path> docs = new ArrayList<>(walk.filter(file -> file.toString().endsWith(".md")).toList());
            docs.add(root.resolve("README.md"));
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> anchors(Path doc) {
        if (Files.isDirectory(doc) || !doc.toString().endsWith(".md")) {
            return Set.of();
        }
        return matches(HEADING, read(doc)).stream().map(DocumentationTest::anchor).collect(Collectors.toSet());
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, each space a hyphen. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
