/** Email through SendGrid's SDK, shared by billing (password resets) and delivery (the email channel). */
package dev.pausepoint.kit.mail;
