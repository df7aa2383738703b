package dev.pausepoint.errors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits enforced before any controller runs.
 *
 * @param maxRequestSize the largest request body accepted, on every path, provider callbacks included
 *        (64 KB: docs/api-reference.md, "Conventions"); larger ones get 413
 */
@ConfigurationProperties("pausepoint.http")
public record HttpLimitsProperties(@DefaultValue("64KB") DataSize maxRequestSize) {
}
