/**
 * The API's reference: the OpenAPI document at {@code /v1/openapi.json}, merged from the services' code at
 * build time and packaged here, and the page at {@code /docs} that renders it from this jar alone
 * (docs/openapi.md).
 */
package dev.pausepoint.gateway.reference;
