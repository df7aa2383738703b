package dev.pausepoint.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

class PublicRoutesTest {

    @Test
    void theBusiestRoutesAreTriedFirst() {
        assertThat(PublicRoutes.PATHS.keySet()).startsWith("pause-service", "response-service");
    }

    /** What makes the order free to choose: a path that one service's routes match, no other's do. */
    @Test
    void noPathMatchesTheRoutesOfTwoServices() {
        for (Map.Entry<String, List<String>> owner : PublicRoutes.PATHS.entrySet()) {
            for (String route : owner.getValue()) {
                PathContainer path = PathContainer.parsePath(route.replace("/**", "/x"));
                for (Map.Entry<String, List<String>> other : PublicRoutes.PATHS.entrySet()) {
                    if (other.getKey().equals(owner.getKey())) {
                        continue;
                    }
                    for (String otherRoute : other.getValue()) {
                        PathPattern pattern = PathPatternParser.defaultInstance.parse(otherRoute);
                        assertThat(pattern.matches(path)).as("%s of %s also matches %s of %s", path, owner.getKey(),
                                otherRoute, other.getKey()).isFalse();
                    }
                }
            }
        }
    }
}
