package dev.pausepoint.localstack;

/** The five deployables, their default local ports (public and management), and the database each owns. */
public enum Service {

    GATEWAY("gateway", 8080, 8090, null),
    PAUSE("pause-service", 8081, 8091, "pause_service"),
    DELIVERY("delivery-service", 8082, 8092, "delivery_service"),
    RESPONSE("response-service", 8083, 8093, "response_service"),
    BILLING("billing-service", 8084, 8094, "billing_service");

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

    /** The gateway's variable naming this service's URL, e.g. {@code PAUSE_SERVICE_URL}. */
    String urlVariable() {
        return moduleName.toUpperCase().replace('-', '_') + "_URL";
    }
}
