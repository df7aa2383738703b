package dev.pausepoint.billing.account;

import java.time.Instant;

/** A developer account as stored; the password hash never leaves the service. */
public record Developer(String id, String email, String name, String passwordHash, String plan, Instant createdAt) {
}
