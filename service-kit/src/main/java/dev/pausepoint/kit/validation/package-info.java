/**
 * Input rules more than one service applies to the same value: an email address (billing's accounts,
 * pause-service's email recipients) and the SMS destination rule (pause-service when a pause is created,
 * delivery-service again before each send), and the grammar of test recipients (pause-service at create,
 * delivery-service in its sandbox path). They are shared value rules, not domain pieces: plain
 * functions of their input with no beans and no configuration of their own (each service reads the
 * allowed country codes from its own settings and hands them in), so there is nothing to opt into; a
 * service that does not use them simply does not call them. Two services that must agree on one rule
 * share one implementation of it.
 */
package dev.pausepoint.kit.validation;
