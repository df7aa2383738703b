/**
 * Fingerprints: the SHA-256 a service stores in place of a secret or a body. A plain helper (no beans, no
 * configuration), like {@code dev.pausepoint.kit.validation}.
 */
package dev.pausepoint.kit.digest;
