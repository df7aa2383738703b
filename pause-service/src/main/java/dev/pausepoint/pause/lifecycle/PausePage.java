package dev.pausepoint.pause.lifecycle;

import java.util.List;

public record PausePage(List<PauseView> items, int limit, int offset, boolean hasMore) {
}
