"""The seed's own client flow: register, create live SMS pauses until the free plan's 402, read why."""

from __future__ import annotations

import pytest

from pausepoint import PlanLimitReachedError


def test_the_free_plan_allows_50_live_pauses_a_month_and_says_so_on_the_51st(developer):
    created = []
    with developer.client(api_key=developer.registration.api_key) as live:
        with pytest.raises(PlanLimitReachedError) as refused:
            for number in range(1, 52):
                created.append(live.create_pause(channel="sms", recipient="+14155550100",
                                                 message=f"Deploy build {number}?", options=["Deploy", "Hold"]))
        usage = live.me().usage

    assert len(created) == 50 and all(pause.livemode for pause in created)
    assert len({pause.pause_id for pause in created}) == 50
    error = refused.value
    assert (error.status, error.code) == (402, "PLAN_LIMIT_REACHED")
    assert error.message.startswith("Monthly pause limit of 50 reached.")
    assert "Starter" in error.message
    assert (usage.pauses_used, usage.pauses_limit) == (50, 50)
