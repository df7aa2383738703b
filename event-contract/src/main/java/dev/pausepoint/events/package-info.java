/**
 * The event contract between the services: {@link dev.pausepoint.events.Topics}, the {@link
 * dev.pausepoint.events.Event} records grouped by topic in the sub-packages, and their one JSON form
 * ({@link dev.pausepoint.events.EventJson}). Records name past-tense facts and carry no behaviour.
 */
package dev.pausepoint.events;
