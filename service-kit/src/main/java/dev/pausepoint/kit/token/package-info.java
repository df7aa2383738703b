/**
 * The compact signed single-use response token, issued by pause-service and verified by response-service.
 * Opt-in with {@link dev.pausepoint.kit.token.EnableResponseTokens}.
 */
package dev.pausepoint.kit.token;
