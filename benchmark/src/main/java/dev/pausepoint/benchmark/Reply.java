package dev.pausepoint.benchmark;

import tools.jackson.databind.JsonNode;

/** A whole answer to a set-up call (not a measured one: those go through {@link Load}). */
public record Reply(int status, String body) {

    public JsonNode json() {
        return Client.JSON.readTree(body);
    }
}
