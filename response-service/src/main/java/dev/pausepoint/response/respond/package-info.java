/**
 * Answering through a response link: the token and its single-use ledger, the JSON API and the hosted
 * page, and the calls that record the answer in pause-service.
 */
package dev.pausepoint.response.respond;
