package dev.pausepoint.kit.openapi;

/** The schema of an answer that is one sentence for a person, {@code {"message": ...}}, written as a map. */
public record MessageAnswer(String message) {
}
