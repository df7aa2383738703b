/**
 * The account's two keys and their rotation, asked first on a page of its own.
 */
package dev.pausepoint.dashboard.keys;
