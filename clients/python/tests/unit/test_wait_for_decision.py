from __future__ import annotations

import httpx
import pytest

from pausepoint import PauseStatus, RateLimitedError

from .fakes import Server, envelope, pause_json


class Clock:
    """Stands in for time.monotonic; each long-poll answered pending moves it on by its wait."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr("pausepoint._core.time.monotonic", clock)
    return clock


def still_pending(clock):
    def answer(request: httpx.Request) -> httpx.Response:
        clock.now += int(request.url.params["wait"])
        return httpx.Response(200, json=pause_json())
    return answer


def test_waits_in_long_polls_of_at_most_30_seconds_and_returns_pending_when_time_runs_out(client_for, clock):
    server = Server(still_pending(clock))

    pause = client_for(server).wait_for_decision("psr_1", timeout=70)

    assert pause.status is PauseStatus.PENDING
    assert [request.url.params["wait"] for request in server.requests] == ["30", "30", "10"]


def test_returns_as_soon_as_the_pause_is_decided(client_for, clock):
    server = Server(still_pending(clock), httpx.Response(200, json=pause_json(status="responded",
                                                                             response_choice="Deploy")))

    pause = client_for(server).wait_for_decision("psr_1", timeout=600)

    assert pause.status is PauseStatus.RESPONDED and pause.response_choice == "Deploy"
    assert len(server.requests) == 2


def test_a_zero_timeout_reads_once_without_waiting(client_for, clock):
    server = Server(httpx.Response(200, json=pause_json()))

    client_for(server).wait_for_decision("psr_1", timeout=0)

    assert [request.url.params["wait"] for request in server.requests] == ["0"]


def test_a_refused_long_poll_is_retried_after_its_retry_after(client_for, clock, sleeps):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "3"}),
                    httpx.Response(200, json=pause_json(status="cancelled")))

    pause = client_for(server).wait_for_decision("psr_1", timeout=60)

    assert pause.status is PauseStatus.CANCELLED and sleeps == [3.0]


def test_a_refusal_that_outlasts_the_retries_is_raised(client_for, clock):
    server = Server(envelope(429, "RATE_LIMITED", headers={"Retry-After": "3"}))

    with pytest.raises(RateLimitedError):
        client_for(server, max_retries=1).wait_for_decision("psr_1", timeout=60)


def test_a_negative_timeout_is_refused(client_for, clock):
    with pytest.raises(ValueError):
        client_for(Server()).wait_for_decision("psr_1", timeout=-1)
