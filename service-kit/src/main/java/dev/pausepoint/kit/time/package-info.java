/** The injectable clock. */
package dev.pausepoint.kit.time;
