/**
 * The architecture rules, checked rather than hoped for: {@link
 * dev.pausepoint.testsupport.architecture.ServiceArchitecture} holds them and every service's
 * ArchitectureTest applies them to its root package. They live here rather than in service-kit's test jar
 * so the reactive gateway can apply the ones that fit it without the kit's servlet auto-configuration on
 * its test classpath.
 */
package dev.pausepoint.testsupport.architecture;
