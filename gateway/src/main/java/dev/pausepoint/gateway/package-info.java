/**
 * The gateway: the only process clients reach. It stays thin (routing, identity, limits, the error
 * envelope) and holds no business rules; {@code routing} maps the API's paths (docs/api-reference.md) to
 * services and {@code health} reports the whole system.
 */
package dev.pausepoint.gateway;
