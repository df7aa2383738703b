/**
 * What is left of long-polling in pause-service: the {@code wait} parameter's validation (the gateway
 * parks the waits) and Tomcat's smaller per-connection buffers, which keep every open connection small.
 */
package dev.pausepoint.pause.longpoll;
