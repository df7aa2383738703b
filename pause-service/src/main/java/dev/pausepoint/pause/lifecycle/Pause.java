package dev.pausepoint.pause.lifecycle;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.EventJson;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseFollowUp;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.asker.Asker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A pause as stored. It is born with its {@link PauseCreated} event ({@link #create}); every later
 * change of status is a conditional update in {@link PauseRepository}, whose result builds that change's
 * event here. {@code asker} is who asked: the agent's name and the account's name frozen at the create.
 */
public record Pause(String id, String developerId, boolean livemode, PauseStatus status, String channel,
        String recipient, String message, List<String> options, boolean allowTextResponse, String timeoutDefault,
        JsonNode metadata, Instant createdAt, Instant expiresAt, Outcome outcome, Delivery delivery, Asker asker,
        boolean hasSchedule) {

    /** The channels a pause may ask through, as the API names them (the table refuses any other). */
    public static final List<String> CHANNELS = List.of("sms", "email", "slack");

    /** How it ended: the human's answer or the timeout's default, or the developer's cancel. */
    public record Outcome(String responseChoice, String responseText, Instant responseAt, Instant cancelledAt) {

        public static Outcome none() {
            return new Outcome(null, null, null, null);
        }
    }

    /**
     * Where its notification stands: queued, sent, delivered or failed; sandbox for test keys, which
     * keep the message that would have been sent.
     */
    public record Delivery(String status, int attempts, String lastError, Instant updatedAt, String sandboxMessage) {

        /** Before delivery-service has reported anything. */
        public static Delivery queued() {
            return new Delivery("queued", 0, null, null, null);
        }
    }

    /** A new pause and the event that announces it, which carries the human's link, and its follow-ups. */
    record WithEvent(Pause pause, PauseCreated event, List<ScheduledNotification> schedule) {
    }

    /**
     * A pending pause for {@code request} from {@code caller}, expiring {@code timeout} (what the plan
     * grants) from now, with its event. Times have whole seconds, like every time the API shows.
     */
    static WithEvent create(NewPause request, CallerIdentity caller, Duration timeout, RespondLinks links,
            Clock clock) {
        Instant now = EventIds.now(clock);
        Pause pause = new Pause("psr_" + UUID.randomUUID(), caller.developerId(), caller.livemode(),
                PauseStatus.PENDING, request.channel(), request.recipient(), request.message(), request.options(),
                request.allowTextResponse(), request.timeoutDefault(), request.metadata(), now, now.plus(timeout),
                Outcome.none(), Delivery.queued(), new Asker(caller.accountName(), request.agentName()),
                !request.followUps().none());
        return new WithEvent(pause, new PauseCreated(EventIds.newEventId(), now, Event.SCHEMA_VERSION, pause.id,
                pause.developerId, pause.livemode, pause.channel, pause.recipient, pause.message, pause.options,
                pause.allowTextResponse, pause.timeoutDefault, pause.eventMetadata(),
                links.to(pause.id, pause.expiresAt), pause.expiresAt, caller.clientIp(), pause.asker.agentName(),
                pause.asker.accountName()),
                request.followUps().schedule(pause.channel, pause.recipient, now));
    }

    /**
     * The event of {@code due}, one of this pending pause's follow-ups, sent at {@code now} through the link
     * of its slot.
     */
    PauseFollowUp followUpEvent(ScheduledNotification due, Instant now, RespondLinks links) {
        String url = links.to(id, expiresAt, due.slot());
        return due.kind().equals(ScheduledNotification.REMINDER)
                ? new PauseReminded(EventIds.newEventId(), now, Event.SCHEMA_VERSION, id, developerId, livemode,
                        due.notification(), due.reminder(), due.channel(), due.recipient(), message, options, url,
                        expiresAt, eventMetadata(), timeoutDefault, asker.agentName(), asker.accountName())
                : new PauseEscalated(EventIds.newEventId(), now, Event.SCHEMA_VERSION, id, developerId, livemode,
                        due.notification(), due.step(), due.channel(), due.recipient(), message, options, url,
                        expiresAt, eventMetadata(), timeoutDefault, asker.agentName(), asker.accountName());
    }

    /** The event of this pause's cancel; {@code now} is the cancel's time. */
    PauseCancelled cancelledEvent(Instant now, String actorIp) {
        return new PauseCancelled(EventIds.newEventId(), now, Event.SCHEMA_VERSION, id, developerId, livemode, now,
                eventMetadata(), actorIp);
    }

    /** The event of this pause's answer; {@code now} is the answer's time. */
    PauseResponded respondedEvent(Instant now, String actorIp, String userAgent) {
        return new PauseResponded(EventIds.newEventId(), now, Event.SCHEMA_VERSION, id, developerId, livemode,
                outcome.responseChoice(), outcome.responseText(), now, eventMetadata(), actorIp, userAgent);
    }

    /** The event of this pause's timeout, found by the sweep at {@code now}. */
    PauseTimedOut timedOutEvent(Instant now) {
        return new PauseTimedOut(EventIds.newEventId(), now, Event.SCHEMA_VERSION, id, developerId, livemode,
                outcome.responseChoice(), expiresAt, eventMetadata());
    }

    /** The developer's metadata in the form events carry it. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> eventMetadata() {
        return metadata == null ? null : EventJson.mapper().convertValue(metadata, Map.class);
    }
}
