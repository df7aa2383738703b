"""Clients wired to a fake server, with their retry sleeps recorded instead of slept."""

from __future__ import annotations

from typing import Any, Callable, Iterator, List

import httpx
import pytest

from pausepoint import AsyncPausePoint, PausePoint

from .fakes import BASE_URL, KEY, Server, Sleeps


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client_for(sleeps: Sleeps) -> Iterator[Callable[..., PausePoint]]:
    made: List[PausePoint] = []

    def make(server: Server, **options: Any) -> PausePoint:
        options.setdefault("api_key", KEY)
        client = PausePoint(base_url=BASE_URL, transport=httpx.MockTransport(server), **options)
        setattr(client, "_sleep", sleeps)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def async_client_for(sleeps: Sleeps) -> Callable[..., AsyncPausePoint]:
    def make(server: Any, **options: Any) -> AsyncPausePoint:
        options.setdefault("api_key", KEY)
        client = AsyncPausePoint(base_url=BASE_URL, transport=httpx.MockTransport(server), **options)

        async def record(seconds: float) -> None:
            sleeps.append(seconds)

        setattr(client, "_sleep", record)
        return client

    return make
