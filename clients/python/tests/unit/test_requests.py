from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import httpx
import pytest

from pausepoint import Channel, EscalationStep, PausePoint, PauseStatus, Reminders, respond_token, test_recipients

from .fakes import BASE_URL, KEY, Server, pause_json


def test_create_sends_the_fields_given_as_json_with_the_key_and_the_callers_headers(client_for):
    server = Server(httpx.Response(201, json=pause_json()))
    client = client_for(server, headers={"X-Forwarded-For": "198.18.0.7"})

    client.create_pause(channel=Channel.SMS, recipient="+14155550100", message="Deploy?", options=("Deploy", "Hold"),
                        timeout_hours=2, timeout_default="Hold", metadata={"run": 4711, "ratio": Decimal("0.10")})

    request = server.requests[0]
    assert (request.method, request.url.raw_path) == ("POST", b"/v1/pause")
    assert request.headers["Authorization"] == f"Bearer {KEY}"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Forwarded-For"] == "198.18.0.7"
    assert request.content == (b'{"channel":"sms","recipient":"+14155550100","message":"Deploy?",'
                               b'"options":["Deploy","Hold"],"timeout_hours":2,"timeout_default":"Hold",'
                               b'"metadata":{"run":4711,"ratio":0.10}}')


def test_metadata_numbers_keep_their_exact_value_both_ways(client_for):
    exact = "0.1000000000000000055511151231257827"
    server = Server(httpx.Response(200, content=('{"pause_id":"psr_1","status":"pending","metadata":{"n":'
                                                 + exact + ',"big":1e400}}').encode()))
    client = client_for(server)

    pause = client.get_pause("psr_1")
    assert pause.metadata == {"n": Decimal(exact), "big": Decimal("1e400")}

    server.answers = [httpx.Response(201, json=pause_json())]
    client.create_pause(channel="sms", recipient="+14155550100", message="m", options=["a", "b"],
                        metadata=pause.metadata)
    assert server.requests[-1].content.endswith(b'"metadata":{"n":' + exact.encode() + b',"big":1E+400}}')


def test_a_number_json_cannot_hold_is_refused_before_sending(client_for):
    server = Server(httpx.Response(201, json=pause_json()))

    with pytest.raises(ValueError):
        client_for(server).create_pause(channel="sms", recipient="+1", message="m", options=["a", "b"],
                                        metadata={"n": Decimal("NaN")})
    assert server.requests == []


def test_the_key_replaces_an_authorization_header_in_any_case(client_for):
    server = Server(httpx.Response(200, json={"items": []}))

    client_for(server, headers={"authorization": "Bearer other"}).list_webhooks()

    assert server.requests[0].headers.get_list("Authorization") == [f"Bearer {KEY}"]


def test_calls_that_take_no_credential_never_send_one(client_for):
    server = Server(httpx.Response(200, json={"status": "ok", "services": {}}))
    client = client_for(server, headers={"authorization": "Bearer leaked"})

    client.health()
    server.answers = [httpx.Response(201, json={"developer_id": "dev_1", "api_key": "k", "test_api_key": "t",
                                                "plan": "free", "message": "hi"})]
    client.register(email="ada@example.com", name="Ada", password="correct horse")

    assert all("Authorization" not in request.headers for request in server.requests)


@pytest.mark.parametrize("pause_id, path", [
    ("../auth/me", b"/v1/pause/..%2Fauth%2Fme"),
    ("..", b"/v1/pause/%2E%2E"),
    (".", b"/v1/pause/%2E"),
    ("a?wait=30#x", b"/v1/pause/a%3Fwait%3D30%23x"),
    ("psr_1 2%", b"/v1/pause/psr_1%202%25"),
    ("psr_\u00fc\U0001f600", b"/v1/pause/psr_%C3%BC%F0%9F%98%80"),
])
def test_an_odd_id_stays_one_path_segment(client_for, pause_id, path):
    server = Server(httpx.Response(200, json=pause_json()))

    client_for(server).get_pause(pause_id)

    assert server.requests[0].url.raw_path == path


