"""Checking that a webhook post came from PausePoint (docs/api-reference.md, "Webhooks").

The signature is ``sha256=`` and the lowercase hex HMAC-SHA256 of the raw body under the endpoint's
secret. The body carries the attempt's unix ``timestamp``, so checking it against the clock refuses a
captured post replayed later; ``X-PausePoint-Timestamp`` repeats it unsigned, and a post whose header
disagrees with its signed body is refused too.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Dict, Iterable, Mapping, Optional, Union

from . import _json
from .models import Channel, Model, NotificationKind

SIGNATURE_HEADER = "X-PausePoint-Signature"
TIMESTAMP_HEADER = "X-PausePoint-Timestamp"

Headers = Mapping[str, Union[str, Iterable[str]]]


class WebhookVerificationError(Exception):
    """The post is not a genuine, fresh PausePoint webhook: answer it 4xx and ignore it."""


PAUSE_RESPONDED = "pause.responded"
PAUSE_TIMED_OUT = "pause.timed_out"
PAUSE_CANCELLED = "pause.cancelled"
#: Sent only to endpoints that subscribe to it by name, as ``pause.escalated``.
PAUSE_REMINDED = "pause.reminded"
PAUSE_ESCALATED = "pause.escalated"
WEBHOOK_TEST = "webhook.test"


@dataclass(frozen=True)
class WebhookEventData(Model):
    """For the terminal events, what a read of the pause shows: the choice and note (for a timeout the
    default and the expiry; for a cancel and a ``webhook.test`` all None). For ``pause.reminded`` and
    ``pause.escalated``, which notification went out (``notification``, ``kind``, ``step`` or
    ``reminder``, ``channel``), None for the other events. ``metadata`` is the pause's."""

    choice: Optional[str]
    text: Optional[str]
    response_at: Optional[datetime]
    metadata: Optional[Dict[str, Any]]
    notification: Optional[int] = None
    kind: Optional[NotificationKind] = None
    step: Optional[int] = None
    reminder: Optional[int] = None
    channel: Optional[Channel] = None


@dataclass(frozen=True)
class WebhookEvent(Model):
    """A verified post. ``event_id`` is the same on every retry of one event: deduplicate on it."""

    event_id: str
    event: str
    pause_id: Optional[str]
    developer_id: str
    livemode: bool
    timestamp: datetime
    data: WebhookEventData


def verify_webhook(raw_body: Union[bytes, str], headers: Headers, secret: str, tolerance: float = 300,
                   *, now: Optional[float] = None) -> WebhookEvent:
    """Verifies a webhook post and returns its event, or raises :class:`WebhookVerificationError`.

    ``raw_body`` must be the bytes exactly as received (not re-serialized JSON). ``headers`` is any
    mapping of names to a value or a list of values, names in any case (a framework's request
    headers, or ``dict``). A post more than ``tolerance`` seconds away from ``now`` (the current unix
    time by default) is refused as stale.
    """
    if not secret:
        raise ValueError("secret must not be empty")
    body = raw_body.encode("utf-8") if isinstance(raw_body, str) else bytes(raw_body)
    signature = _header(headers, SIGNATURE_HEADER)
    if signature is None:
        raise WebhookVerificationError(f"missing {SIGNATURE_HEADER}")
    expected = "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature.strip().encode("utf-8"), expected.encode("utf-8")):
        raise WebhookVerificationError("signature does not match the body under this secret")
    try:
        payload = _json.loads(body)
    except ValueError as failure:
        raise WebhookVerificationError("signed body is not JSON") from failure
    if not isinstance(payload, dict):
        raise WebhookVerificationError("signed body is not a JSON object")
    stamp = payload.get("timestamp")
    if not isinstance(stamp, int) or isinstance(stamp, bool):
        raise WebhookVerificationError("signed body has no integer timestamp")
    header_stamp = _header(headers, TIMESTAMP_HEADER)
    if header_stamp is not None and header_stamp.strip() != str(stamp):
        raise WebhookVerificationError(f"{TIMESTAMP_HEADER} does not match the signed timestamp")
    current = time.time() if now is None else now
    if abs(current - stamp) > tolerance:
        raise WebhookVerificationError(f"timestamp {stamp} is more than {tolerance:g} s from now")
    try:
        return WebhookEvent.from_json(payload)
    except (ValueError, TypeError) as failure:
        raise WebhookVerificationError(f"signed body is not an event: {failure}") from failure


def _header(headers: Headers, name: str) -> Optional[str]:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() != wanted:
            continue
        if isinstance(value, str):
            return value
        values = [item for item in value]
        if len(values) != 1:
            raise WebhookVerificationError(f"expected one {name}, got {len(values)}")
        return str(values[0])
    return None
