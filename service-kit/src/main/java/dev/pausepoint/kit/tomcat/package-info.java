/**
 * Tomcat's own refusals in the envelope: what the container answers before Spring runs (a request that
 * is not HTTP, a path with a NUL, an invalid character or a bad escape) would otherwise be Tomcat's
 * HTML error page.
 */
package dev.pausepoint.kit.tomcat;
