package dev.pausepoint.pause.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code GET /v1/audit/export} ({@code pausepoint.audit.export}; docs/api-decisions.md, "Pauses").
 *
 * @param maxPerInstance exports one instance writes at once, each holding a pooled database connection
 * @param fetchSize rows the driver fetches per round trip, the most an export holds in memory
 * @param maxDuration the longest an export runs; past it, it is cut off, so no client reading slowly keeps
 *        a transaction open (and the database's cleanup of old row versions waiting) for longer
 */
@ConfigurationProperties("pausepoint.audit.export")
public record AuditExportProperties(@DefaultValue("2") int maxPerInstance, @DefaultValue("500") int fetchSize,
        @DefaultValue("10m") Duration maxDuration) {

    public AuditExportProperties {
        if (fetchSize < 1 || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("pausepoint.audit.export needs a fetch-size and a max-duration above 0");
        }
    }
}
