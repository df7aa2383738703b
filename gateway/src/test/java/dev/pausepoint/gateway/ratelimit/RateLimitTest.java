package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.identity.TrustHeaders;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The documented limits at their exact boundaries, on real Redis (each test ends by checking that Redis, not
 * the in-memory fallback, decided every request). The clock is frozen so that every count, Retry-After
 * and Reset is exact; each test has its own client network and keys.
 */
class RateLimitTest extends GatewayIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    ApplicationContext context;

    private static final AddressBuckets BUCKETS = new AddressBuckets(64);

    private int subnet;
    private String network;
    private String ip;
    private RedisServed served;

    @BeforeEach
    void ownAddressAndFrozenTime() {
        subnet = ThreadLocalRandom.current().nextInt(1, 0x7fffffff);
        network = slash64(subnet);
        ip = network + "::7";
        clock.freeze();
        served = RedisServed.from(meters);
    }

    @AfterEach
    void redisServedEveryRequest() {
        served.check();
    }

    private String newKey(String mode, String plan) {
        String key = "pp_" + mode + "_" + UUID.randomUUID().toString().replace("-", "") + "0".repeat(16);
        knowCredential(key, "dev_" + UUID.randomUUID(), mode, plan, "api_key");
        return key;
    }

    private HttpResponse<String> withKey(String key) {
        return call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + key, "X-Forwarded-For", ip);
    }

    private HttpResponse<String> anonymous(String method, String path) {
        return anonymousFrom(ip, method, path);
    }

    private HttpResponse<String> anonymousFrom(String address, String method, String path) {
        return call(port, method, path, BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                "X-Forwarded-For", address);
    }

    private static String header(HttpResponse<String> reply, String name) {
        return reply.headers().firstValue(name).orElse(null);
    }

    private static void assertRateLimited(HttpResponse<String> reply, String retryAfter, String layer) {
        assertThat(reply.statusCode()).isEqualTo(429);
        assertThat(header(reply, "Retry-After")).isEqualTo(retryAfter);
        assertThat(reply.body()).startsWith("{\"error\":\"RATE_LIMITED\",\"message\":\"Rate limit of ")
                .contains(layer).contains("Retry after " + retryAfter + " s.").endsWith("\"status_code\":429}");
    }

    private double decisions(String layer, String outcome) {
        var counter = meters.find("pausepoint.ratelimit.decisions").tags("layer", layer, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private long count(String redisKey) {
        return redis.opsForZSet().size(redisKey).block(Duration.ofSeconds(5));
    }

    @Test
    void theHundredAndTwentiethRequestOfAKeyPassesAndTheNextIsRefused() {
        String key = newKey("live", "free");
        HttpResponse<String> first = withKey(key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(header(first, "X-RateLimit-Limit")).isEqualTo("120");
        assertThat(header(first, "X-RateLimit-Remaining")).isEqualTo("119");
        assertThat(header(first, "X-RateLimit-Reset")).isEqualTo("60");
        for (int i = 2; i <= 119; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> last = withKey(key);
        assertThat(last.statusCode()).as("request 120").isEqualTo(200);
        assertThat(header(last, "X-RateLimit-Remaining")).isEqualTo("0");

        clock.advance(Duration.ofSeconds(13));
        assertRateLimited(withKey(key), "47", "this API key");
    }

    @Test
    void theWindowSlidesAsTheOldestRequestsAgeOut() {
        String key = newKey("live", "free");
        for (int i = 0; i < 60; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 60; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        assertRateLimited(withKey(key), "30", "this API key");

        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> afterSlide = withKey(key);
        assertThat(afterSlide.statusCode()).as("the first 60 have aged out").isEqualTo(200);
        assertThat(header(afterSlide, "X-RateLimit-Remaining")).isEqualTo("59");
        assertThat(header(afterSlide, "X-RateLimit-Reset")).as("the next 60 leave in 30 s").isEqualTo("30");
    }

    /**
     * On the cached path, where the key and the backstop are checked in one script. (A request whose key
     * had to be looked up took its backstop slot before the lookup and keeps it: see RateLimitFilter.)
     */
    @Test
    void aRefusedRequestCountsInNoOtherLayer() {
        awaitKeyCacheInUse(context);
        String key = newKey("live", "free");
        for (int i = 0; i < 120; i++) {
            withKey(key);
        }
        assertThat(withKey(key).statusCode()).isEqualTo(429);
        assertThat(count("rl:ip:" + BUCKETS.of(ip))).as("the IP layer saw only the 120 that passed").isEqualTo(120);
    }

    @Test
    void liveAndTestKeysOfOneDeveloperAreCountedApart() {
        String developer = "dev_" + UUID.randomUUID();
        String live = "pp_live_" + "1".repeat(48 - 8) + UUID.randomUUID().toString().substring(0, 8);
        String test = "pp_test_" + "2".repeat(48 - 8) + UUID.randomUUID().toString().substring(0, 8);
        knowCredential(live, developer, "live", "free", "api_key");
        knowCredential(test, developer, "test", "free", "api_key");
        for (int i = 0; i < 120; i++) {
            withKey(live);
        }
        assertThat(withKey(live).statusCode()).isEqualTo(429);
        HttpResponse<String> testReply = withKey(test);
        assertThat(testReply.statusCode()).isEqualTo(200);
        assertThat(header(testReply, "X-RateLimit-Remaining")).isEqualTo("119");
    }

    @Test
    void threeKeysFromOneAddressMeetTheThreeHundredBackstop() {
        String[] keys = {newKey("live", "free"), newKey("live", "free"), newKey("test", "free")};
        for (int i = 0; i < 100; i++) {
            for (String key : keys) {
                assertThat(withKey(key).statusCode()).isEqualTo(200);
            }
        }
        HttpResponse<String> over = withKey(newKey("live", "free"));
        assertRateLimited(over, "60", "this IP address");
        assertThat(header(over, "X-RateLimit-Limit")).isEqualTo("300");
    }

    @Test
    void unauthenticatedRequestsAreLimitedToAHundredPerAddress() {
        for (int i = 0; i < 100; i++) {
            assertThat(anonymous("GET", "/respond/tok").statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymous("GET", "/respond/tok"), "60", "unauthenticated requests from this IP address");
    }

    @Test
    void authEndpointsAreLimitedToTwentyPerAddressAndApart() {
        double allowed = decisions("auth", "allowed");
        double limited = decisions("auth", "limited");
        for (int i = 0; i < 20; i++) {
            assertThat(anonymous("POST", "/v1/auth/login").statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymous("POST", "/v1/auth/register"), "60", "sign-up, login and password reset");
        assertThat(decisions("auth", "allowed") - allowed).as("pausepoint.ratelimit.decisions").isEqualTo(20);
        assertThat(decisions("auth", "limited") - limited).isEqualTo(1);
        assertThat(anonymous("GET", "/respond/tok").statusCode()).as("other public routes count apart")
                .isEqualTo(200);
    }

    @Test
    void refusedCredentialsCountAsUnauthenticatedTraffic() {
        String bogus = "Bearer pp_live_" + "9".repeat(48);
        for (int i = 0; i < 100; i++) {
            assertThat(call(port, "GET", "/v1/pause/psr_1", "Authorization", bogus, "X-Forwarded-For", ip)
                    .statusCode()).isEqualTo(401);
        }
        assertRateLimited(call(port, "GET", "/v1/pause/psr_1", "Authorization", bogus, "X-Forwarded-For", ip), "60",
                "unauthenticated requests");
    }

    @Test
    void providerCallbacksHaveTheirOwnHighCeilingPerAddress() throws Exception {
        Map<Integer, Long> statuses = concurrently(3000, i -> anonymous("POST",
                i % 2 == 0 ? "/v1/providers/twilio/status" : "/v1/billing/webhook").statusCode());
        assertThat(statuses).as("3,000 a minute from one address pass").containsExactly(Map.entry(200, 3000L));
        assertRateLimited(anonymous("POST", "/v1/providers/sendgrid/events"), "60", "provider callbacks from this IP address");
        assertThat(anonymous("GET", "/respond/tok").statusCode()).as("other public routes count apart").isEqualTo(200);
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareTheirWindowsAndTheServiceSeesTheFullAddress() {
        for (int i = 0; i < 50; i++) {
            assertThat(anonymousFrom(network + "::1", "GET", "/respond/tok").statusCode()).isEqualTo(200);
            assertThat(anonymousFrom(network + ":ffff:ffff:ffff:" + Integer.toHexString(i + 1), "GET", "/respond/tok")
                    .statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymousFrom(network + "::2", "GET", "/respond/tok"), "60", "unauthenticated requests");
        assertThat(count("rl:anon:" + BUCKETS.of(network + "::2"))).isEqualTo(100);

        String neighbour = slash64(subnet ^ 1) + "::1";
        stubs("response-service").resetRequests();
        assertThat(anonymousFrom(neighbour, "GET", "/respond/tok").statusCode()).as("the next /64 counts apart")
                .isEqualTo(200);
        assertThat(stubs("response-service").findAll(WireMock.getRequestedFor(WireMock.urlEqualTo("/respond/tok")))
                .get(0).getHeader(TrustHeaders.CLIENT_IP)).as("services still get the whole address")
                .isEqualTo(expanded(neighbour));
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        String v4 = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
        for (int i = 0; i < 50; i++) {
            assertThat(anonymousFrom(v4, "GET", "/respond/tok").statusCode()).isEqualTo(200);
            assertThat(anonymousFrom("::ffff:" + v4, "GET", "/respond/tok").statusCode()).isEqualTo(200);
        }
        assertRateLimited(anonymousFrom("::ffff:" + v4, "GET", "/respond/tok"), "60", "unauthenticated requests");
        assertThat(count("rl:anon:" + v4)).isEqualTo(100);
    }

    @Test
    void aPlanCanRaiseItsPerKeyLimit() {
        String key = newKey("live", "pro");
        for (int i = 0; i < 200; i++) {
            assertThat(withKey(key).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> over = withKey(key);
        assertRateLimited(over, "60", "this API key");
        assertThat(over.body()).contains("Rate limit of 200 requests");
    }

    /** Sends {@code count} requests from a few threads at once; how many answered each status. */
    private static Map<Integer, Long> concurrently(int count, Function<Integer, Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> replies = IntStream.range(0, count)
                    .mapToObj(i -> pool.submit(() -> request.apply(i))).toList();
            Map<Integer, Long> statuses = new TreeMap<>();
            for (Future<Integer> reply : replies) {
                statuses.merge(reply.get(), 1L, Long::sum);
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The first 64 bits of an address in 2001:db8::/32, the documentation prefix. */
    private static String slash64(int subnet) {
        return String.format("2001:db8:%x:%x", subnet >>> 16, subnet & 0xffff);
    }

    /** How the gateway writes an IPv6 address: every group, no compression. */
    private static String expanded(String address) {
        try {
            return java.net.InetAddress.getByName(address).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
