/**
 * Auto-configured error rendering for the reactive gateway: the exception handler, and the request-id
 * and body-size web filters that run before routing.
 */
package dev.pausepoint.errors.reactive;
