from __future__ import annotations

import socket

import httpx
import pytest

from pausepoint import (
    BillingNotConfiguredError,
    PausePoint,
    PausePointConnectionError,
    RateLimitedError,
    ServiceUnavailableError,
)

from .fakes import Server, envelope, pause_json

CREATED = httpx.Response(201, json=pause_json())


def create(client, **extra):
    return client.create_pause(channel="sms", recipient="+14155550100", message="Deploy?",
                               options=["Deploy", "Hold"], **extra)


def test_rate_limited_create_is_sent_again_after_retry_after_with_the_same_idempotency_key(client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "2"}), CREATED)

    pause = create(client_for(server))

    assert pause.pause_id.startswith("psr_")
    assert sleeps == [2.0]
    keys = [request.headers["Idempotency-Key"] for request in server.requests]
    assert len(keys) == 2 and keys[0] == keys[1] and len(keys[0]) == 36


def test_create_after_a_connection_failure_is_sent_again_with_the_given_key(client_for, sleeps):
    server = Server(httpx.ConnectError("refused"), httpx.ReadError("reset"), CREATED)

    create(client_for(server), idempotency_key="deploy-4711")

    assert [request.headers["Idempotency-Key"] for request in server.requests] == ["deploy-4711"] * 3
    assert len(sleeps) == 2 and all(0 < seconds <= 8 for seconds in sleeps)


def test_each_create_call_gets_its_own_generated_key(client_for):
    server = Server(CREATED)
    client = client_for(server)

    create(client)
    create(client)

    assert server.requests[0].headers["Idempotency-Key"] != server.requests[1].headers["Idempotency-Key"]


def test_a_call_without_idempotency_is_not_sent_again_after_a_connection_failure(client_for, sleeps):
    server = Server(httpx.ReadError("reset"), httpx.Response(201, json={}))

    with pytest.raises(PausePointConnectionError) as raised:
        client_for(server).create_webhook("https://example.com/hook", secret="s" * 16)

    assert len(server.requests) == 1 and sleeps == []
    assert isinstance(raised.value.__cause__, httpx.ReadError)
    assert raised.value.status is None and raised.value.code is None


def test_retries_are_bounded_by_max_retries(client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "1"}))

    with pytest.raises(RateLimitedError) as raised:
        client_for(server, max_retries=3).get_pause("psr_x")

    assert len(server.requests) == 4 and sleeps == [1.0, 1.0, 1.0]
    assert raised.value.retry_after == 1.0


def test_no_retries_with_max_retries_zero(client_for, sleeps):
    server = Server(httpx.ConnectError("refused"))

    with pytest.raises(PausePointConnectionError):
        client_for(server, max_retries=0).get_pause("psr_x")

    assert len(server.requests) == 1 and sleeps == []


def test_a_retry_after_above_the_cap_is_raised_at_once(client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "900"}))

    with pytest.raises(RateLimitedError) as raised:
        client_for(server, max_retry_wait=30).me()

    assert len(server.requests) == 1 and sleeps == []
    assert raised.value.retry_after == 900.0


def test_a_service_unavailable_read_is_retried_but_a_webhook_create_is_not(client_for, sleeps):
    down = envelope(503, "SERVICE_UNAVAILABLE")
    reads = Server(down, httpx.Response(200, json=pause_json()))
    client_for(reads).get_pause("psr_x")
    assert len(reads.requests) == 2 and len(sleeps) == 1

    writes = Server(down)
    with pytest.raises(ServiceUnavailableError):
        client_for(writes).create_webhook("https://example.com/hook", secret="s" * 16)
    assert len(writes.requests) == 1


def test_a_service_unavailable_with_retry_after_turned_the_request_away_so_any_call_retries(client_for, sleeps):
    server = Server(envelope(503, "SERVICE_UNAVAILABLE", headers={"Retry-After": "5"}),
                    httpx.Response(202, json={"delivery_id": "wdl_1", "event_id": "evt_1", "event": "webhook.test"}))

    client_for(server).test_webhook("whk_1")

    assert len(server.requests) == 2 and sleeps == [5.0]


def test_billing_not_configured_is_not_retried(client_for, sleeps):
    server = Server(envelope(503, "BILLING_NOT_CONFIGURED"))

    with pytest.raises(BillingNotConfiguredError):
        client_for(server).get_subscription()

    assert len(server.requests) == 1 and sleeps == []


def test_a_read_timeout_is_retried_then_raised_as_a_connection_error(client_for, sleeps):
    server = Server(httpx.ReadTimeout("slow"))

    with pytest.raises(PausePointConnectionError, match="timed out"):
        client_for(server, max_retries=2).list_pauses()

    assert len(server.requests) == 3


def test_retry_after_as_an_http_date_is_read(client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}),
                    httpx.Response(200, json={"items": []}))

    client_for(server).list_webhooks()

    assert sleeps == [0.0]


def test_a_refused_connection_on_a_real_socket_is_a_connection_error_after_the_retries(sleeps):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    client = PausePoint(api_key="pp_test_x", base_url=f"http://127.0.0.1:{closed_port}", max_retries=2)
    setattr(client, "_sleep", sleeps)

    with client, pytest.raises(PausePointConnectionError) as raised:
        client.get_pause("psr_1")

    assert isinstance(raised.value.__cause__, httpx.ConnectError)
    assert len(sleeps) == 2


def test_backoff_grows_with_each_retry_of_a_service_unavailable_read(client_for, sleeps):
    down = envelope(503, "SERVICE_UNAVAILABLE")
    server = Server(down, down, down, httpx.Response(200, json={"items": []}))

    client_for(server, max_retries=3).list_plans()

    assert len(sleeps) == 3
    assert 0.25 <= sleeps[0] <= 0.5 and 0.5 <= sleeps[1] <= 1.0 and 1.0 <= sleeps[2] <= 2.0
