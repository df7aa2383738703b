/**
 * The error contract (docs/api-reference.md, "Errors") shared by every service and the gateway: the {@link
 * dev.pausepoint.errors.ErrorCode} catalogue, the {@link dev.pausepoint.errors.ErrorBody} envelope, the
 * {@link dev.pausepoint.errors.ApiException} hierarchy that domain rejections extend, and the one
 * {@link dev.pausepoint.errors.ErrorMapper} that turns any failure into the envelope. The servlet and
 * reactive sub-packages only adapt it to their stack.
 */
package dev.pausepoint.errors;
