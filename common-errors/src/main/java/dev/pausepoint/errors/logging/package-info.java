/**
 * Secrets kept out of the logs. A response token in a URL is the credential of a human's answer, a
 * password-reset token that of an account, and paths are logged in many places (our error handlers,
 * the trust filter, Tomcat's and Netty's own warnings). {@link dev.pausepoint.errors.logging.SecretMasking}
 * masks them; the gateway and every service log through {@code logback.xml} here, which applies it to
 * every message and stack trace, whoever wrote the line.
 */
package dev.pausepoint.errors.logging;
