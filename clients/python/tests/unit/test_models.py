from __future__ import annotations

from datetime import date, datetime, timezone

import httpx
import pytest

from pausepoint import Channel, DeliveryStatus, NotificationKind, PauseStatus, RequestedBy

from .fakes import Server, pause_json


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=timezone.utc)


def test_a_pause_reads_every_field(client_for):
    answered = pause_json(status="responded", livemode=True, respond_url=None, response_choice="Deploy",
                          response_text="ship it", response_at="2026-11-25T09:31:00Z",
                          cancelled_at="2026-11-25T09:32:00Z",
                          delivery={"status": "failed", "attempts": 5, "last_error": "Twilio said no",
                                    "updated_at": "2026-11-25T09:30:05Z", "sandbox_message": None})
    server = Server(httpx.Response(200, json=answered))

    pause = client_for(server).get_pause("psr_1")

    assert pause.pause_id == "psr_2f1c7c0e-5a55-4e0c-9d7e-0c1f9d1f5b3a"
    assert pause.status is PauseStatus.RESPONDED and not pause.is_pending
    assert pause.livemode is True
    assert pause.channel is Channel.SMS
    assert pause.recipient == "+14155550100"
    assert pause.message == "Deploy 4711?"
    assert pause.options == ["Deploy", "Hold"]
    assert pause.allow_text_response is True
    assert pause.timeout_default == "Hold"
    assert pause.metadata == {"run": 4711}
    assert pause.created_at == utc(2026, 11, 25, 9, 30)
    assert pause.expires_at == utc(2026, 11, 25, 11, 30)
    assert pause.respond_url is None
    assert pause.response_choice == "Deploy"
    assert pause.response_text == "ship it"
    assert pause.response_at == utc(2026, 11, 25, 9, 31)
    assert pause.cancelled_at == utc(2026, 11, 25, 9, 32)
    assert pause.delivery is not None
    delivery = pause.delivery
    assert (delivery.status, delivery.attempts, delivery.last_error) == ("failed", 5, "Twilio said no")
    assert pause.delivery.updated_at == utc(2026, 11, 25, 9, 30, 5)
    assert pause.delivery.sandbox_message is None


def test_the_create_answer_reads_as_a_pause_with_the_rest_unset(client_for):
    created = {"pause_id": "psr_1", "status": "pending", "respond_url": "http://h/respond/t",
               "expires_at": "2026-11-25T11:30:00Z", "created_at": "2026-11-25T09:30:00Z", "livemode": False}
    server = Server(httpx.Response(201, json=created))

    pause = client_for(server).create_pause(channel="sms", recipient="+1", message="m", options=["a", "b"])

    assert pause.is_pending and pause.respond_url == "http://h/respond/t"
    assert pause.channel is None and pause.delivery is None and pause.options == []


def test_a_status_or_channel_added_later_reads_as_unknown(client_for):
    server = Server(httpx.Response(200, json=pause_json(status="escalated", channel="teams", extra_field=1)))

    pause = client_for(server).get_pause("psr_1")

    assert pause.status is PauseStatus.UNKNOWN and pause.channel is Channel.UNKNOWN


def test_a_page_of_pauses(client_for):
    server = Server(httpx.Response(200, json={"items": [pause_json(), pause_json(pause_id="psr_2")],
                                              "limit": 2, "offset": 4, "has_more": True}))

    page = client_for(server).list_pauses(limit=2, offset=4)

    assert [item.pause_id for item in page.items][1] == "psr_2"
    assert (page.limit, page.offset, page.has_more) == (2, 4, True)


def test_the_account_and_its_usage(client_for):
    server = Server(httpx.Response(200, json={
        "developer_id": "dev_1", "email": "ada@example.com", "name": "Ada", "plan": "free",
        "api_key_prefix": "pp_live_abcd", "test_api_key_prefix": "pp_test_abcd",
        "api_key_created_at": "2026-11-01T00:00:00Z", "test_api_key_created_at": "2026-11-02T00:00:00Z",
        "usage": {"period_start": "2026-11-01T00:00:00Z", "period_end": "2026-12-01T00:00:00Z",
                  "pauses_used": 50, "pauses_limit": 50},
        "created_at": "2026-11-01T00:00:00Z"}))

    account = client_for(server).me()

    assert (account.developer_id, account.email, account.name) == ("dev_1", "ada@example.com", "Ada")
    assert account.plan == "free"
    assert (account.api_key_prefix, account.test_api_key_prefix) == ("pp_live_abcd", "pp_test_abcd")
    assert account.api_key_created_at == utc(2026, 11, 1) and account.test_api_key_created_at == utc(2026, 11, 2)
    assert account.usage.period_end == utc(2026, 12, 1)
    assert (account.usage.pauses_used, account.usage.pauses_limit) == (50, 50)
    assert account.created_at == utc(2026, 11, 1)


