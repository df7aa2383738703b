package dev.pausepoint.pause.lifecycle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A statement run under {@code EXPLAIN (ANALYZE)} on real Postgres: what it returned, read and used. */
record QueryPlan(JsonNode root) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code statement} with positional ({@code List}) or named ({@code Map}) parameters. */
    static QueryPlan explain(JdbcClient jdbc, String statement, Object params) {
        var explained = jdbc.sql("EXPLAIN (ANALYZE, FORMAT JSON) " + statement);
        explained = params instanceof Map<?, ?> named ? explained.params(cast(named)) : explained.params((List<?>) params);
        return new QueryPlan(JSON.readTree(explained.query(String.class).single()).get(0).get("Plan"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> named) {
        return (Map<String, ?>) named;
    }

    long actualRows() {
        return root.get("Actual Rows").asLong();
    }

    /** Every row any scan produced or discarded, summed over the plan's nodes. */
    long rowsRead() {
        long read = 0;
        for (JsonNode node : nodes()) {
            if (node.get("Node Type").asString().contains("Scan")) {
                read += node.get("Actual Rows").asLong();
            }
            if (node.has("Rows Removed by Filter")) {
                read += node.get("Rows Removed by Filter").asLong();
            }
        }
        return read;
    }

    /** The indexes its scans read. */
    List<String> indexes() {
        return nodes().stream().filter(node -> node.has("Index Name")).map(node -> node.get("Index Name").asString())
                .toList();
    }

    List<JsonNode> nodes() {
        List<JsonNode> nodes = new ArrayList<>();
        collect(root, nodes);
        return nodes;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        if (node.has("Plans")) {
            node.get("Plans").forEach(child -> collect(child, into));
        }
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }
}
