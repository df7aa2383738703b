/** Input rules more than one service applies. */
package dev.pausepoint.kit.validation;
