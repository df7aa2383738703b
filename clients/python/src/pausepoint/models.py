"""The API's objects as typed, immutable dataclasses.

Field names are the wire names (snake_case). Timestamps are timezone-aware UTC datetimes, calendar dates
``date``s, and numbers in ``metadata`` keep their exact value (``Decimal`` for fractions and exponents).
``Model.from_json`` reads each by its field types, as docs/api-reference.md describes it; a field the
server adds later is ignored, and a status or channel added later reads as ``UNKNOWN`` instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from enum import Enum
from typing import (
    Any, Callable, Dict, List, Mapping, Optional, Type, TypeVar, Union, get_args, get_origin, get_type_hints,
)


class _OpenEnum(str, Enum):
    """An enum of the wire's values whose value a newer server adds reads as ``UNKNOWN``."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        return cls["UNKNOWN"]


class PauseStatus(_OpenEnum):
    PENDING = "pending"
    RESPONDED = "responded"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class Channel(_OpenEnum):
    SMS = "sms"
    EMAIL = "email"
    SLACK = "slack"
    UNKNOWN = "unknown"


class NotificationKind(_OpenEnum):
    """Why a notification of a pause was sent."""

    INITIAL = "initial"
    REMINDER = "reminder"
    ESCALATION = "escalation"
    UNKNOWN = "unknown"


class DeliveryStatus(_OpenEnum):
    """Where one notification stands: ``scheduled`` until due, then ``queued``, ``sent`` (or ``sandbox``),
    ``delivered`` or ``failed``; ``skipped`` when its time came, or will come, after the pause ended."""

    SCHEDULED = "scheduled"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    SANDBOX = "sandbox"
    SKIPPED = "skipped"
    UNKNOWN = "unknown"


def _datetime(value: Any) -> datetime:
    if isinstance(value, int) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    text = str(value)
    # fromisoformat reads a trailing "Z" only from Python 3.11 on.
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


M = TypeVar("M", bound="Model")


class Model:
    """A model read from the API's JSON by the types of its fields, so no model repeats the reading."""

    @classmethod
    def from_json(cls: Type[M], data: Mapping[str, Any]) -> M:
        if not isinstance(data, Mapping):
            raise ValueError(f"{cls.__name__} must be a JSON object, got {type(data).__name__}")
        hints = _field_types(cls)
        return cls(**{field.name: _read(hints[field.name], data.get(field.name), f"{cls.__name__}.{field.name}")
                      for field in fields(cls)})


_FIELD_TYPES: Dict[type, Dict[str, Any]] = {}


def _field_types(cls: type) -> Dict[str, Any]:
    if cls not in _FIELD_TYPES:
        _FIELD_TYPES[cls] = get_type_hints(cls)
    return _FIELD_TYPES[cls]


def _read(kind: Any, value: Any, where: str) -> Any:
    """``value`` as ``kind``: None only where the type is Optional; an absent list, object or flag is
    empty or false; a missing required value is an error rather than a silent None."""
    origin, args = get_origin(kind), get_args(kind)
    if origin is Union:
        if value is None:
            return None
        return _read(next(arg for arg in args if arg is not type(None)), value, where)
    if origin is list:
        return [_read(args[0], item, f"{where}[{index}]") for index, item in enumerate(value or [])]
    if origin is dict:
        return dict(value or {})
    if kind is Any:
        return value
    if kind is bool:
        return bool(value)
    if value is None:
        raise ValueError(f"{where} is missing")
    if isinstance(kind, type) and issubclass(kind, Model):
        return kind.from_json(value)
    if kind is datetime:
        return _datetime(value)
    if kind is date:
        return date.fromisoformat(str(value))
    convert: Callable[[Any], Any] = kind
    return convert(value)


@dataclass(frozen=True)
class Delivery(Model):
    """The notification of a pause: ``queued``, then ``sent`` (or ``sandbox``), then ``delivered`` or ``failed``."""

    status: Optional[str]
    attempts: Optional[int]
    last_error: Optional[str]
    updated_at: Optional[datetime]
    sandbox_message: Optional[str]


