"""The async client drives the same core; these hold that it sends, retries and raises the same way."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from pausepoint import (
    AsyncPausePoint,
    PauseNotFoundError,
    PausePointConnectionError,
    PauseStatus,
    ValidationError,
)

from .fakes import Server, envelope, pause_json


def run(coroutine):
    return asyncio.run(coroutine)


def test_create_is_retried_after_a_rate_limit_with_the_same_key(async_client_for, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "1"}),
                    httpx.Response(201, json=pause_json()))

    async def scenario():
        async with async_client_for(server) as client:
            return await client.create_pause(channel="sms", recipient="+14155550100", message="m",
                                             options=["a", "b"])

    pause = run(scenario())

    assert pause.is_pending and sleeps == [1.0]
    assert server.requests[0].headers["Idempotency-Key"] == server.requests[1].headers["Idempotency-Key"]


def test_errors_map_to_the_same_classes(async_client_for):
    server = Server(envelope(404, "PAUSE_NOT_FOUND", headers={"X-Request-Id": "req_abcdefgh"}))

    async def scenario():
        async with async_client_for(server) as client:
            await client.get_pause("../x")

    with pytest.raises(PauseNotFoundError) as raised:
        run(scenario())
    assert raised.value.request_id == "req_abcdefgh"
    assert server.requests[0].url.raw_path == b"/v1/pause/..%2Fx"


def test_a_connection_failure_of_a_post_is_not_retried(async_client_for, sleeps):
    server = Server(httpx.ConnectError("refused"))

    async def scenario():
        async with async_client_for(server) as client:
            await client.respond("tok", "Deploy")

    with pytest.raises(PausePointConnectionError):
        run(scenario())
    assert len(server.requests) == 1 and sleeps == []


def test_wait_for_decision_returns_the_decided_pause(async_client_for):
    server = Server(httpx.Response(200, json=pause_json()),
                    httpx.Response(200, json=pause_json(status="timed_out", response_choice="Hold")))

    async def scenario():
        async with async_client_for(server) as client:
            return await client.wait_for_decision("psr_1", timeout=120)

    pause = run(scenario())

    assert pause.status is PauseStatus.TIMED_OUT and pause.response_choice == "Hold"
    assert [request.url.params["wait"] for request in server.requests] == ["30", "30"]


def test_cancelling_the_task_aborts_the_long_poll_in_flight(async_client_for):
    entered = asyncio.Event
    state = {}

    async def hang(request: httpx.Request) -> httpx.Response:
        state["entered"].set()
        try:
            await asyncio.sleep(3600)
        except asyncio.CancelledError:
            state["aborted"] = True
            raise
        return httpx.Response(200, json=pause_json())

    async def scenario():
        state["entered"] = entered()
        async with async_client_for(hang) as client:
            task = asyncio.create_task(client.wait_for_decision("psr_1", timeout=600))
            await asyncio.wait_for(state["entered"].wait(), 5)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task

    run(scenario())
    assert state["aborted"] is True


def test_the_async_export_streams_and_raises_refusals_before_the_first_byte(async_client_for):
    server = Server(
        envelope(422, "VALIDATION_ERROR", detail=[{"field": "to_date", "issue": "is required"}]),
        httpx.Response(200, content=b'{"id":"aud_1"}\n{"id":"aud_2"}\n',
                       headers={"Content-Type": "application/x-ndjson",
                                "Content-Disposition": 'attachment; filename="pausepoint-audit-test-a-b.ndjson"'}))

    async def scenario():
        async with async_client_for(server) as client:
            with pytest.raises(ValidationError):
                async with client.export_audit("2026-11-01", ""):
                    pass
            async with client.export_audit("2026-11-01", "2026-11-30") as export:
                return export.filename, [line async for line in export.aiter_lines()]

    filename, lines = run(scenario())

    assert filename == "pausepoint-audit-test-a-b.ndjson"
    assert lines == ['{"id":"aud_1"}', '{"id":"aud_2"}']


def test_the_async_client_has_every_call_of_the_sync_client_with_its_docs():
    from pausepoint import PausePoint

    public = {name for name in vars(PausePoint) if not name.startswith("_") and callable(getattr(PausePoint, name))}
    async_public = {name for name in vars(AsyncPausePoint) if not name.startswith("_")}
    assert public - {"close"} == async_public - {"aclose"}
    assert AsyncPausePoint.create_pause.__doc__ == PausePoint.create_pause.__doc__


def test_the_async_create_sends_the_agent_reminders_and_escalation_too(async_client_for):
    server = Server(httpx.Response(201, json=pause_json()))

    async def scenario():
        async with async_client_for(server) as client:
            await client.create_pause(channel="email", recipient="choose-1@test.pausepoint.dev", message="m",
                                      options=["a", "b"], agent_name="bot", reminders={"every_minutes": 5, "max": 1},
                                      escalation=[{"after_minutes": 10, "channel": "sms", "recipient": "+15005550001"}])

    run(scenario())

    body = server.body()
    assert (body["agent_name"], body["reminders"], body["escalation"]) == (
        "bot", {"every_minutes": 5, "max": 1}, [{"after_minutes": 10, "channel": "sms", "recipient": "+15005550001"}])
