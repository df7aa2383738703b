package dev.pausepoint.delivery.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import okhttp3.Dispatcher;
import okhttp3.Dns;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The HTTP client for developer-supplied URLs. Its DNS is the guard (every address it hands the socket
 * was checked, so there is no second lookup to rebind), an interceptor re-checks each URL's shape,
 * redirects are never followed, and the dispatcher caps concurrent calls per host so one slow endpoint
 * cannot take every slot.
 */
public final class OutboundHttp {

    /** Response bodies are read up to this much, for the error message; the rest is discarded. */
    public static final int MAX_BODY_BYTES = 2048;

    private OutboundHttp() {
    }

    public static OkHttpClient client(OutboundGuard guard, Duration callTimeout, int maxRequests, int maxPerHost) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxRequests);
        dispatcher.setMaxRequestsPerHost(maxPerHost);
        Dns guardedDns = new Dns() {
            @Override
            public List<InetAddress> lookup(String host) throws UnsafeDestinationException {
                return guard.resolve(host);
            }
        };
        Interceptor shape = chain -> {
            guard.checkUrl(chain.request().url().uri());
            return chain.proceed(chain.request());
        };
        return new OkHttpClient.Builder()
                // A proxy would resolve the host itself, past the guard.
                .proxy(Proxy.NO_PROXY)
                .dns(guardedDns)
                .addInterceptor(shape)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .dispatcher(dispatcher)
                .connectTimeout(callTimeout)
                .callTimeout(callTimeout)
                .build();
    }

    /** At most {@link #MAX_BODY_BYTES} of the body, as text. */
    public static String boundedBody(Response response) throws IOException {
        ResponseBody body = response.body();
        if (body == null) {
            return "";
        }
        try (InputStream in = body.byteStream()) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        }
    }
}
