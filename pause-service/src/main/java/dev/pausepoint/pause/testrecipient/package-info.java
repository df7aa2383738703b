/**
 * Test recipients that answer by themselves (docs/testing.md): the due work that records, at their time, the
 * answers test pauses' recipients give, as a human's answer would be recorded. What a test recipient changes
 * at create (a refused verb, a shorter expiry, the answer left due) is part of creating the pause.
 */
package dev.pausepoint.pause.testrecipient;
