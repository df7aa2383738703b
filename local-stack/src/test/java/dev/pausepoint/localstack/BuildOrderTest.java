package dev.pausepoint.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code ./run-local} builds only this module and what it depends on ({@code -pl local-stack -am}), then
 * launches every {@link Service} from its jar: a service this pom does not name is not built on a clean
 * clone, and the stack fails to start.
 */
class BuildOrderTest {

    @Test
    void thePomNamesEveryServiceItLaunchesSoRunLocalBuildsIt() throws Exception {
        Path pom = Path.of("pom.xml");
        assertThat(pom).exists();
        NodeList artifactIds = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile())
                .getElementsByTagName("artifactId");
        List<String> dependencies = new ArrayList<>();
        for (int i = 0; i < artifactIds.getLength(); i++) {
            Element element = (Element) artifactIds.item(i);
            if ("dependency".equals(element.getParentNode().getNodeName())) {
                dependencies.add(element.getTextContent().strip());
            }
        }
        for (Service service : Service.values()) {
            assertThat(dependencies).as("local-stack/pom.xml builds %s", service.moduleName())
                    .contains(service.moduleName());
            assertThat(Files.isRegularFile(Path.of("..", service.moduleName(), "pom.xml"))).isTrue();
        }
    }
}
