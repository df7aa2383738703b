/** Provider status callbacks (Twilio, SendGrid), verified by the provider's own signature. */
package dev.pausepoint.delivery.callback;
