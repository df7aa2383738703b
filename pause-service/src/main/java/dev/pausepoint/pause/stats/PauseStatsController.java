package dev.pausepoint.pause.stats;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.openapi.Access;
import dev.pausepoint.kit.openapi.ApiOperation;
import dev.pausepoint.pause.lifecycle.DailyPauseCounts;
import dev.pausepoint.pause.lifecycle.PauseService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/stats/pauses?days=N}: for each of the last N UTC days, today included and oldest first,
 * the pauses the caller's world created that day and how many of those are now in each status. Every day
 * is listed, with zeros when nothing was created.
 */
@RestController
public class PauseStatsController {

    static final int MAX_DAYS = 90;

    public record PauseStats(LocalDate fromDate, LocalDate toDate, List<DailyPauseCounts> days) {
    }

    private final PauseService pauses;
    private final Clock clock;

    public PauseStatsController(PauseService pauses, Clock clock) {
        this.pauses = pauses;
        this.clock = clock;
    }

    @GetMapping("/v1/stats/pauses")
    @ApiOperation(id = "getPauseStats", tag = "Statistics", summary = "Pauses created per day, by status now",
            access = Access.API_KEY, errors = ErrorCode.VALIDATION_ERROR)
    public PauseStats pauses(@RequestParam(defaultValue = "30") int days, CallerIdentity caller) {
        caller.requireAuthenticated();
        if (days < 1 || days > MAX_DAYS) {
            throw new ValidationException("days", "must be between 1 and " + MAX_DAYS);
        }
        LocalDate to = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from = to.minusDays(days - 1);
        Map<LocalDate, DailyPauseCounts> counted = pauses.countCreatedByDay(caller, from, to).stream()
                .collect(Collectors.toMap(DailyPauseCounts::date, Function.identity()));
        List<DailyPauseCounts> everyDay = from.datesUntil(to.plusDays(1))
                .map(day -> counted.getOrDefault(day, DailyPauseCounts.none(day))).toList();
        return new PauseStats(from, to, everyDay);
    }
}
