/** Forgotten passwords: a single-use, 30-minute link by email and the small page that uses it. */
package dev.pausepoint.billing.passwordreset;
