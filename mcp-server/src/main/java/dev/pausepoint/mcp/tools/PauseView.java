package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.Pause;
import dev.pausepoint.client.PausePage;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A pause as a tool shows it: the REST API's field names (docs/mcp.md, "Results"), with the answer under the
 * short names a model reads first ({@code choice}, {@code text}), and every notification (the first, reminders,
 * escalation steps) under {@code deliveries}. {@code respond_url} only for a test pause:
 * a live pause's link is the human's credential, and a model holding it could answer in the human's place.
 */
final class PauseView {

    static final String NEXT_STEP = "next_step";

    private PauseView() {
    }

    static Map<String, Object> of(Pause pause) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("pause_id", pause.pauseId());
        view.put("status", PauseView.status(pause));
        view.put("choice", pause.responseChoice());
        view.put("text", pause.responseText());
        view.put("response_at", text(pause.responseAt()));
        view.put("expires_at", text(pause.expiresAt()));
        view.put("channel", wire(pause.channel()));
        view.put("recipient", pause.recipient());
        view.put("message", pause.message());
        view.put("options", pause.options());
        view.put("timeout_default", pause.timeoutDefault());
        view.put("agent_name", pause.agentName());
        view.put("deliveries", pause.deliveries().stream().map(PauseView::notification).toList());
        view.put("livemode", pause.livemode());
        if (!pause.livemode() && pause.respondUrl() != null) {
            view.put("respond_url", pause.respondUrl());
        }
        return view;
    }

    /** A pause still pending after the wait, with the sentence that tells the model how to go on. */
    static Map<String, Object> stillPending(Pause pause, String why) {
        Map<String, Object> view = of(pause);
        view.put(NEXT_STEP, why + " Call wait_for_pause with pause_id \"" + pause.pauseId()
                + "\" to keep waiting for the answer, or get_pause to look without waiting. The question stays open"
                + " until " + view.get("expires_at") + (pause.timeoutDefault() == null ? "."
                        : "; if nobody answers by then, \"" + pause.timeoutDefault() + "\" is recorded."));
        return view;
    }

    static Map<String, Object> page(PausePage page) {
        Map<String, Object> view = new LinkedHashMap<>();
        List<Map<String, Object>> items = page.items().stream().map(PauseView::of).toList();
        view.put("items", items);
        view.put("has_more", page.hasMore());
        view.put("limit", page.limit());
        view.put("offset", page.offset());
        return view;
    }

    /** One notification: the first, a reminder or an escalation step, and where its delivery stands. */
    private static Map<String, Object> notification(Pause.Notification notification) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("notification", notification.notification());
        view.put("kind", wire(notification.kind()));
        view.put("step", notification.step());
        view.put("reminder", notification.reminder());
        view.put("channel", wire(notification.channel()));
        view.put("recipient", notification.recipient());
        view.put("due_at", text(notification.dueAt()));
        view.put("status", wire(notification.status()));
        view.put("attempts", notification.attempts());
        view.put("last_error", notification.lastError());
        view.put("updated_at", text(notification.updatedAt()));
        return view;
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }

    static String status(Pause pause) {
        return pause.status() == null ? "unknown" : pause.status().name().toLowerCase();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
