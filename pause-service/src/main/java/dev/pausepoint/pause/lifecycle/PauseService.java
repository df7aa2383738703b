package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The developer's reads of their pauses and the cancel; create is {@link PauseCreation}, and the cancel
 * is one of the {@link PauseTransitions}.
 */
@Service
public class PauseService {

    private final PauseRepository pauses;
    private final PauseScheduleRepository schedule;
    private final PauseTransitions transitions;
    private final RespondLinks links;

    PauseService(PauseRepository pauses, PauseScheduleRepository schedule, PauseTransitions transitions,
            RespondLinks links) {
        this.pauses = pauses;
        this.schedule = schedule;
        this.transitions = transitions;
        this.links = links;
    }

    /** Any developer's pause, for internal callers that hold a verified token for it. */
    public Optional<Pause> find(String pauseId) {
        return pauses.find(pauseId);
    }

    /** Those of these pauses that exist, any developer's, for internal callers that scope them on their own. */
    public List<Pause> findEach(Collection<String> pauseIds) {
        return pauses.findEach(pauseIds);
    }

    /** {@code pause} as every read of the API shows it, for callers that found it on their own. */
    public PauseView view(Pause pause) {
        return views(List.of(pause)).get(pause.id());
    }

    /**
     * These pauses as every read shows them, by id. Their follow-ups are read in one statement, and only for
     * the pauses that have any, so a page of pauses without reminders or escalation costs nothing more.
     */
    public Map<String, PauseView> views(Collection<Pause> found) {
        List<String> scheduled = found.stream().filter(Pause::hasSchedule).map(Pause::id).toList();
        Map<String, List<PauseScheduleRepository.Entry>> followUps = scheduled.isEmpty() ? Map.of()
                : schedule.forPauses(scheduled);
        Map<String, PauseView> views = new LinkedHashMap<>();
        for (Pause pause : found) {
            views.put(pause.id(), PauseView.of(pause, links, followUps.getOrDefault(pause.id(), List.of())));
        }
        return views;
    }

    public PauseView get(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return pauses.find(pauseId, caller.developerId(), caller.livemode()).map(this::view)
                .orElseThrow(() -> new PauseNotFoundException(pauseId));
    }

    /** A page of the caller's world, newest first; every bad parameter is listed in one 422. */
    public PausePage list(CallerIdentity caller, String status, String channel, int limit, int offset) {
        caller.requireAuthenticated();
        List<FieldIssue> issues = new ArrayList<>();
        PauseStatus statusFilter = null;
        if (status != null) {
            statusFilter = PauseStatus.fromWire(status).orElse(null);
            if (statusFilter == null) {
                issues.add(new FieldIssue("status", "must be one of pending, responded, timed_out, cancelled"));
            }
        }
        if (channel != null && !Pause.CHANNELS.contains(channel)) {
            issues.add(new FieldIssue("channel", "must be one of " + String.join(", ", Pause.CHANNELS)));
        }
        if (limit < 1 || limit > 100) {
            issues.add(new FieldIssue("limit", "must be between 1 and 100"));
        }
        if (offset < 0) {
            issues.add(new FieldIssue("offset", "must be at least 0"));
        }
        if (!issues.isEmpty()) {
            throw new ValidationException(issues);
        }
        List<Pause> rows = pauses.list(caller.developerId(), caller.livemode(), statusFilter, channel, limit + 1,
                offset);
        boolean more = rows.size() > limit;
        return new PausePage(List.copyOf(views(rows.stream().limit(limit).toList()).values()), limit, offset, more);
    }

    /**
     * For each UTC day from {@code from} to {@code to} on which the caller's world created pauses, how many,
     * by the status each has now; days without pauses are absent.
     */
    public List<DailyPauseCounts> countCreatedByDay(CallerIdentity caller, LocalDate from, LocalDate to) {
        caller.requireAuthenticated();
        return pauses.countCreatedByDay(caller.developerId(), caller.livemode(), from, to);
    }

    public PauseView cancel(CallerIdentity caller, String pauseId) {
        caller.requireAuthenticated();
        return view(transitions.cancel(caller, pauseId));
    }
}
