/** Events of {@code pause.events.v1}: a pause's creation and its one terminal transition. */
package dev.pausepoint.events.pause;
