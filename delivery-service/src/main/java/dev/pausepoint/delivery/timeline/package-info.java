/**
 * A pause's delivery timeline ({@code GET /v1/deliveries?pause_id=}): everything delivery-service did for
 * one pause, its notification's sends and the posts of its events to webhooks, read from the two features
 * that did them, for the developer dashboard.
 */
package dev.pausepoint.delivery.timeline;
