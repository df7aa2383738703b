/**
 * The shell of the pages PausePoint hosts for people: the layout template, the stylesheet and the
 * security headers whose Content-Security-Policy allows exactly that stylesheet by its hash. A domain
 * piece shared by response-service and billing-service, so it is not in the kit: a service opts in by
 * depending on this module, and its own page templates live in its {@code src/main/jte}.
 */
package dev.pausepoint.page;
