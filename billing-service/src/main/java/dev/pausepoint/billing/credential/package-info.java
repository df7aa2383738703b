/**
 * The bearer credentials: API keys (live and test, rotation), sessions, and the internal lookup the
 * gateway uses to turn a presented credential's hash into an identity.
 */
package dev.pausepoint.billing.credential;
