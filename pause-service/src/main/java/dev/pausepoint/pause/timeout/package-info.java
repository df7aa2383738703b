/** The timeout sweeper: expired pending pauses become timed_out, with their default choice. */
package dev.pausepoint.pause.timeout;
