/** Background work that follows the application's lifecycle. */
package dev.pausepoint.kit.lifecycle;
