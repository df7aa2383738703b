/**
 * Two made-up services for {@code ServiceArchitectureTest}: {@code compliant} keeps every rule of
 * {@link dev.pausepoint.kit.ServiceArchitecture}, {@code violating} breaks each one in a known class. They
 * are never beans: nothing scans these packages.
 */
package dev.pausepoint.kit.architecture;
