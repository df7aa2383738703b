/**
 * The per-account login throttle: failed logins are counted per email address, whoever sends them and
 * whether or not an account has that address, and past the limit a login is refused with 429 before any
 * password is compared. The gateway's per-address limits cannot do this: it never sees the email.
 */
package dev.pausepoint.billing.loginthrottle;
