package dev.pausepoint.identity;

/** What the caller presented: an API key, a dashboard session token, or nothing (public routes). */
public enum CredentialKind {
    API_KEY, SESSION, NONE;

    public String wire() {
        return name().toLowerCase();
    }

    public static CredentialKind fromWire(String value) {
        return switch (value) {
            case "api_key" -> API_KEY;
            case "session" -> SESSION;
            case "none" -> NONE;
            default -> throw new IllegalArgumentException("not a credential kind: " + value);
        };
    }
}
