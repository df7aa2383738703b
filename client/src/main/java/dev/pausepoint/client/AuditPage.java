package dev.pausepoint.client;

import java.util.List;

/** One page of {@link PausePointClient#listAudit}, newest first. */
public record AuditPage(List<AuditEntry> items, int limit, int offset, boolean hasMore) {
}