def test_an_odd_id_cannot_reach_another_path_on_delete_either(client_for):
    server = Server(httpx.Response(204))

    client_for(server).delete_webhook("../../v1/auth/keys/rotate")

    assert server.requests[0].url.raw_path == b"/v1/webhooks/..%2F..%2Fv1%2Fauth%2Fkeys%2Frotate"


@pytest.mark.parametrize("empty", ["", None])
def test_an_empty_id_is_refused_instead_of_addressing_the_collection(client_for, empty):
    server = Server(httpx.Response(200, json=pause_json()))

    with pytest.raises(ValueError, match="pause_id"):
        client_for(server).cancel_pause(empty)
    assert server.requests == []


@pytest.mark.parametrize("wait, sent", [(45, "30"), (-3, "0"), (2.2, "3"), (0, "0"), (30, "30")])
def test_a_long_poll_wait_is_clamped_to_what_the_api_accepts(client_for, wait, sent):
    server = Server(httpx.Response(200, json=pause_json()))

    client_for(server).get_pause("psr_1", wait=wait)

    assert server.requests[0].url.params["wait"] == sent


def test_a_long_poll_may_take_its_whole_wait_before_the_request_times_out(client_for):
    server = Server(httpx.Response(200, json=pause_json()))

    client_for(server, timeout=5).get_pause("psr_1", wait=30)
    client_for(server, timeout=5).get_pause("psr_1")

    assert server.requests[0].extensions["timeout"]["read"] == 40.0
    assert server.requests[1].extensions["timeout"]["read"] == 5.0


def test_list_sends_only_the_filters_given(client_for):
    server = Server(httpx.Response(200, json={"items": [], "limit": 5, "offset": 10, "has_more": False}))
    client = client_for(server)

    client.list_pauses(status=PauseStatus.PENDING, channel="sms", limit=5, offset=10)
    client.list_pauses()

    assert dict(server.requests[0].url.params) == {"status": "pending", "channel": "sms", "limit": "5",
                                                   "offset": "10"}
    assert server.requests[1].url.query == b""


def test_with_api_key_shares_the_connection_pool_and_changes_only_the_credential(client_for):
    server = Server(httpx.Response(200, json={"items": []}))
    client = client_for(server, headers={"X-Forwarded-For": "198.18.0.9"})

    other = client.with_api_key("pp_live_" + "b" * 48)
    other.list_webhooks()
    client.list_webhooks()
    other.close()
    client.list_webhooks()

    assert other._http is client._http
    assert [request.headers["Authorization"] for request in server.requests] == [
        "Bearer pp_live_" + "b" * 48, f"Bearer {KEY}", f"Bearer {KEY}"]
    assert all(request.headers["X-Forwarded-For"] == "198.18.0.9" for request in server.requests)


def test_the_base_url_and_key_come_from_the_environment_when_not_given(monkeypatch):
    server = Server(httpx.Response(200, json={"items": []}))
    monkeypatch.setenv("PAUSEPOINT_URL", "http://env.test:9/prefix/")
    monkeypatch.setenv("PAUSEPOINT_API_KEY", "pp_test_env")

    with PausePoint(transport=httpx.MockTransport(server)) as client:
        client.list_plans()

    assert str(server.requests[0].url) == "http://env.test:9/prefix/v1/billing/plans"
    assert server.requests[0].headers["Authorization"] == "Bearer pp_test_env"


def test_a_client_without_a_base_url_is_refused(monkeypatch):
    monkeypatch.delenv("PAUSEPOINT_URL", raising=False)

    with pytest.raises(ValueError, match="PAUSEPOINT_URL"):
        PausePoint(api_key=KEY)


def test_respond_token_is_the_last_path_segment_of_the_link():
    assert respond_token("http://localhost:8080/respond/AbC-123_x") == "AbC-123_x"
    assert respond_token(f"{BASE_URL}/respond/tok/?choice=Deploy") == "tok"
    with pytest.raises(ValueError):
        respond_token("http://localhost:8080/")