@dataclass(frozen=True)
class PauseNotification(Model):
    """One notification of a pause: ``notification`` 0 is the first, then 1, 2, ... in the order they were
    sent; ``step`` (1–3) for an escalation, ``reminder`` (1–5) for a reminder, None otherwise."""

    notification: int
    kind: NotificationKind
    step: Optional[int]
    reminder: Optional[int]
    channel: Optional[Channel]
    recipient: Optional[str]
    due_at: Optional[datetime]
    status: DeliveryStatus
    attempts: int
    last_error: Optional[str]
    updated_at: Optional[datetime]


@dataclass(frozen=True)
class Pause(Model):
    """A pause. The create's answer holds only ``pause_id``, ``status``, ``respond_url``, ``expires_at``,
    ``created_at`` and ``livemode``; its other fields are then None (read the pause for them)."""

    pause_id: str
    status: PauseStatus
    livemode: bool
    channel: Optional[Channel]
    recipient: Optional[str]
    message: Optional[str]
    options: List[str]
    allow_text_response: bool
    timeout_default: Optional[str]
    metadata: Optional[Dict[str, Any]]
    created_at: Optional[datetime]
    expires_at: Optional[datetime]
    respond_url: Optional[str]
    response_choice: Optional[str]
    response_text: Optional[str]
    response_at: Optional[datetime]
    cancelled_at: Optional[datetime]
    delivery: Optional[Delivery]
    #: The agent the create named; None when none.
    agent_name: Optional[str] = None
    #: Every notification in due order (the first, reminders, escalation steps); ``delivery`` repeats the first.
    deliveries: List[PauseNotification] = field(default_factory=list)

    @property
    def is_pending(self) -> bool:
        return self.status is PauseStatus.PENDING


@dataclass(frozen=True)
class PausePage(Model):
    items: List[Pause]
    limit: int
    offset: int
    has_more: bool


@dataclass(frozen=True)
class Registration(Model):
    """A new account. ``api_key`` and ``test_api_key`` are shown this once."""

    developer_id: str
    api_key: str
    test_api_key: str
    plan: str
    message: Optional[str]


@dataclass(frozen=True)
class Session(Model):
    developer_id: str
    session_token: str
    expires_at: Optional[datetime]
    plan: str


@dataclass(frozen=True)
class Usage(Model):
    """The current calendar month in UTC; ``period_end`` is exclusive, ``pauses_limit`` None when unlimited."""

    period_start: Optional[datetime]
    period_end: Optional[datetime]
    pauses_used: int
    pauses_limit: Optional[int]


@dataclass(frozen=True)
class Account(Model):
    """``GET /v1/auth/me``."""

    developer_id: str
    email: str
    name: str
    plan: str
    api_key_prefix: Optional[str]
    test_api_key_prefix: Optional[str]
    api_key_created_at: Optional[datetime]
    test_api_key_created_at: Optional[datetime]
    usage: Usage
    created_at: Optional[datetime]


@dataclass(frozen=True)
class RotatedKey(Model):
    """A new key, shown this once; the old key of that mode is revoked."""

    key_type: str
    api_key: str
    api_key_prefix: str
    rotated_at: Optional[datetime]


@dataclass(frozen=True)
class RequestedBy(Model):
    """Who is asking: the developer's account name at the create, and the agent it named (or None)."""

    account_name: Optional[str]
    agent_name: Optional[str]


@dataclass(frozen=True)
class ResponsePrompt(Model):
    """What a response link asks (``GET /v1/respond/{token}``), for a pending or cancelled pause;
    ``timeout_default`` is the option recorded if nobody answers before ``expires_at``."""

    pause_id: str
    message: str
    options: List[str]
    allow_text_response: bool
    status: PauseStatus
    expires_at: Optional[datetime]
    requested_by: Optional[RequestedBy] = None
    timeout_default: Optional[str] = None


@dataclass(frozen=True)
class ResponseResult(Model):
    """The recorded answer of ``POST /v1/respond/{token}``."""

    pause_id: str
    status: PauseStatus
    choice: str
    response_at: Optional[datetime]


@dataclass(frozen=True)
class Webhook(Model):
    """A webhook endpoint. Its secret is the one given at creation; the API never shows it again."""

    webhook_id: str
    url: str
    events: List[str]
    created_at: Optional[datetime]


