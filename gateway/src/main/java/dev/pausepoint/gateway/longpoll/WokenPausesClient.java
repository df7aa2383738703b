package dev.pausepoint.gateway.longpoll;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pausepoint.identity.RequestSigner;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks pause-service for the pauses of a batch of woken long-polls in one call
 * ({@code POST /internal/pauses/woken}, signed as an internal call; pause-service's
 * {@code WokenPausesController}). Each entry names the pause with the developer and mode of the waiter
 * that read it, and pause-service answers it only in that world, as it scopes the public read.
 *
 * <p>The answer lists, in the order asked, each pause as the public read's body or {@code null}; each
 * body is cut out of the answer as it came, never parsed and written again, so a waiter gets the bytes
 * a read would have given it. Anything but a complete answer of the right length is an error: the
 * caller then reads each of those pauses as before.
 */
class WokenPausesClient {

    static final String PATH = "/internal/pauses/woken";

    /** The headers of the answer that belong to the connection or the whole answer, not to one pause. */
    private static final Set<String> NOT_A_PAUSES_HEADER = Set.of("content-length", "transfer-encoding",
            "connection", "keep-alive", "proxy-connection", "te", "trailer", "upgrade");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One entry of the call. */
    record Wanted(@JsonProperty("pause_id") String pauseId, @JsonProperty("developer_id") String developerId,
            @JsonProperty("livemode") boolean livemode) {
    }

    private record Call(@JsonProperty("pauses") List<Wanted> pauses) {
    }

    /**
     * pause-service's answer: the headers a read of each pause carries (the content type, the date),
     * and each pause's body or null, in the order asked.
     */
    record Answers(HttpHeaders headers, List<byte[]> bodies) {
    }

    private final WebClient client;
    private final RequestSigner signer;
    private final Duration timeout;

    /**
     * {@code filters} run around every call: the load balancer's where pause-service is several instances
     * and {@code pauseService} is then {@code http://pause-service}; none where it is one URL.
     */
    WokenPausesClient(URI pauseService, List<ExchangeFilterFunction> filters, RequestSigner signer, Duration timeout,
            int maxAnswerBytes) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2000))
                .responseTimeout(timeout);
        this.client = WebClient.builder().baseUrl(pauseService.toString()).filters(all -> all.addAll(filters))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(maxAnswerBytes))
                .clientConnector(new ReactorClientHttpConnector(http)).build();
        this.signer = signer;
        this.timeout = timeout;
    }

    Mono<Answers> read(List<Wanted> wanted) {
        return client.post().uri(PATH)
                .headers(headers -> signer.signInternalCall("gateway", "POST", PATH).forEach(headers::set))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsBytes(new Call(wanted)))
                .exchangeToMono(response -> {
                    if (response.statusCode().value() != 200) {
                        return response.releaseBody().then(Mono.error(new IllegalStateException(
                                "pause-service answered " + response.statusCode().value())));
                    }
                    HttpHeaders headers = perPause(response.headers().asHttpHeaders());
                    return response.bodyToMono(byte[].class)
                            .switchIfEmpty(Mono.error(new IllegalStateException("pause-service answered no body")))
                            .map(body -> new Answers(headers, bodies(body, wanted.size())));
                })
                .timeout(timeout);
    }

    private static HttpHeaders perPause(HttpHeaders answer) {
        HttpHeaders kept = new HttpHeaders();
        answer.forEach((name, values) -> {
            if (!NOT_A_PAUSES_HEADER.contains(name.toLowerCase(Locale.ROOT))) {
                kept.addAll(name, values);
            }
        });
        return HttpHeaders.readOnlyHttpHeaders(kept);
    }

    /** {@code {"pauses": [<object or null>, ...]}}: each object's bytes as they are, exactly {@code count}. */
    static List<byte[]> bodies(byte[] answer, int count) {
        List<byte[]> bodies = new ArrayList<>(count);
        try (JsonParser parser = JSON.createParser(answer)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            expect(parser.nextToken(), JsonToken.PROPERTY_NAME);
            if (!"pauses".equals(parser.currentName())) {
                throw new IllegalStateException("no pauses in pause-service's answer");
            }
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NULL) {
                    bodies.add(null);
                    continue;
                }
                expect(token, JsonToken.START_OBJECT);
                int start = (int) parser.currentTokenLocation().getByteOffset();
                parser.skipChildren();
                int end = (int) parser.currentLocation().getByteOffset();
                bodies.add(Arrays.copyOfRange(answer, start, end));
            }
        }
        if (bodies.size() != count) {
            throw new IllegalStateException("pause-service answered " + bodies.size() + " pauses for " + count);
        }
        return bodies;
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalStateException("pause-service's answer has " + token + " where " + expected + " belongs");
        }
    }
}
