/**
 * response-service: The hosted page where a human answers, response-token verification, and the single-use token
 * ledger. Records decisions through pause-service, which stays the only writer of a pause.
 */
package dev.pausepoint.response;