def test_registration_session_and_rotation(client_for):
    server = Server(
        httpx.Response(201, json={"developer_id": "dev_1", "api_key": "pp_live_x", "test_api_key": "pp_test_x",
                                  "plan": "free", "message": "Welcome"}),
        httpx.Response(200, json={"developer_id": "dev_1", "session_token": "pps_x",
                                  "expires_at": "2026-11-25T21:30:00Z", "plan": "free"}),
        httpx.Response(200, json={"key_type": "test", "api_key": "pp_test_y", "api_key_prefix": "pp_test_yyyy",
                                  "rotated_at": "2026-11-25T09:30:00Z"}))
    client = client_for(server)

    registration = client.register(email="ada@example.com", name="Ada", password="correct horse")
    session = client.login(email="ada@example.com", password="correct horse")
    rotated = client.rotate_key("test")

    assert (registration.api_key, registration.test_api_key, registration.plan) == ("pp_live_x", "pp_test_x", "free")
    assert (session.session_token, session.expires_at) == ("pps_x", utc(2026, 11, 25, 21, 30))
    assert (rotated.key_type, rotated.api_key, rotated.api_key_prefix) == ("test", "pp_test_y", "pp_test_yyyy")
    assert server.body() == {"key_type": "test"}


def test_webhooks_their_deliveries_and_the_pause_timeline(client_for):
    attempt = {"delivery_id": "wdl_1", "event_id": "evt_1", "event": "pause.responded", "pause_id": "psr_1",
               "attempt": 2, "status_code": 500, "error": "HTTP 500", "duration_ms": 12,
               "next_attempt_at": "2026-11-25T09:35:00Z", "created_at": "2026-11-25T09:30:00Z"}
    server = Server(
        httpx.Response(200, json={"items": [{"webhook_id": "whk_1", "url": "https://h/x",
                                             "events": ["pause.responded"], "created_at": "2026-11-25T09:00:00Z"}]}),
        httpx.Response(200, json={"items": [attempt]}),
        httpx.Response(200, json={"pause_id": "psr_1", "notifications": [
            {"channel": "sms", "attempt": None, "status": "sandbox", "provider_message_id": None,
             "status_code": None, "error": None, "duration_ms": None, "next_attempt_at": None,
             "created_at": "2026-11-25T09:30:00Z", "status_at": "2026-11-25T09:30:00Z"}],
            "webhook_deliveries": [dict(attempt, webhook_id="whk_1", url="https://h/x")]}))
    client = client_for(server)

    webhook = client.list_webhooks()[0]
    delivery = client.list_webhook_deliveries("whk_1", limit=5)[0]
    timeline = client.get_delivery_timeline("psr_1")

    assert (webhook.webhook_id, webhook.url, webhook.events) == ("whk_1", "https://h/x", ["pause.responded"])
    assert (delivery.attempt, delivery.status_code, delivery.error, delivery.duration_ms) == (2, 500, "HTTP 500", 12)
    assert delivery.next_attempt_at == utc(2026, 11, 25, 9, 35) and delivery.webhook_id is None
    assert server.requests[1].url.params["limit"] == "5"
    assert server.requests[2].url.params["pause_id"] == "psr_1"
    notification = timeline.notifications[0]
    assert (notification.channel, notification.status, notification.attempt) == (Channel.SMS, "sandbox", None)
    assert (timeline.webhook_deliveries[0].webhook_id, timeline.webhook_deliveries[0].url) == ("whk_1", "https://h/x")


def test_audit_stats_plans_and_subscription(client_for):
    server = Server(
        httpx.Response(200, json={"items": [{"id": "aud_1", "developer_id": "dev_1", "pause_request_id": None,
                                             "event_type": "developer.registered", "actor": "developer",
                                             "detail": {"email": "a@b.co", "plan": "free"}, "ip": "198.18.0.1",
                                             "created_at": "2026-11-25T09:30:00Z"}],
                                  "limit": 20, "offset": 0, "has_more": False}),
        httpx.Response(200, json={"from_date": "2026-11-24", "to_date": "2026-11-25", "days": [
            {"date": "2026-11-24", "created": 3, "pending": 1, "responded": 1, "timed_out": 0, "cancelled": 1}]}),
        httpx.Response(200, json={"items": [{"plan": "enterprise", "pauses_per_month": None,
                                             "channels": ["sms", "email", "slack"], "max_timeout_hours": 8760,
                                             "sold": False}]}),
        httpx.Response(200, json={"plan": "free", "status": None, "current_period_end": None, "scheduled_change": None,
                                  "scheduled_change_at": None, "plan_ends_at": None, "paddle_subscription_id": None,
                                  "paddle_customer_id": None}))
    client = client_for(server)

    entry = client.list_audit(from_date=date(2026, 11, 1), to_date="2026-11-30", event_type="pause.created").items[0]
    stats = client.get_pause_stats(days=2)
    plan = client.list_plans()[0]
    subscription = client.get_subscription()

    assert dict(server.requests[0].url.params) == {"event_type": "pause.created", "from_date": "2026-11-01",
                                                   "to_date": "2026-11-30"}
    assert (entry.id, entry.event_type, entry.detail, entry.ip) == ("aud_1", "developer.registered",
                                                                    {"email": "a@b.co", "plan": "free"}, "198.18.0.1")
    assert (stats.from_date, stats.to_date) == (date(2026, 11, 24), date(2026, 11, 25))
    assert stats.days[0].date == date(2026, 11, 24) and stats.days[0].cancelled == 1
    assert (plan.plan, plan.pauses_per_month, plan.max_timeout_hours, plan.sold) == ("enterprise", None, 8760, False)
    assert subscription.plan == "free" and subscription.status is None


