/** Listener failure handling shared by every service: bounded retries, then the dead-letter topic. */
package dev.pausepoint.kit.kafka;
