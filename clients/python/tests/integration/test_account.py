"""Accounts, keys, sessions, audit, statistics, plans and health against the real stack."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from pausepoint import InvalidApiKeyError

from .stack import PASSWORD, eventually


def test_me_rotation_login_and_logout(developer):
    registration = developer.registration
    with developer.client() as client:
        account = client.me()
        assert (account.developer_id, account.email, account.plan) == (registration.developer_id,
                                                                       developer.email, "free")
        assert registration.test_api_key.startswith(account.test_api_key_prefix)
        assert account.usage.pauses_limit == 50

        rotated = client.rotate_key()
        assert rotated.key_type == "test" and rotated.api_key != registration.test_api_key

        def refused(read):
            try:
                read()
            except InvalidApiKeyError:
                return True
            return False

        eventually(lambda: refused(client.me), bool, what="the old test key being refused")
        assert client.with_api_key(rotated.api_key).me().developer_id == registration.developer_id

        session = client.login(email=developer.email, password=PASSWORD)
        as_session = client.with_api_key(session.session_token)
        assert as_session.me().developer_id == registration.developer_id
        as_session.logout()
        with pytest.raises(InvalidApiKeyError):
            as_session.me()


def test_audit_list_export_and_stats_show_a_created_pause(client):
    pause = client.create_pause(channel="sms", recipient="+14155550100", message="Audit me?", options=["a", "b"])
    today = datetime.now(timezone.utc).date()

    entries = eventually(lambda: client.list_audit(pause_id=pause.pause_id).items, lambda items: len(items) >= 1,
                         what="the pause.created audit entry")
    assert entries[0].event_type == "pause.created" and entries[0].detail["channel"] == "sms"

    with client.export_audit(today, today, event_type="pause.created") as export:
        lines = [json.loads(line) for line in export.iter_lines()]
        assert export.filename == f"pausepoint-audit-test-{today}-{today}.ndjson"
    assert [line["pause_request_id"] for line in lines] == [pause.pause_id]

    with client.export_audit(today, today, format="csv") as export:
        csv_text = b"".join(export.iter_bytes()).decode("utf-8")
    assert csv_text.startswith("id,developer_id,pause_request_id,event_type,actor,detail,ip,created_at\r\n")
    assert pause.pause_id in csv_text

    stats = client.get_pause_stats(days=2)
    assert stats.to_date == today and len(stats.days) == 2
    assert stats.days[-1].created == 1 and stats.days[-1].pending == 1


def test_plans_subscription_and_health(client):
    plans = client.list_plans()
    assert [plan.plan for plan in plans] == ["free", "starter", "pro", "enterprise"]
    assert (plans[0].pauses_per_month, plans[0].channels, plans[0].sold) == (50, ["sms"], False)

    health = client.health()
    assert health.ok and set(health.services) == {"billing-service", "delivery-service", "pause-service",
                                                  "response-service"}
