package dev.pausepoint.gateway.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.gateway.routing.ReadRetryFilter;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.identity.RequestSigner;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.util.retry.Retry;

/**
 * Asks billing-service whose a credential hash is ({@code POST /internal/credentials/lookup}, signed
 * as an internal call). Unknown is an empty answer; billing being unreachable is an error, so an
 * outage shows as 503, never as "your key is invalid".
 */
public class CredentialLookup {

    private static final String PATH = "/internal/credentials/lookup";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** billing-service's answer; names are explicit because this client has its own plain JSON codecs. */
    private record Answer(@JsonProperty("developer_id") String developerId, @JsonProperty("mode") String mode,
            @JsonProperty("plan") String plan, @JsonProperty("credential") String credential,
            @JsonProperty("account_name") String accountName) {
    }

    private final WebClient client;
    private final RequestSigner signer;

    /**
     * {@code filters} run around every call: the load balancer's where billing-service is several
     * instances (docs/scale-out.md) and {@code billing} is then {@code http://billing-service}, the name it
     * resolves; none where {@code billing} is billing-service's one URL.
     */
    public CredentialLookup(URI billing, List<ExchangeFilterFunction> filters, RequestSigner signer) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        this.client = WebClient.builder().baseUrl(billing.toString()).filters(all -> all.addAll(filters))
                .clientConnector(new ReactorClientHttpConnector(http)).build();
        this.signer = signer;
    }

    public Mono<Optional<ResolvedCredential>> lookup(BearerCredential credential) {
        return client.post().uri(PATH)
                .headers(headers -> signer.signInternalCall("gateway", "POST", PATH).forEach(headers::set))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("kind", credential.kind().wire(), "credential_hash", credential.hash()))
                .exchangeToMono(response -> {
                    if (response.statusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        return response.releaseBody().thenReturn(Optional.<ResolvedCredential>empty());
                    }
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody().then(Mono.error(unavailable()));
                    }
                    return response.bodyToMono(Answer.class).map(answer -> Optional.of(new ResolvedCredential(
                            answer.developerId(), KeyMode.fromWire(answer.mode()), answer.plan(),
                            CredentialKind.fromWire(answer.credential()), answer.accountName())));
                })
                // A lookup changes nothing, so a connection that failed before billing answered (a pooled one
                // it closed, a copy that stopped) is tried once more, as the routes retry reads.
                .retryWhen(Retry.max(1).filter(ReadRetryFilter::isConnectionFailure))
                .timeout(TIMEOUT)
                .onErrorMap(error -> !(error instanceof ApiException), error -> unavailable());
    }

    private static ApiException unavailable() {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                "Credentials cannot be checked right now; try again shortly.");
    }
}
