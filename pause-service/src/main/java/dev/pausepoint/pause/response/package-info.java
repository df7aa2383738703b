/** The internal API response-service uses to read a pause and record a human's response. */
package dev.pausepoint.pause.response;
