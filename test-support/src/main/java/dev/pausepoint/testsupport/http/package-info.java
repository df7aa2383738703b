/**
 * HTTP at the byte level, for tests of what a server does with input no well-behaved client library
 * would send (a half request line, a NUL in the path, a header block over the limit), and of what a
 * client does with a server that dies in the middle of an exchange.
 */
package dev.pausepoint.testsupport.http;
