package dev.pausepoint.mcp.tools;

/** Arguments a tool cannot read at all (a missing pause_id, a number given as text); the API judges the rest. */
class InvalidArgumentsException extends RuntimeException {

    InvalidArgumentsException(String message) {
        super(message);
    }
}
