/**
 * The scale-out suite: two instances of every service behind two gateways, driven through both, in a JVM
 * and a stack of its own (system-tests' surefire execution {@code scale-out}; docs/scale-out.md).
 */
package dev.pausepoint.systemtests.scaleout;
