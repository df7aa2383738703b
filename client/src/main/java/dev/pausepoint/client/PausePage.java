package dev.pausepoint.client;

import java.util.List;

/** One page of {@link PausePointClient#listPauses}, newest first; {@code hasMore} when a next page exists. */
public record PausePage(List<Pause> items, int limit, int offset, boolean hasMore) {
}
