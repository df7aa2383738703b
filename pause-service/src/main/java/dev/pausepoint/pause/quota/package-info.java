/** The plan quota, reserved in billing-service for each live pause before it is stored. */
package dev.pausepoint.pause.quota;
