package dev.pausepoint.localstack;

/** The five deployables, their default local ports, and the database each owns. */
public enum Service {

    GATEWAY("gateway", 8080, null),
    PAUSE("pause-service", 8081, "pause_service"),
    DELIVERY("delivery-service", 8082, "delivery_service"),
    RESPONSE("response-service", 8083, "response_service"),
    BILLING("billing-service", 8084, "billing_service");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    Service(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
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
