package dev.pausepoint.response.respond;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.kit.token.ResponseToken;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.response.respond.PauseClient.PauseForResponse;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * What a response link shows and what answering through it does, shared by the JSON API and the hosted
 * page. The token's signature proves the link was issued; the ledger and pause-service say whether it
 * can still be used. Exactly one answer wins because pause-service records it with a conditional
 * transition; every other attempt, concurrent or later, learns the recorded choice as TOKEN_USED.
 */
@Service
public class Responses {

    /** The state a link is in when it is opened. */
    public enum LinkState { PENDING, ANSWERED, CANCELLED, EXPIRED }

    /**
     * An opened link. {@code pause} is null when the ledger alone answered; {@code choice} is the recorded
     * answer (a human's, or the default a timeout applied).
     */
    public record Link(String token, String pauseId, LinkState state, PauseForResponse pause, String choice) {
    }

    static final int MAX_USER_AGENT = 512;
    private static final Logger log = LoggerFactory.getLogger(Responses.class);

    private final ResponseTokenCodec tokens;
    private final UsedTokenRepository usedTokens;
    private final PauseClient pauses;
    private final Clock clock;

    public Responses(ResponseTokenCodec tokens, UsedTokenRepository usedTokens, PauseClient pauses, Clock clock) {
        this.tokens = tokens;
        this.usedTokens = usedTokens;
        this.pauses = pauses;
        this.clock = clock;
    }

    /** Reads the link's state. Changes nothing, so mail scanners and link previews are harmless. */
    public Link open(String token) {
        ResponseToken verified = tokens.verify(token);
        var spent = spent(token);
        if (spent.isPresent()) {
            return new Link(token, verified.pauseId(), LinkState.ANSWERED, null, spent.get().choice());
        }
        PauseForResponse pause = find(verified);
        LinkState state = switch (pause.status()) {
            case "responded" -> LinkState.ANSWERED;
            case "cancelled" -> LinkState.CANCELLED;
            case "timed_out" -> LinkState.EXPIRED;
            default -> verified.expiredAt(clock.instant()) ? LinkState.EXPIRED : LinkState.PENDING;
        };
        return new Link(token, verified.pauseId(), state, pause, pause.responseChoice());
    }

    /**
     * Records the human's answer. 400 INVALID_TOKEN or INVALID_CHOICE, 410 TOKEN_EXPIRED or TOKEN_USED (with
     * the recorded choice), 409 ALREADY_CANCELLED; 422 for a note over 2000 characters.
     */
    public PauseForResponse respond(String token, String choice, String text, String actorIp, String userAgent) {
        ResponseToken verified = tokens.verify(token);
        var spent = spent(token);
        if (spent.isPresent()) {
            throw new TokenUsedException(spent.get().choice());
        }
        if (verified.expiredAt(clock.instant())) {
            throw tokenExpired();
        }
        try {
            PauseForResponse answered = pauses.respond(verified.pauseId(), choice, text, actorIp, userAgent);
            // Ids only: the choice, the text and the human's address stay out of the logs.
            log.info("Pause {} answered through its link", answered.pauseId());
            remember(token, answered);
            return answered;
        } catch (ApiException e) {
            throw switch (e.code()) {
                case ALREADY_RESPONDED -> {
                    // Another request won (a double tap, a retry after a lost answer): report its choice.
                    PauseForResponse current = find(verified);
                    remember(token, current);
                    yield new TokenUsedException(current.responseChoice());
                }
                case ALREADY_TIMED_OUT -> tokenExpired();
                case PAUSE_NOT_FOUND -> invalidToken();
                default -> e;
            };
        }
    }

    /** The ledger's record of the token; when the ledger cannot be read, pause-service answers instead. */
    private Optional<UsedTokenRepository.Spent> spent(String token) {
        try {
            return usedTokens.find(token);
        } catch (DataAccessException e) {
            log.warn("Could not read the single-use ledger, asking pause-service: {}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Writes the spent token to the ledger. The answer is already recorded in pause-service, the
     * authority, so a ledger that cannot be written only costs the next use a call there; the human
     * still gets their confirmation.
     */
    private void remember(String token, PauseForResponse answered) {
        try {
            usedTokens.record(token, answered.pauseId(), answered.responseChoice(), answered.responseAt());
        } catch (DataAccessException e) {
            log.warn("Could not write the spent link of {} to the ledger: {}", answered.pauseId(), e.toString());
        }
    }

    /** A pause pause-service does not know cannot have a valid link: its token is reported as invalid. */
    private PauseForResponse find(ResponseToken verified) {
        try {
            return pauses.find(verified.pauseId());
        } catch (ApiException e) {
            if (e.code() == ErrorCode.PAUSE_NOT_FOUND) {
                throw invalidToken();
            }
            throw e;
        }
    }

    /** Enough of a User-Agent to tell the device in the audit log, never an unbounded header. */
    public static String trimUserAgent(String userAgent) {
        return userAgent == null || userAgent.length() <= MAX_USER_AGENT ? userAgent : userAgent.substring(0, MAX_USER_AGENT);
    }

    static ApiException tokenExpired() {
        return new ApiException(ErrorCode.TOKEN_EXPIRED, "This response link has expired.");
    }

    private static ApiException invalidToken() {
        return new ApiException(ErrorCode.INVALID_TOKEN, "This response link is not valid.");
    }
}
