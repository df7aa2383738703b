package dev.pausepoint.delivery.outbound;

import java.net.UnknownHostException;

/**
 * A URL that must not be contacted: not https, or a host that resolves to a non-public address. An
 * UnknownHostException (an IOException) because that is what a DNS resolver may throw: the HTTP client
 * then fails the call instead of connecting.
 */
public class UnsafeDestinationException extends UnknownHostException {

    public UnsafeDestinationException(String message) {
        super(message);
    }
}
