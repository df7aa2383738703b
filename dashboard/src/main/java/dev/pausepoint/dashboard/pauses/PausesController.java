package dev.pausepoint.dashboard.pauses;

import dev.pausepoint.dashboard.api.ApiFailure;
import dev.pausepoint.dashboard.audit.AuditApi;
import dev.pausepoint.dashboard.audit.AuditApi.Entry;
import dev.pausepoint.dashboard.audit.AuditApi.Filter;
import dev.pausepoint.dashboard.pauses.PausesApi.Deliveries;
import dev.pausepoint.dashboard.pauses.PausesApi.Pause;
import dev.pausepoint.dashboard.pauses.PausesApi.PauseList;
import dev.pausepoint.dashboard.pauses.Timeline.Event;
import dev.pausepoint.dashboard.web.Frame;
import dev.pausepoint.dashboard.web.Pages;
import dev.pausepoint.dashboard.web.Paging;
import dev.pausepoint.dashboard.web.Redirect;
import dev.pausepoint.dashboard.web.SignedIn;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The pauses of a world, newest first, filtered and paged; one pause with its timeline; cancel. */
@RestController
public class PausesController {

    static final Set<String> STATUSES = Set.of("pending", "responded", "timed_out", "cancelled");
    static final Set<String> CHANNELS = Set.of("sms", "email", "slack");
    private static final int PAGE_SIZE = 20;

    public record ListPage(Frame frame, List<Pause> pauses, String status, String channel, Paging paging,
            boolean hasMore) {

        /** The address of another page of this list, with the same filters. */
        public String pageLink(int page) {
            StringBuilder link = new StringBuilder(frame.path("pauses")).append("?page=").append(page);
            if (!status.isEmpty()) {
                link.append("&status=").append(status);
            }
            if (!channel.isEmpty()) {
                link.append("&channel=").append(channel);
            }
            return link.toString();
        }
    }

    public record PausePage(Frame frame, Pause pause, String metadata, List<Event> timeline) {
    }

    private final PausesApi pauses;
    private final AuditApi audit;
    private final Pages pages;
    private final JsonMapper json;

    public PausesController(PausesApi pauses, AuditApi audit, Pages pages, JsonMapper json) {
        this.pauses = pauses;
        this.audit = audit;
        this.pages = pages;
        this.json = json;
    }

    @GetMapping("/dashboard/{world}/pauses")
    ResponseEntity<String> list(SignedIn page, @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String channel, @RequestParam(name = "page", required = false) String number) {
        return list(page, status, channel, Paging.of(number, PAGE_SIZE));
    }

    private ResponseEntity<String> list(SignedIn page, String status, String channel, Paging paging) {
        String knownStatus = STATUSES.contains(status) ? status : "";
        String knownChannel = CHANNELS.contains(channel) ? channel : "";
        PauseList list = pauses.list(page.caller(), knownStatus, knownChannel, paging.size(), paging.offset());
        return pages.ok("dashboard/pauses.jte", new ListPage(page.frame("Pauses", "pauses"), list.items(),
                knownStatus, knownChannel, paging, list.hasMore()));
    }

    @GetMapping("/dashboard/{world}/pauses/{pauseId}")
    ResponseEntity<String> pause(SignedIn page, @PathVariable String pauseId,
            @RequestParam(required = false) String cancelled) {
        Pause pause = pauses.get(page.caller(), pauseId);
        Frame frame = page.frame("Pause", "pauses");
        // The pause is the page; its deliveries and audit entries only add detail. If either cannot be read
        // (delivery-service down, a rate limit), the page still shows the pause and its Cancel.
        Deliveries deliveries = new Deliveries(List.of(), List.of());
        List<Entry> entries = List.of();
        try {
            deliveries = pauses.deliveries(page.caller(), pause.pauseId());
            entries = audit.list(page.caller(), Filter.ofPause(pause.pauseId()), 100, 0).items();
        } catch (ApiFailure failure) {
            if (failure.status() == 401) {
                throw failure;
            }
            frame = frame.withNotice("Part of this pause's history could not be read (" + failure.explained()
                    + "). Reload to try again.");
        }
        if (cancelled != null) {
            frame = frame.withNotice("The pause was cancelled. The human is not notified; their link now says the "
                    + "request is no longer needed.");
        }
        String metadata = pause.metadata() == null || pause.metadata().isNull() ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(pause.metadata());
        return pages.ok("dashboard/pause.jte", new PausePage(frame, pause, metadata,
                Timeline.of(pause, deliveries, entries)));
    }

    @PostMapping("/dashboard/{world}/pauses/{pauseId}/cancel")
    ResponseEntity<String> cancel(SignedIn page, @PathVariable String pauseId) {
        Pause cancelled;
        try {
            cancelled = pauses.cancel(page.caller(), pauseId);
        } catch (ApiFailure failure) {
            if (failure.status() != 409) {
                throw failure;
            }
            Pause pause = pauses.get(page.caller(), pauseId);
            return Redirect.to(page.path("pauses", pause.pauseId()));
        }
        return Redirect.to(page.path("pauses", cancelled.pauseId()) + "?cancelled");
    }
}
