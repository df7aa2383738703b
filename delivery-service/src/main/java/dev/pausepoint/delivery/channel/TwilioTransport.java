package dev.pausepoint.delivery.channel;

import com.twilio.exception.ApiConnectionException;
import com.twilio.http.HttpClient;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The Twilio SDK's transport: the SDK builds the exact request, this sends it. It can aim at another
 * base URL (the SDK has none to set; tests use a local WireMock), and it sends each request once,
 * because retrying is the notification schedule's job, not the SDK's.
 */
final class TwilioTransport extends HttpClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Optional<URI> baseUrl;
    private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    private TwilioTransport(Optional<URI> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Each request to the URL the SDK built: Twilio's own API host. */
    static TwilioTransport direct() {
        return new TwilioTransport(Optional.empty());
    }

    /** Each request's path and query against {@code baseUrl} instead. */
    static TwilioTransport via(URI baseUrl) {
        return new TwilioTransport(Optional.of(baseUrl));
    }

    @Override
    public Response reliableRequest(Request request) {
        return makeRequest(request);
    }

    @Override
    public Response makeRequest(Request request) {
        try {
            URL url = request.constructURL();
            URI target = baseUrl.isPresent() ? baseUrl.get().resolve(url.getFile()) : url.toURI();
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(TIMEOUT)
                    .header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (request.getUsername() + ":" + request.getPassword()).getBytes(StandardCharsets.UTF_8)));
            request.getHeaderParams().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
            if (request.getMethod() == HttpMethod.POST) {
                builder.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(request.encodeFormBody()));
            } else {
                builder.method(request.getMethod().toString(), HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.body(), response.statusCode());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiConnectionException("interrupted while calling Twilio", e);
        } catch (Exception e) {
            throw new ApiConnectionException("Twilio unreachable: " + e.getMessage(), e);
        }
    }
}
