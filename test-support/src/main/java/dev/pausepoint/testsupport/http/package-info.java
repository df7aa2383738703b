/**
 * HTTP at the byte level, for tests of what a server does with input no well-behaved client library
 * would send (a half request line, a NUL in the path, a header block over the limit), of what it does
 * with a request it holds open (a parked long-poll, and the client that hangs up on it), and of what a
 * client does with a server that dies in the middle of an exchange. One reader for every framing, so no
 * test parses responses by hand.
 */
package dev.pausepoint.testsupport.http;
