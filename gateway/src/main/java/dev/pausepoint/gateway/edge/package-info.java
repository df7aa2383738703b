/**
 * The HTTP server's edge, where a request is still Netty's: how long a connection may take to send a
 * request head or sit idle, how it ends while a client is still sending a body, and the requests no
 * route should see (a request line or header block over the limit, bytes that are not HTTP, a target no
 * URI parser reads, a body whose chunked framing breaks). Reactor Netty would answer those with an empty
 * body; here they are handed to WebFlux as stand-ins, or as the failure of the body, so they get the
 * envelope like any other refusal.
 */
package dev.pausepoint.gateway.edge;
