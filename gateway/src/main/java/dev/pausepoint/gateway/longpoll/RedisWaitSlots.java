package dev.pausepoint.gateway.longpoll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The slots of every gateway instance together: a sorted set per developer and mode whose members are
 * request ids scored by when they lapse, claimed by one Lua script ({@code wait-slots.lua}) that drops
 * lapsed slots, counts and adds atomically. Slots are given back in batches ({@link SlotReleases}); a claim
 * removes the ones of its key not yet sent in the same script, before it counts. A gateway that dies
 * holding slots leaves nothing behind for longer than their lapse time.
 */
class RedisWaitSlots implements WaitSlots {

    // Read once into a string: a resource-backed script re-checks the file inside the jar on every call.
    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> SCRIPT = RedisScript.of(load("longpoll/wait-slots.lua"), List.class);

    private final ReactiveStringRedisTemplate redis;
    private final SlotReleases releases;

    RedisWaitSlots(ReactiveStringRedisTemplate redis, SlotReleases releases) {
        this.redis = redis;
        this.releases = releases;
    }

    @Override
    public Mono<Claim> claim(String key, String member, long nowMillis, long lapsesAt, int cap) {
        return Mono.defer(() -> {
            List<String> released = releases.take(key);
            List<String> args = new ArrayList<>(4 + released.size());
            args.addAll(List.of(String.valueOf(nowMillis), member, String.valueOf(lapsesAt), String.valueOf(cap)));
            args.addAll(released);
            return redis.execute(SCRIPT, List.of(key), args)
                    .next()
                    .map(reply -> new Claim(((Number) reply.get(0)).longValue() == 1,
                            ((Number) reply.get(1)).longValue(), this))
                    // Those slots are still held (the script may not have run): the next batch gives them back.
                    .doOnError(error -> releases.putBack(key, released))
                    .doOnCancel(() -> releases.putBack(key, released));
        });
    }

    @Override
    public Mono<Void> release(String key, String member) {
        return Mono.fromRunnable(() -> releases.add(key, member));
    }

    private static String load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
