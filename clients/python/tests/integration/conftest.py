"""Integration tests against the real stack at PAUSEPOINT_URL; without it every test fails and says how
to run them (a skipped test would pass CI having tested nothing)."""

from __future__ import annotations

import os

import pytest

from .stack import HOW_TO_RUN, Developer, WebhookReceiver, register


@pytest.fixture(autouse=True, scope="session")
def stack_url() -> str:
    url = os.environ.get("PAUSEPOINT_URL")
    if not url:
        pytest.fail(HOW_TO_RUN, pytrace=False)
    return url


@pytest.fixture
def developer(stack_url) -> Developer:
    return register()


@pytest.fixture
def client(developer):
    with developer.client() as client:
        yield client


@pytest.fixture
def receiver():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()
