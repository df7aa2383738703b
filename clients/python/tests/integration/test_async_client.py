"""The async client against the real stack."""

from __future__ import annotations

import asyncio

import pytest

from pausepoint import AlreadyCancelledError, AsyncPausePoint, PauseStatus, respond_token

from .stack import base_url


def run(coroutine):
    return asyncio.run(coroutine)


def test_concurrent_creates_a_wait_and_an_answer(developer):
    async def scenario():
        async with AsyncPausePoint(api_key=developer.registration.test_api_key, base_url=base_url(),
                                   headers={"X-Forwarded-For": developer.address}) as client:
            pauses = await asyncio.gather(*(
                client.create_pause(channel="sms", recipient="+14155550100", message=f"Step {n}?",
                                    options=["Go", "Stop"]) for n in range(5)))
            first, second = pauses[0], pauses[1]
            waiting = asyncio.create_task(client.wait_for_decision(first.pause_id, timeout=60))
            answer = await client.respond(respond_token(first.respond_url), "Go")
            decided = await asyncio.wait_for(waiting, 60)

            cancelled = await client.cancel_pause(second.pause_id)
            with pytest.raises(AlreadyCancelledError):
                await client.cancel_pause(second.pause_id)
            listed = await client.list_pauses(limit=100)
            return pauses, answer, decided, cancelled, listed

    pauses, answer, decided, cancelled, listed = run(scenario())

    assert len({pause.pause_id for pause in pauses}) == 5
    assert answer.choice == "Go"
    assert decided.status is PauseStatus.RESPONDED and decided.response_choice == "Go"
    assert cancelled.status is PauseStatus.CANCELLED
    assert {pause.pause_id for pause in pauses} <= {item.pause_id for item in listed.items}


def test_cancelling_a_waiting_task_stops_the_long_poll(developer):
    async def scenario():
        async with AsyncPausePoint(api_key=developer.registration.test_api_key, base_url=base_url(),
                                   headers={"X-Forwarded-For": developer.address}) as client:
            pause = await client.create_pause(channel="sms", recipient="+14155550100", message="Wait?",
                                              options=["Yes", "No"])
            waiting = asyncio.create_task(client.wait_for_decision(pause.pause_id, timeout=600))
            done, _ = await asyncio.wait({waiting}, timeout=1)
            assert not done, "the wait ended although nobody answered"
            waiting.cancel()
            with pytest.raises(asyncio.CancelledError):
                await waiting
            # The client is still usable after the aborted long-poll.
            return await client.get_pause(pause.pause_id)

    assert run(scenario()).status is PauseStatus.PENDING
