package dev.pausepoint.benchmark;

import tools.jackson.databind.JsonNode;

/** A whole answer to a set-up call (not a measured one: those go through {@link Load}). */
record Reply(int status, String body) {

    JsonNode json() {
        return Client.JSON.readTree(body);
    }
}
