/**
 * What the gateway keeps in Redis is shared by every instance, and must keep working when Redis does
 * not answer: the circuit that falls back to this instance's memory and finds Redis again.
 */
package dev.pausepoint.gateway.redis;
