/** The pause's delivery block, kept current from delivery.events.v1. */
package dev.pausepoint.pause.delivery;
