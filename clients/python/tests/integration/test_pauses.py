"""Pauses through the sync client against the real stack, with test keys (the sandbox)."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest

from pausepoint import (
    AlreadyCancelledError,
    AlreadyRespondedError,
    Channel,
    IdempotencyConflictError,
    NotificationKind,
    PauseNotFoundError,
    PausePointError,
    PauseStatus,
    RequestedBy,
    TokenUsedError,
    respond_token,
    test_recipients,
)

from .stack import eventually

RECIPIENT = "+14155550100"


def create(client, **fields):
    request = dict(channel="sms", recipient=RECIPIENT, message="Deploy 4711 to production?",
                   options=["Deploy", "Hold"])
    request.update(fields)
    return client.create_pause(**request)


def test_a_test_recipient_answers_by_itself_and_the_pause_names_its_agent(client):
    to = test_recipients.sms.choose(2)
    created = create(client, channel=to.channel, recipient=to.recipient, options=["Approve", "Reject"],
                     agent_name="Python release bot")

    decided = client.wait_for_decision(created.pause_id, timeout=30)

    assert decided.status is PauseStatus.RESPONDED
    assert decided.response_choice == "Reject", "+15005550002 picks the second option"
    assert decided.agent_name == "Python release bot"
    first = decided.deliveries[0]
    assert (first.notification, first.kind, first.recipient) == (0, NotificationKind.INITIAL, "+15005550002")

    waiting = create(client, agent_name="Python release bot", timeout_default="Hold")
    prompt = client.get_response_prompt(respond_token(waiting.respond_url))
    assert prompt.requested_by == RequestedBy(account_name="Python SDK test", agent_name="Python release bot")
    assert prompt.timeout_default == "Hold"


def test_a_test_pause_is_created_read_listed_and_cancelled(client):
    created = create(client, timeout_hours=2, timeout_default="Hold", allow_text_response=True,
                     metadata={"run": 4711, "exact": Decimal("0.1000000000000000055511151231257827")})

    assert created.pause_id.startswith("psr_") and created.is_pending and created.livemode is False
    assert created.respond_url and created.expires_at and created.created_at

    read = client.get_pause(created.pause_id)
    assert (read.channel, read.recipient, read.options) == (Channel.SMS, RECIPIENT, ["Deploy", "Hold"])
    assert (read.allow_text_response, read.timeout_default) == (True, "Hold")
    assert read.metadata == {"run": 4711, "exact": Decimal("0.1000000000000000055511151231257827")}
    assert read.respond_url == created.respond_url
    assert (read.expires_at - read.created_at).total_seconds() == 2 * 3600

    pending = client.list_pauses(status=PauseStatus.PENDING, channel=Channel.SMS, limit=100)
    assert created.pause_id in [item.pause_id for item in pending.items]

    cancelled = client.cancel_pause(created.pause_id)
    assert cancelled.status is PauseStatus.CANCELLED and cancelled.cancelled_at is not None
    with pytest.raises(AlreadyCancelledError):
        client.cancel_pause(created.pause_id)
    assert created.pause_id not in [item.pause_id for item in client.list_pauses(status="pending", limit=100).items]


def test_the_sandbox_stores_the_message_it_would_have_sent(client):
    created = create(client)

    pause = eventually(lambda: client.get_pause(created.pause_id),
                       lambda pause: pause.delivery is not None and pause.delivery.status == "sandbox",
                       what="delivery.status sandbox")

    assert pause.delivery.sandbox_message.startswith("[PausePoint] ")
    assert " asks: Deploy 4711 to production?" in pause.delivery.sandbox_message
    assert created.respond_url in pause.delivery.sandbox_message
    timeline = eventually(lambda: client.get_delivery_timeline(created.pause_id),
                          lambda timeline: len(timeline.notifications) == 1, what="the sandbox notification")
    assert timeline.notifications[0].status == "sandbox"


def test_wait_for_decision_returns_the_humans_answer(client):
    created = create(client, allow_text_response=True)
    token = respond_token(created.respond_url)

    with ThreadPoolExecutor(1) as pool:
        waiting = pool.submit(client.wait_for_decision, created.pause_id, timeout=60)
        prompt = client.get_response_prompt(token)
        assert (prompt.pause_id, prompt.options, prompt.status) == (created.pause_id, ["Deploy", "Hold"],
                                                                   PauseStatus.PENDING)
        answer = client.respond(token, "Deploy", text="ship it")
        decided = waiting.result(timeout=60)

    assert (answer.status, answer.choice) == (PauseStatus.RESPONDED, "Deploy")
    assert decided.status is PauseStatus.RESPONDED
    assert (decided.response_choice, decided.response_text) == ("Deploy", "ship it")
    assert decided.response_at == answer.response_at

    with pytest.raises(TokenUsedError) as used:
        client.respond(token, "Hold")
    assert used.value.choice == "Deploy"
    with pytest.raises(AlreadyRespondedError):
        client.cancel_pause(created.pause_id)


def test_wait_for_decision_returns_the_pending_pause_when_time_runs_out(client):
    created = create(client)

    started = time.monotonic()
    pause = client.wait_for_decision(created.pause_id, timeout=2)
    elapsed = time.monotonic() - started

    assert pause.status is PauseStatus.PENDING
    assert 2 <= elapsed < 10


def test_one_idempotency_key_makes_one_pause_and_refuses_another_body(client):
    key = f"deploy-{uuid.uuid4()}"

    first = create(client, idempotency_key=key)
    again = create(client, idempotency_key=key)

    assert again.pause_id == first.pause_id
    with pytest.raises(IdempotencyConflictError) as conflict:
        create(client, idempotency_key=key, message="Something else?")
    assert conflict.value.status == 409


def test_unknown_and_odd_ids_are_not_found_and_reach_no_other_endpoint(client):
    with pytest.raises(PauseNotFoundError):
        client.get_pause(f"psr_{uuid.uuid4()}")
    for odd in ("../auth/me", "..", "%2e%2e", "psr_1?wait=30", "psr_\u00fc"):
        with pytest.raises(PausePointError) as raised:
            client.get_pause(odd)
        assert raised.value.status == 404, odd
        assert raised.value.code in ("PAUSE_NOT_FOUND", "NOT_FOUND"), odd


def test_the_long_poll_answers_as_soon_as_the_pause_is_cancelled(client):
    created = create(client)

    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        waiting = pool.submit(client.get_pause, created.pause_id, wait=30)
        client.cancel_pause(created.pause_id)
        pause = waiting.result(timeout=40)

    assert pause.status is PauseStatus.CANCELLED
    assert time.monotonic() - started < 25
