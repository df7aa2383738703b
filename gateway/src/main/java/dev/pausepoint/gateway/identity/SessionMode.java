package dev.pausepoint.gateway.identity;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.KeyMode;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The world a request acts in. An API key carries its own; a session (the dashboard's) belongs to the
 * whole account, so it names the world in {@value #HEADER}: {@code live} (also when the header is absent)
 * or {@code test}. An API key may send the header only with its own mode, so a client that believes it
 * acts in one world while its key acts in the other learns it at once instead of reading the wrong data.
 * Decided after the credential is resolved: a request without a valid credential is a 401 whatever the
 * header says (docs/trust-boundary.md, "Sessions and worlds").
 */
final class SessionMode {

    static final String HEADER = "PausePoint-Mode";

    private SessionMode() {
    }

    static KeyMode of(ResolvedCredential credential, HttpHeaders headers) {
        // The values as sent: an empty header, or "live, test" in one, is not a choice of world.
        List<String> values = headers.get(HEADER);
        if (values == null || values.isEmpty()) {
            return credential.mode();
        }
        KeyMode named = parse(values);
        if (credential.kind() == CredentialKind.SESSION) {
            return named;
        }
        if (named != credential.mode()) {
            throw new ApiException(ErrorCode.KEY_MODE_NOT_ALLOWED, "This is a " + credential.mode().wire()
                    + " API key; it cannot act in " + named.wire() + " mode. Use your " + named.wire()
                    + " key, or leave out the " + HEADER + " header.");
        }
        return named;
    }

    private static KeyMode parse(List<String> values) {
        if (values.size() == 1) {
            switch (values.get(0)) {
                case "live":
                    return KeyMode.LIVE;
                case "test":
                    return KeyMode.TEST;
                default:
                    break;
            }
        }
        throw new ValidationException(HEADER, "must be live or test, once");
    }
}
