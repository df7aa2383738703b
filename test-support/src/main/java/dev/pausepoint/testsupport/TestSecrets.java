package dev.pausepoint.testsupport;

/** Secrets that only tests use; constants so they can appear in test annotations. */
public final class TestSecrets {

    /** The internal secret gateway and services share in tests ({@code INTERNAL_SECRET} in production). */
    public static final String INTERNAL_SECRET = "test-internal-secret-0123456789abcdef";

    private TestSecrets() {
    }
}