def test_a_degraded_instance_is_a_health_answer_not_an_error(client_for):
    server = Server(httpx.Response(503, json={"status": "degraded", "services": {"pause-service": "down"},
                                              "instances": {"pause-service": {"ready": 0, "configured": 2}}}))

    health = client_for(server).health()

    assert not health.ok and health.services == {"pause-service": "down"}
    assert health.instances == {"pause-service": {"ready": 0, "configured": 2}}
    assert len(server.requests) == 1


def test_an_answer_missing_a_required_field_is_an_error_not_a_silent_none(client_for):
    server = Server(httpx.Response(200, json={"status": "pending"}))

    with pytest.raises(ValueError, match="Pause.pause_id is missing"):
        client_for(server).get_pause("psr_1")


DELIVERIES = [
    {"notification": 0, "kind": "initial", "step": None, "reminder": None, "channel": "sms",
     "recipient": "+15005550002", "due_at": "2026-11-25T09:30:00Z", "status": "sandbox", "attempts": 0,
     "last_error": None, "updated_at": "2026-11-25T09:30:01Z"},
    {"notification": 1, "kind": "reminder", "step": None, "reminder": 1, "channel": "sms",
     "recipient": "+15005550002", "due_at": "2026-11-25T10:00:00Z", "status": "skipped", "attempts": 0,
     "last_error": None, "updated_at": None},
    {"notification": 2, "kind": "escalation", "step": 1, "reminder": None, "channel": "email",
     "recipient": "lead@example.com", "due_at": "2026-11-25T10:30:00Z", "status": "failed", "attempts": 3,
     "last_error": "mailbox full", "updated_at": "2026-11-25T10:31:00Z"},
]


def test_a_pause_reads_its_agent_and_every_notification_in_due_order(client_for):
    server = Server(httpx.Response(200, json=pause_json(agent_name="deploy-bot", deliveries=DELIVERIES)))

    pause = client_for(server).get_pause("psr_1")

    assert pause.agent_name == "deploy-bot"
    assert [(d.notification, d.kind, d.status) for d in pause.deliveries] == [
        (0, NotificationKind.INITIAL, DeliveryStatus.SANDBOX),
        (1, NotificationKind.REMINDER, DeliveryStatus.SKIPPED),
        (2, NotificationKind.ESCALATION, DeliveryStatus.FAILED)]
    escalation = pause.deliveries[2]
    assert (escalation.step, escalation.reminder, escalation.channel, escalation.recipient) \
        == (1, None, Channel.EMAIL, "lead@example.com")
    assert escalation.due_at == datetime(2026, 11, 25, 10, 30, tzinfo=timezone.utc)
    assert (escalation.attempts, escalation.last_error) == (3, "mailbox full")
    assert pause.deliveries[1].reminder == 1 and pause.deliveries[1].updated_at is None


def test_a_kind_or_delivery_status_added_later_reads_as_unknown(client_for):
    later = [dict(DELIVERIES[1], kind="nudge", status="throttled")]
    server = Server(httpx.Response(200, json=pause_json(deliveries=later)))

    notification = client_for(server).get_pause("psr_1").deliveries[0]

    assert (notification.kind, notification.status) == (NotificationKind.UNKNOWN, DeliveryStatus.UNKNOWN)


def test_a_pause_from_a_server_without_the_schedule_has_no_agent_and_no_deliveries(client_for):
    pause = client_for(Server(httpx.Response(200, json=pause_json()))).get_pause("psr_1")
    assert pause.agent_name is None
    assert pause.deliveries == []


def test_a_response_link_shows_who_is_asking_and_what_silence_means(client_for):
    prompt = {"pause_id": "psr_1", "message": "Deploy?", "options": ["Approve", "Reject"],
              "allow_text_response": False, "status": "pending", "expires_at": "2026-12-01T14:00:00Z",
              "requested_by": {"account_name": "Acme Ops", "agent_name": None}, "timeout_default": "Reject"}

    read = client_for(Server(httpx.Response(200, json=prompt))).get_response_prompt("tok")

    assert read.requested_by == RequestedBy(account_name="Acme Ops", agent_name=None)
    assert read.timeout_default == "Reject"
