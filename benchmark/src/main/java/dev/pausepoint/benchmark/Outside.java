package dev.pausepoint.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.RequestListener;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything the stack talks to beyond itself, played by one WireMock server: Twilio (every message
 * accepted) and the developer's webhook receiver (every post answered 200), reached at an address the
 * stack is told to allow over http.
 */
public final class Outside {

    static final String TWILIO_SID = "AC00000000000000000000000000000bench";
    static final String RECEIVER_HOST = "127.0.0.2";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(64)
            .disableRequestJournal());
    // WireMock keeps its listeners in a plain list; phases add theirs through this one while requests arrive.
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();

    private Outside() {
    }

    static Outside start() {
        Outside outside = new Outside();
        outside.server.start();
        outside.server.stubFor(post(urlEqualTo("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"sid": "SM00000000000000000000000000000001", "account_sid": "%s", "status": "queued"}"""
                        .formatted(TWILIO_SID))));
        outside.server.stubFor(post(urlPathMatching("/hooks/.*")).willReturn(aResponse().withStatus(200)));
        outside.server.addMockServiceRequestListener((request, response) -> outside.listeners
                .forEach(listener -> listener.requestReceived(request, response)));
        return outside;
    }

    int port() {
        return server.port();
    }

    /** A fresh webhook URL on the receiver. */
    String webhookUrl() {
        return "http://" + RECEIVER_HOST + ":" + port() + "/hooks/" + UUID.randomUUID();
    }

    void listen(RequestListener listener) {
        listeners.add(listener);
    }

    public void stubFor(MappingBuilder stub) {
        server.stubFor(stub);
    }

    void stop() {
        server.stop();
    }
}