def test_respond_posts_the_choice_and_note_without_a_key(client_for):
    server = Server(httpx.Response(200, json={"pause_id": "psr_1", "status": "responded", "choice": "Deploy",
                                              "response_at": "2026-11-25T09:31:00Z"}))

    result = client_for(server).respond("tok", "Deploy", text="ship it")

    assert server.requests[0].url.raw_path == b"/v1/respond/tok"
    assert server.body() == {"choice": "Deploy", "text": "ship it"}
    assert (result.status, result.choice) == (PauseStatus.RESPONDED, "Deploy")


def test_audit_dates_are_sent_as_calendar_days_whether_date_datetime_or_text(client_for):
    server = Server(httpx.Response(200, json={"items": [], "limit": 20, "offset": 0, "has_more": False}))

    client_for(server).list_audit(from_date=datetime(2026, 11, 1, 23, 59, tzinfo=timezone.utc),
                                  to_date=date(2026, 11, 30), limit=100, offset=0)

    assert dict(server.requests[0].url.params) == {"from_date": "2026-11-01", "to_date": "2026-11-30",
                                                   "limit": "100", "offset": "0"}


def test_the_key_never_shows_in_a_repr(client_for):
    client = client_for(Server())

    assert KEY not in repr(client._config) and KEY not in repr(client)


def test_a_create_without_the_new_fields_sends_none_of_them(client_for):
    server = Server(httpx.Response(201, json=pause_json()))

    client_for(server).create_pause(channel="sms", recipient="+14155550100", message="Deploy?", options=["a", "b"])

    assert server.requests[0].content == (b'{"channel":"sms","recipient":"+14155550100","message":"Deploy?",'
                                          b'"options":["a","b"]}')


def test_a_create_sends_the_agent_reminders_and_escalation_by_their_wire_names(client_for):
    server = Server(httpx.Response(201, json=pause_json()))
    to = test_recipients.sms.choose(2)

    client_for(server).create_pause(
        channel=to.channel, recipient=to.recipient, message="Deploy?", options=["Approve", "Reject"],
        agent_name="deploy-bot", reminders=Reminders(every_minutes=30, max=2),
        escalation=[EscalationStep(60, Channel.EMAIL, "lead@example.com"),
                    test_recipients.slack.choose(1).escalate_after(90),
                    {"after_minutes": 120, "channel": Channel.SMS, "recipient": "+14155550199"}])

    assert server.requests[0].content == (
        b'{"channel":"sms","recipient":"+15005550002","message":"Deploy?","options":["Approve","Reject"],'
        b'"agent_name":"deploy-bot","reminders":{"every_minutes":30,"max":2},'
        b'"escalation":[{"after_minutes":60,"channel":"email","recipient":"lead@example.com"},'
        b'{"after_minutes":90,"channel":"slack","recipient":"https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-1"},'
        b'{"after_minutes":120,"channel":"sms","recipient":"+14155550199"}]}')


def test_reminders_as_a_mapping_are_sent_as_given_for_the_server_to_judge(client_for):
    server = Server(httpx.Response(201, json=pause_json()))

    client_for(server).create_pause(channel="sms", recipient="+1", message="m", options=["a", "b"],
                                    reminders={"every_minutes": 1, "max": 9})

    assert server.body()["reminders"] == {"every_minutes": 1, "max": 9}


def test_a_webhook_may_subscribe_to_the_reminder_and_escalation_events(client_for):
    server = Server(httpx.Response(201, json={"webhook_id": "wh_1", "url": "https://x", "created_at": None,
                                              "events": ["pause.reminded", "pause.escalated"]}))

    webhook = client_for(server).create_webhook("https://x", secret="s" * 16, events=["pause.reminded", "pause.escalated"])

    assert server.body()["events"] == ["pause.reminded", "pause.escalated"]
    assert webhook.events == ["pause.reminded", "pause.escalated"]
