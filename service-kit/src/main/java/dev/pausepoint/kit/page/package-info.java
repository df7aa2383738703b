/** The shell, security headers and stylesheet shared by the pages PausePoint hosts for people. */
package dev.pausepoint.kit.page;
