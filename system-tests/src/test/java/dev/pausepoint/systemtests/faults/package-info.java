/**
 * The fault suite: the whole stack under a steady load of creates, answers and cancels while one fault
 * at a time is injected (a service killed and restarted, the broker or Redis stopped, Postgres
 * restarted, the SMS provider failing, a webhook receiver down), then proof that nothing was lost or
 * done twice and how long catching up took. Runs in its own JVM; see docs/fault-suite.md.
 */
package dev.pausepoint.systemtests.faults;
