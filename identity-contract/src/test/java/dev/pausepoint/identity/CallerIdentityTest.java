package dev.pausepoint.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CallerIdentityTest {

    private static final CallerIdentity DEVELOPER = new CallerIdentity("dev_1", KeyMode.LIVE, "free",
            CredentialKind.SESSION, "203.0.113.7");

    @Test
    void anAuthenticatedCallerPassesAsItself() {
        assertThat(DEVELOPER.requireAuthenticated()).isSameAs(DEVELOPER);
    }

    @Test
    void anAnonymousCallerIsRefusedWithTheContractsOwnException() {
        assertThatThrownBy(() -> CallerIdentity.anonymous("198.51.100.1").requireAuthenticated())
                .isExactlyInstanceOf(UnauthenticatedCallerException.class);
    }

    @Test
    void anAnonymousCallerHasNoAccountName() {
        assertThatThrownBy(() -> new CallerIdentity(null, null, null, CredentialKind.NONE, "198.51.100.1", "Acme"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
