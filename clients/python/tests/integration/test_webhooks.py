"""Webhooks end to end: a real signed post to a receiver on 127.0.0.2, checked with verify_webhook."""

from __future__ import annotations

import secrets

import pytest

from pausepoint import (
    PauseStatus,
    WebhookNotFoundError,
    WebhookVerificationError,
    respond_token,
    verify_webhook,
)

from .stack import eventually


@pytest.fixture
def endpoint(client, receiver):
    secret = secrets.token_hex(24)
    webhook = client.create_webhook(receiver.url, secret=secret)
    return webhook, secret


def test_a_webhook_test_post_verifies_with_the_endpoints_secret(client, receiver, endpoint):
    webhook, secret = endpoint
    assert webhook.events == ["pause.responded", "pause.timed_out", "pause.cancelled"]
    assert [item.webhook_id for item in client.list_webhooks()] == [webhook.webhook_id]

    queued = client.test_webhook(webhook.webhook_id)
    headers, body = receiver.next_post()

    event = verify_webhook(body, headers, secret)
    assert (event.event_id, event.event) == (queued.event_id, "webhook.test")
    assert event.pause_id is None and event.livemode is False
    assert event.developer_id == client.me().developer_id
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body, headers, secret[:-1] + ("0" if secret[-1] != "0" else "1"))
    with pytest.raises(WebhookVerificationError):
        verify_webhook(body.replace(b"webhook.test", b"webhook.tesT"), headers, secret)

    deliveries = eventually(lambda: client.list_webhook_deliveries(webhook.webhook_id),
                            lambda items: any(item.status_code == 200 for item in items), what="the logged post")
    assert deliveries[0].delivery_id == queued.delivery_id and deliveries[0].error is None


def test_an_answered_pause_is_posted_signed_with_the_choice(client, receiver, endpoint):
    webhook, secret = endpoint
    pause = client.create_pause(channel="sms", recipient="+14155550100", message="Deploy?",
                                options=["Deploy", "Hold"], metadata={"run": 4711})

    client.respond(respond_token(pause.respond_url), "Hold")
    headers, body = receiver.next_post()

    event = verify_webhook(body, headers, secret)
    assert (event.event, event.pause_id, event.data.choice) == ("pause.responded", pause.pause_id, "Hold")
    assert event.data.metadata == {"run": 4711}
    assert client.get_pause(pause.pause_id).status is PauseStatus.RESPONDED
    timeline = eventually(lambda: client.get_delivery_timeline(pause.pause_id),
                          lambda timeline: len(timeline.webhook_deliveries) >= 1, what="the pause's webhook post")
    assert timeline.webhook_deliveries[0].webhook_id == webhook.webhook_id


def test_a_deleted_endpoint_is_not_found(client, endpoint):
    webhook, _ = endpoint

    client.delete_webhook(webhook.webhook_id)

    assert client.list_webhooks() == []
    with pytest.raises(WebhookNotFoundError):
        client.test_webhook(webhook.webhook_id)
