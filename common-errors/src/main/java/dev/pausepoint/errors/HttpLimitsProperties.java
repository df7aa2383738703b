package dev.pausepoint.errors;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits enforced before any controller runs.
 *
 * @param maxRequestSize the largest request body accepted (64 KB: docs/api-reference.md, "Conventions");
 *        larger ones get 413
 * @param largeBodyPaths path prefixes whose callers cannot keep to that (SendGrid posts event batches)
 * @param largeBodySize the limit on those paths
 */
@ConfigurationProperties("pausepoint.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue("") List<String> largeBodyPaths, @DefaultValue("1MB") DataSize largeBodySize) {

    /** The limit for a request to {@code path}. */
    public DataSize limitFor(String path) {
        for (String prefix : largeBodyPaths) {
            if (!prefix.isBlank() && path.startsWith(prefix)) {
                return largeBodySize;
            }
        }
        return maxRequestSize;
    }
}
