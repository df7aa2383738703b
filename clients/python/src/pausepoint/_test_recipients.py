"""The documented test recipients (docs/testing.md).

In test mode they answer, time out or fail by themselves, so every branch of an approval flow runs in CI
without a human; a live key treats them as ordinary recipients::

    from pausepoint import test_recipients

    to = test_recipients.sms.choose(2)                       # option 2, two seconds after the create
    client.create_pause(channel=to.channel, recipient=to.recipient, message="Deploy?",
                        options=["Approve", "Reject"])
    test_recipients.email.choose(2, after=30).recipient     # "choose-2-after-30@test.pausepoint.dev"

Arguments are checked here (``ValueError``): ``n`` 1–5, ``after`` 1–3600 whole seconds. That ``n`` is
within the pause's options is the server's rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Callable, Union

from .models import Channel, EscalationStep

EMAIL_DOMAIN = "test.pausepoint.dev"
SLACK_PREFIX = "https://hooks.slack.com/services/PAUSEPOINT/TEST/"

Delay = Union[int, timedelta, None]


@dataclass(frozen=True)
class TestRecipient:
    """A channel and recipient that answers by itself in test mode; ``str()`` is the recipient."""

    __test__ = False  # a model, not a pytest test class

    channel: Channel
    recipient: str

    def __str__(self) -> str:
        return self.recipient

    def escalate_after(self, minutes: int) -> EscalationStep:
        """An escalation step to this recipient."""
        return EscalationStep(after_minutes=minutes, channel=self.channel, recipient=self.recipient)


def _option(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 5:
        raise ValueError(f"a test recipient chooses option 1 to 5, not {n!r}")
    return n


def _delayed(verb: str, after: Delay) -> str:
    if after is None:
        return verb
    seconds = after.total_seconds() if isinstance(after, timedelta) else after
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds != int(seconds) \
            or not 1 <= seconds <= 3600:
        raise ValueError(f"a test recipient's delay is 1 to 3600 whole seconds, not {after!r}")
    return f"{verb}-after-{int(seconds)}"


class SmsTestRecipients:
    """``+1500555000n`` answers with option n 2 s after the create; ``+15005550009`` times out after 5 s;
    ``+15005550008`` fails. SMS takes no other delay."""

    def choose(self, n: int) -> TestRecipient:
        return TestRecipient(Channel.SMS, f"+1500555000{_option(n)}")

    def timeout(self) -> TestRecipient:
        return TestRecipient(Channel.SMS, "+15005550009")

    def fail(self) -> TestRecipient:
        return TestRecipient(Channel.SMS, "+15005550008")


class VerbTestRecipients:
    """The verbs email and Slack share: ``choose-<n>[-after-<s>]``, ``timeout[-after-<s>]``, ``fail``."""

    def __init__(self, channel: Channel, address: Callable[[str], str]) -> None:
        self._channel = channel
        self._address = address

    def _to(self, verb: str) -> TestRecipient:
        return TestRecipient(self._channel, self._address(verb))

    def choose(self, n: int, after: Delay = None) -> TestRecipient:
        """Answers with option ``n`` (1-based) after 2 s, or ``after`` (seconds or a timedelta)."""
        return self._to(_delayed(f"choose-{_option(n)}", after))

    def timeout(self, after: Delay = None) -> TestRecipient:
        """Makes the pause time out after 5 s, or ``after``."""
        return self._to(_delayed("timeout", after))

    def fail(self) -> TestRecipient:
        """Delivery fails: the pause shows ``delivery.status`` ``failed``."""
        return self._to("fail")


class TestRecipients:
    """``sms``, ``email`` and ``slack`` test recipients; use the instance :data:`test_recipients`."""

    __test__ = False

    sms = SmsTestRecipients()
    email = VerbTestRecipients(Channel.EMAIL, lambda verb: f"{verb}@{EMAIL_DOMAIN}")
    slack = VerbTestRecipients(Channel.SLACK, lambda verb: f"{SLACK_PREFIX}{verb}")


test_recipients = TestRecipients()
