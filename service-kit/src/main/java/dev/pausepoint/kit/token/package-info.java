/** The compact signed single-use response token, issued by pause-service and verified by response-service. */
package dev.pausepoint.kit.token;
