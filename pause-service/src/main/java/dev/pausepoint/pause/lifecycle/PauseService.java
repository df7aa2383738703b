package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The developer's reads of their pauses and the cancel; create is {@link PauseCreation}, and the cancel
 * is one of the {@link PauseTransitions}.
 */
@Service
public class PauseService {

    private final PauseRepository pauses;
    private final PauseTransitions transitions;

    public PauseService(PauseRepository pauses, PauseTransitions transitions) {
        this.pauses = pauses;
        this.transitions = transitions;
    }

    /** Any developer's pause, for internal callers that hold a verified token for it. */
    public Optional<Pause> find(String pauseId) {
        return pauses.find(pauseId);
    }

    /** Those of these pauses that exist, any developer's, for internal callers that scope them on their own. */
    public List<Pause> findEach(Collection<String> pauseIds) {
        return pauses.findEach(pauseIds);
    }

    public PauseView get(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return pauses.find(pauseId, caller.developerId(), caller.livemode()).map(PauseView::of)
                .orElseThrow(() -> new PauseNotFoundException(pauseId));
    }

    public PausePage list(CallerIdentity caller, String status, int limit, int offset) {
        caller.requireAuthenticated();
        PauseStatus filter = null;
        if (status != null) {
            filter = PauseStatus.fromWire(status).orElseThrow(() -> new ValidationException(
                    "status", "must be one of pending, responded, timed_out, cancelled"));
        }
        if (limit < 1 || limit > 100) {
            throw new ValidationException("limit", "must be between 1 and 100");
        }
        if (offset < 0) {
            throw new ValidationException("offset", "must be at least 0");
        }
        List<Pause> rows = pauses.list(caller.developerId(), caller.livemode(), filter, limit + 1, offset);
        boolean more = rows.size() > limit;
        return new PausePage(rows.stream().limit(limit).map(PauseView::of).toList(), limit, offset, more);
    }

    public PauseView cancel(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return PauseView.of(transitions.cancel(caller, pauseId));
    }
}
