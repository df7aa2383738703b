/**
 * Request bodies on their way to a service: how long a body may take to arrive after its head (408
 * past it), and that a service only ever receives a body whole, collected here first within a ceiling
 * of bytes per instance. A service's request thread is therefore never held by how fast a client sends.
 */
package dev.pausepoint.gateway.body;
