package dev.pausepoint.kit.trust;

/** Makes the signed client for another service, named as in {@code pausepoint.services}. */
@FunctionalInterface
public interface InternalClients {

    InternalClient forService(String service);
}
