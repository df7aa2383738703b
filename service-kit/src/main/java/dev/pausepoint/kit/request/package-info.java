/**
 * How every servlet service reads a JSON request body: a record per body, its rules as Bean Validation
 * constraints, read by {@link dev.pausepoint.kit.request.JsonBodies}, which checks every field's JSON
 * type without coercion, judges the fields that have their own error code first ({@link
 * dev.pausepoint.kit.request.Gate}), and reports everything else in one 422 in the record's field order.
 * The rule and how to add a request: docs/request-bodies.md.
 */
package dev.pausepoint.kit.request;
