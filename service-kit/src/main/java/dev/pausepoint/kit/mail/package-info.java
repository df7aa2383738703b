/**
 * Email through SendGrid's SDK, shared by billing (password resets) and delivery (the email channel).
 * Opt-in with {@link dev.pausepoint.kit.mail.EnableMail}.
 */
package dev.pausepoint.kit.mail;
