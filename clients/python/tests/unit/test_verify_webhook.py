from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime, timezone
from decimal import Decimal

import pytest

from pausepoint import Channel, NotificationKind, WebhookVerificationError, verify_webhook
from pausepoint.webhooks import PAUSE_ESCALATED, PAUSE_REMINDED

SECRET = "whsec-correct-horse-battery"
NOW = 1_764_063_000


def post(timestamp: int = NOW, **overrides):
    body = {"event_id": "evt_1", "event": "pause.responded", "pause_id": "psr_1", "developer_id": "dev_1",
            "livemode": False, "timestamp": timestamp,
            "data": {"choice": "Deploy", "text": "ship it", "response_at": "2026-11-25T09:31:00Z",
                     "metadata": {"run": 4711, "ratio": 0.1}}}
    body.update(overrides)
    raw = json.dumps(body).encode()
    headers = {"X-PausePoint-Signature": "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest(),
               "X-PausePoint-Event": body["event"], "X-PausePoint-Delivery": body["event_id"],
               "X-PausePoint-Timestamp": str(timestamp)}
    return raw, headers


def test_a_genuine_post_verifies_and_reads_every_field():
    raw, headers = post()

    event = verify_webhook(raw, headers, SECRET, now=NOW)

    assert (event.event_id, event.event, event.pause_id, event.developer_id, event.livemode) == (
        "evt_1", "pause.responded", "psr_1", "dev_1", False)
    assert event.timestamp == datetime.fromtimestamp(NOW, tz=timezone.utc)
    assert (event.data.choice, event.data.text) == ("Deploy", "ship it")
    assert event.data.response_at == datetime(2026, 11, 25, 9, 31, tzinfo=timezone.utc)
    assert event.data.metadata == {"run": 4711, "ratio": Decimal("0.1")}


def test_header_names_in_any_case_and_as_lists_of_values():
    raw, headers = post()
    lowered = {name.lower(): [value] for name, value in headers.items()}

    assert verify_webhook(raw.decode(), lowered, SECRET, now=NOW).event_id == "evt_1"


def test_a_changed_body_is_refused():
    raw, headers = post()

    with pytest.raises(WebhookVerificationError, match="signature"):
        verify_webhook(raw.replace(b"Deploy", b"Delete"), headers, SECRET, now=NOW)


def test_another_secret_is_refused():
    raw, headers = post()

    with pytest.raises(WebhookVerificationError, match="signature"):
        verify_webhook(raw, headers, SECRET + "x", now=NOW)


@pytest.mark.parametrize("signature", [None, "", "sha256=", "deadbeef", "sha1=00"])
def test_a_missing_or_malformed_signature_is_refused(signature):
    raw, headers = post()
    del headers["X-PausePoint-Signature"]
    if signature is not None:
        headers["X-PausePoint-Signature"] = signature

    with pytest.raises(WebhookVerificationError):
        verify_webhook(raw, headers, SECRET, now=NOW)


def test_two_signature_headers_are_refused():
    raw, headers = post()

    with pytest.raises(WebhookVerificationError, match="one"):
        verify_webhook(raw, {**headers, "X-PausePoint-Signature": [headers["X-PausePoint-Signature"], "sha256=00"]},
                       SECRET, now=NOW)


def test_a_post_older_or_newer_than_the_tolerance_is_refused_as_stale():
    raw, headers = post()

    assert verify_webhook(raw, headers, SECRET, now=NOW + 300).event_id == "evt_1"
    assert verify_webhook(raw, headers, SECRET, now=NOW - 300).event_id == "evt_1"
    with pytest.raises(WebhookVerificationError, match="from now"):
        verify_webhook(raw, headers, SECRET, now=NOW + 301)
    with pytest.raises(WebhookVerificationError, match="from now"):
        verify_webhook(raw, headers, SECRET, tolerance=60, now=NOW - 61)


def test_an_unsigned_timestamp_header_that_disagrees_with_the_signed_body_is_refused():
    raw, headers = post()
    headers["X-PausePoint-Timestamp"] = str(NOW + 3600)

    with pytest.raises(WebhookVerificationError, match="Timestamp"):
        verify_webhook(raw, headers, SECRET, now=NOW + 3600)


@pytest.mark.parametrize("timestamp", ["1764063000", 1764063000.5, True, None])
def test_a_signed_body_without_an_integer_timestamp_is_refused(timestamp):
    raw, headers = post(timestamp=timestamp)
    del headers["X-PausePoint-Timestamp"]

    with pytest.raises(WebhookVerificationError, match="timestamp"):
        verify_webhook(raw, headers, SECRET, now=NOW)


def test_a_webhook_test_event_is_about_no_pause():
    raw, headers = post(event="webhook.test", pause_id=None,
                        data={"choice": None, "text": None, "response_at": None, "metadata": None})

    event = verify_webhook(raw, headers, SECRET, now=NOW)

    assert event.event == "webhook.test" and event.pause_id is None and event.data.choice is None


def test_an_empty_secret_is_a_programming_error():
    raw, headers = post()

    with pytest.raises(ValueError):
        verify_webhook(raw, headers, "", now=NOW)


def test_a_reminder_or_escalation_event_carries_which_notification_went_out():
    raw, headers = post(event="pause.escalated", data={"notification": 2, "kind": "escalation", "step": 1,
                                                       "reminder": None, "channel": "email", "metadata": {"run": 7}})

    event = verify_webhook(raw, headers, SECRET, now=NOW)

    assert event.event == PAUSE_ESCALATED
    assert (event.data.notification, event.data.kind, event.data.step, event.data.reminder, event.data.channel) \
        == (2, NotificationKind.ESCALATION, 1, None, Channel.EMAIL)
    assert event.data.metadata == {"run": 7}
    assert event.data.choice is None


def test_a_kind_or_channel_added_later_still_verifies():
    raw, headers = post(event="pause.reminded", data={"notification": 1, "kind": "nudge", "step": None,
                                                      "reminder": 1, "channel": "pigeon", "metadata": None})

    event = verify_webhook(raw, headers, SECRET, now=NOW)

    assert event.event == PAUSE_REMINDED
    assert (event.data.kind, event.data.channel, event.data.reminder) \
        == (NotificationKind.UNKNOWN, Channel.UNKNOWN, 1)


def test_a_terminal_event_has_no_notification_fields():
    raw, headers = post()
    data = verify_webhook(raw, headers, SECRET, now=NOW).data
    assert (data.notification, data.kind, data.step, data.reminder, data.channel) == (None,) * 5
