package dev.pausepoint.gateway.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.pausepoint.identity.CredentialKind;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import reactor.core.publisher.Mono;

/**
 * Billing-service's answers kept per gateway instance, so most requests make no network call.
 * <p>
 * Known API keys are held only while revocations are known to reach this instance
 * ({@link #trustUntil}, driven by {@link AccountEventsMonitor}): {@code api_key.rotated} evicts a key at
 * once ({@link #revoke}), and the expiry is only a safety net. Without that assurance every key is
 * looked up and nothing is kept; when it returns the cache starts empty, so a key revoked meanwhile is
 * read fresh from billing. Concurrent first requests for one key share a single lookup. Sessions are
 * never kept: they end on password reset without an event.
 * <p>
 * Unknown credentials are remembered for a few seconds, apart from the keys and bounded. That can never
 * delay a new credential: billing creates keys and sessions only from 192 fresh random bits and hands
 * them out after the insert committed, never un-revokes a key, and never extends an expired session. So
 * a hash it once did not know can become known only if a new random token hits it (2^-192), and no
 * client can present a new token before billing would answer for it.
 */
public class CredentialCache {

    private final CredentialLookup lookup;
    private final AsyncCache<String, Optional<ResolvedCredential>> keys;
    private final Cache<String, Boolean> unknown;
    private volatile boolean trusted;
    /** Until when (System.nanoTime()) revocations are known to arrive; meaningful while {@code trusted}. */
    private volatile long trustedUntil;

    public CredentialCache(CredentialLookup lookup, KeyCacheProperties properties) {
        this.lookup = lookup;
        this.keys = Caffeine.newBuilder().maximumSize(properties.maximumSize())
                .expireAfterWrite(properties.expiry()).buildAsync();
        this.unknown = Caffeine.newBuilder().maximumSize(properties.unknownMaximumSize())
                .expireAfterWrite(properties.unknownExpiry()).build();
    }

    /**
     * Whose the credential is, or empty when billing does not know it. {@code beforeLookup} is subscribed
     * first whenever billing must be asked; when it fails (429) billing is not asked at all.
     */
    public Mono<Optional<ResolvedCredential>> resolve(BearerCredential credential, Mono<Void> beforeLookup) {
        if (unknown.getIfPresent(unknownKey(credential)) != null) {
            return Mono.just(Optional.empty());
        }
        if (credential.kind() != CredentialKind.API_KEY || !inUse()) {
            return beforeLookup.then(lookUp(credential));
        }
        CompletableFuture<Optional<ResolvedCredential>> held = keys.getIfPresent(credential.hash());
        if (held != null) {
            // A client that disconnects must not cancel a lookup other requests are waiting for.
            return Mono.fromFuture(held, true);
        }
        return beforeLookup.then(Mono.fromFuture(() -> keys.get(credential.hash(),
                        (hash, executor) -> lookUp(credential).toFuture()), true))
                .doOnNext(found -> {
                    if (found.isEmpty()) {
                        keys.synchronous().invalidate(credential.hash());
                    }
                });
    }

    private Mono<Optional<ResolvedCredential>> lookUp(BearerCredential credential) {
        return lookup.lookup(credential).doOnNext(found -> {
            if (found.isEmpty()) {
                unknown.put(unknownKey(credential), Boolean.TRUE);
            }
        });
    }

    private static String unknownKey(BearerCredential credential) {
        return credential.kind().wire() + ":" + credential.hash();
    }

    /** Whether known keys are answered from memory right now. */
    public boolean inUse() {
        return trusted && System.nanoTime() - trustedUntil < 0;
    }

    /**
     * Revocations are known to arrive until {@code deadline} (System.nanoTime()). Coming back from a
     * time without that assurance, everything held is dropped first: revocations of that time never
     * arrived.
     */
    synchronized void trustUntil(long deadline) {
        if (!inUse()) {
            keys.synchronous().invalidateAll();
        }
        trustedUntil = deadline;
        trusted = true;
    }

    /** Revocations may not arrive (partitions revoked, or not yet proven after an assignment). */
    synchronized void distrust() {
        trusted = false;
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
