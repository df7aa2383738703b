package dev.pausepoint.localstack;

import java.util.Arrays;
import java.util.List;

/**
 * The deployables, their default local ports (public and management), and the database each owns. The
 * dashboard and the MCP server are optional: they are part of the local stack and the system tests, not of
 * the API's suites (benchmark, fault, scale-out), which run {@link #api()}.
 */
public enum Service {

    GATEWAY("gateway", 8080, 8090, null),
    PAUSE("pause-service", 8081, 8091, "pause_service"),
    DELIVERY("delivery-service", 8082, 8092, "delivery_service"),
    RESPONSE("response-service", 8083, 8093, "response_service"),
    BILLING("billing-service", 8084, 8094, "billing_service"),
    DASHBOARD("dashboard", 8085, 8095, null),
    MCP_SERVER("mcp-server", 8086, 8096, null);

    private final String moduleName;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final String database;

    Service(String moduleName, int defaultPort, int defaultManagementPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.database = database;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The default of its {@code MANAGEMENT_PORT} (application.yml). */
    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** The service's own database, or null for the gateway, which has none. */
    public String database() {
        return database;
    }

    /** The gateway and the four services of the API: everything but the dashboard and the MCP server. */
    public static List<Service> api() {
        return Arrays.stream(values()).filter(Service::partOfApi).toList();
    }

    /**
     * Whether the API's {@code /health} reports it. The dashboard and the MCP server are clients of the API
     * behind the same gateway: one that is down never marks the API degraded.
     */
    public boolean partOfApi() {
        return this != DASHBOARD && this != MCP_SERVER;
    }

    /** The gateway's variable naming this service's URL, e.g. {@code PAUSE_SERVICE_URL}. */
    String urlVariable() {
        return moduleName.toUpperCase().replace('-', '_') + "_URL";
    }
}
