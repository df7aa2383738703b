package dev.pausepoint.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pausepoint.identity.CredentialKind;
import java.time.Duration;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * API keys resolved once per gateway instance and kept, so most requests make no network call. The
 * cache is not trusted for revocation: {@code api_key.rotated} evicts a key at once
 * ({@link #revoke}); the expiry is only a safety net. Concurrent first requests for one key share a
 * single lookup. Sessions are never cached: they end on password reset without an event.
 */
public class CredentialCache {

    private final CredentialLookup lookup;
    private final AsyncCache<String, Optional<ResolvedCredential>> keys;
    /** Off until this instance receives account events; before that a cached key could miss its revocation. */
    private volatile boolean revocationsFlowing;

    public CredentialCache(CredentialLookup lookup, long maximumSize, Duration expiry) {
        this.lookup = lookup;
        this.keys = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expiry).buildAsync();
    }

    public Mono<Optional<ResolvedCredential>> resolve(BearerCredential credential) {
        if (credential.kind() != CredentialKind.API_KEY || !revocationsFlowing) {
            return lookup.lookup(credential);
        }
        return Mono.fromFuture(() -> keys.get(credential.hash(), (hash, executor) -> lookup.lookup(credential).toFuture()))
                .doOnNext(found -> {
                    if (found.isEmpty()) {
                        // Unknown keys are not remembered: a key created a moment later must work at once.
                        keys.synchronous().invalidate(credential.hash());
                    }
                });
    }

    /** Called once this instance's account-events consumer holds its partitions. */
    public void revocationsFlowing() {
        revocationsFlowing = true;
    }

    /** Drops a revoked key, including a lookup of it still in flight. */
    public void revoke(String keyHash) {
        keys.synchronous().invalidate(keyHash);
    }

    /** Drops every cached key of a developer, e.g. when the plan changed. */
    public void forgetDeveloper(String developerId) {
        keys.synchronous().asMap().entrySet().removeIf(entry ->
                entry.getValue().map(found -> found.developerId().equals(developerId)).orElse(false));
    }

    long size() {
        return keys.synchronous().estimatedSize();
    }
}