@dataclass(frozen=True)
class WebhookDelivery(Model):
    """One attempt to post an event to an endpoint. ``webhook_id`` and ``url`` are set in a pause's
    delivery timeline, None in an endpoint's own log."""

    delivery_id: str
    event_id: str
    event: str
    pause_id: Optional[str]
    attempt: int
    status_code: Optional[int]
    error: Optional[str]
    duration_ms: Optional[int]
    next_attempt_at: Optional[datetime]
    created_at: Optional[datetime]
    webhook_id: Optional[str] = None
    url: Optional[str] = None


@dataclass(frozen=True)
class WebhookTest(Model):
    """A queued ``webhook.test``: ``event_id`` is the ``X-PausePoint-Delivery`` the receiver will get."""

    delivery_id: str
    event_id: str
    event: str


@dataclass(frozen=True)
class Notification(Model):
    """One provider send of a pause's notification (a test pause has one entry, ``status`` ``sandbox``)."""

    channel: Optional[Channel]
    attempt: Optional[int]
    status: str
    provider_message_id: Optional[str]
    status_code: Optional[int]
    error: Optional[str]
    duration_ms: Optional[int]
    next_attempt_at: Optional[datetime]
    created_at: Optional[datetime]
    status_at: Optional[datetime]


@dataclass(frozen=True)
class DeliveryTimeline(Model):
    """``GET /v1/deliveries?pause_id=``: both lists oldest first, empty for a pause not (yet) known."""

    pause_id: str
    notifications: List[Notification]
    webhook_deliveries: List[WebhookDelivery]


@dataclass(frozen=True)
class AuditEntry(Model):
    id: str
    developer_id: str
    pause_request_id: Optional[str]
    event_type: str
    actor: str
    detail: Dict[str, Any]
    ip: Optional[str]
    created_at: Optional[datetime]


@dataclass(frozen=True)
class AuditPage(Model):
    items: List[AuditEntry]
    limit: int
    offset: int
    has_more: bool


@dataclass(frozen=True)
class DayStats(Model):
    date: date
    created: int
    pending: int
    responded: int
    timed_out: int
    cancelled: int


@dataclass(frozen=True)
class PauseStats(Model):
    """``GET /v1/stats/pauses``: one entry per UTC day, oldest first, today included."""

    from_date: Optional[date]
    to_date: Optional[date]
    days: List[DayStats]


@dataclass(frozen=True)
class Plan(Model):
    """A plan; ``pauses_per_month`` is None when unlimited, ``sold`` whether checkout would sell it."""

    plan: str
    pauses_per_month: Optional[int]
    channels: List[str]
    max_timeout_hours: Optional[int]
    sold: bool


@dataclass(frozen=True)
class Subscription(Model):
    """The developer's latest subscription; every field but ``plan`` is None without one."""

    plan: str
    status: Optional[str]
    current_period_end: Optional[datetime]
    scheduled_change: Optional[str]
    scheduled_change_at: Optional[datetime]
    plan_ends_at: Optional[datetime]
    paddle_subscription_id: Optional[str]
    paddle_customer_id: Optional[str]


@dataclass(frozen=True)
class Health(Model):
    """``GET /health``: ``status`` ``ok`` or ``degraded``, each service ``ok`` or ``down``; ``instances``
    (``{"ready": n, "configured": n}`` per service) only when a service runs as several instances."""

    status: str
    services: Dict[str, str]
    instances: Optional[Dict[str, Dict[str, int]]]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

@dataclass(frozen=True)
class Reminders:
    """For a create: the same recipient notified again, marked as a reminder, every ``every_minutes`` (at
    least 5), at most ``max`` times (1–5), while the pause is pending."""

    every_minutes: int
    max: int

    def to_json(self) -> Dict[str, Any]:
        return {"every_minutes": self.every_minutes, "max": self.max}


@dataclass(frozen=True)
class EscalationStep:
    """For a create: ``recipient`` notified on ``channel``, with a link of their own, ``after_minutes``
    after the create if the pause is still pending (1–3 steps, each later than the one before)."""

    after_minutes: int
    channel: Union[Channel, str]
    recipient: str

    def to_json(self) -> Dict[str, Any]:
        channel = self.channel.value if isinstance(self.channel, Channel) else self.channel
        return {"after_minutes": self.after_minutes, "channel": channel, "recipient": self.recipient}
