package dev.pausepoint.systemtests;

import dev.pausepoint.localstack.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The metrics table of docs/observability.md ("Metrics"), the one list the docs and
 * {@link MetricsSystemTest} share: a metric documented there and not emitted fails the test.
 */
record MetricCatalogue(List<MetricCatalogue.Entry> entries) {

    /** One row: the Prometheus name, counter, timer or gauge, its tags, and the processes that emit it. */
    record Entry(String name, String type, List<String> tags, List<String> processes) {

        /** The series that moves: a counter's own, a timer's {@code _count}. */
        String movingSeries() {
            return type.equals("timer") ? name + "_count" : name;
        }
    }

    static MetricCatalogue read() {
        String doc;
        try {
            doc = Files.readString(Workspace.locate().root().resolve("docs/observability.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String section = doc.substring(doc.indexOf("\n## Metrics\n"), doc.indexOf("\n## Alerts and dashboard\n"));
        List<Entry> entries = new ArrayList<>();
        boolean inTable = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("| metric | type | tags | processes |")) {
                inTable = true;
                continue;
            }
            if (!inTable || line.startsWith("|---")) {
                continue;
            }
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new);
            entries.add(new Entry(unquote(cells[1]), cells[2], list(cells[3]), list(cells[4])));
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException("no metrics table in docs/observability.md");
        }
        return new MetricCatalogue(entries);
    }

    private static List<String> list(String cell) {
        if (cell.equals("—")) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::strip).map(MetricCatalogue::unquote).toList();
    }

    private static String unquote(String text) {
        return text.replace("`", "");
    }
}
