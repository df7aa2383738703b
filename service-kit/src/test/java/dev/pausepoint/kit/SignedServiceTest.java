package dev.pausepoint.kit;

import dev.pausepoint.identity.RequestSigner;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of a service's API tests: the service on its random port, called as the gateway calls it,
 * with signed identities ({@link #client}). Each service's own base adds its context annotations and the
 * outside parties it needs.
 */
public abstract class SignedServiceTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected RequestSigner signer;

    protected SignedClient client;

    @BeforeEach
    void setUpSignedClient() {
        client = new SignedClient(port, signer);
    }
}
