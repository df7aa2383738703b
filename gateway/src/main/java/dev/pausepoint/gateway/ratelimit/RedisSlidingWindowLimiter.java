package dev.pausepoint.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The shared windows in Redis: one sorted set per layer and key, checked and updated by one Lua script
 * ({@code sliding-windows.lua}), so a request costs one round trip however many layers apply and all
 * gateway instances count together.
 */
public class RedisSlidingWindowLimiter implements SlidingWindowLimiter {

    // Read once into a string: a script backed by a resource re-checks the file's modification time (a
    // file-system call inside the jar) on every execution to decide whether its SHA-1 is still valid.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(load("ratelimit/sliding-windows.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration window;

    public RedisSlidingWindowLimiter(ReactiveStringRedisTemplate redis, Duration window) {
        this.redis = redis;
        this.window = window;
    }

    @Override
    public Mono<Decision> check(List<Layer> layers, long nowMillis, String requestId) {
        List<String> keys = layers.stream().map(Layer::key).toList();
        List<String> args = new ArrayList<>(List.of(String.valueOf(nowMillis), String.valueOf(window.toMillis()),
                requestId));
        layers.forEach(layer -> args.add(String.valueOf(layer.limit())));
        return redis.execute(SCRIPT, keys, args).next().map(reply -> {
            List<?> values = reply;
            int rejected = ((Number) values.get(0)).intValue() - 1;
            List<WindowState> states = new ArrayList<>(layers.size());
            for (int i = 0; i < layers.size(); i++) {
                states.add(new WindowState(number(values.get(1 + 3 * i)), number(values.get(2 + 3 * i)),
                        number(values.get(3 + 3 * i))));
            }
            return Decision.of(layers, states, rejected, nowMillis, window);
        });
    }

    private static String load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
