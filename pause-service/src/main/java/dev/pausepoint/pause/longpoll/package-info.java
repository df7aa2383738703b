/**
 * What is left of long-polling in pause-service: the {@code wait} parameter's validation (the gateway
 * parks the waits), the gateway's one read of the pauses a change woke ({@link
 * dev.pausepoint.pause.longpoll.WokenPausesController}, internal) and Tomcat's smaller per-connection
 * buffers, which keep every open connection small.
 */
package dev.pausepoint.pause.longpoll;
