"""The API's objects as typed, immutable dataclasses.

Field names are the wire names (snake_case). Timestamps are timezone-aware UTC datetimes, calendar dates
``date``s, and numbers in ``metadata`` keep their exact value (``Decimal`` for fractions and exponents).
Each ``from_json`` reads exactly what docs/api-reference.md promises; a field the server adds later is
ignored, and a status or channel added later reads as ``UNKNOWN`` instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any, Dict, List, Mapping, Optional


class PauseStatus(str, Enum):
    PENDING = "pending"
    RESPONDED = "responded"
    TIMED_OUT = "timed_out"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> "PauseStatus":
        return cls.UNKNOWN


class Channel(str, Enum):
    SMS = "sms"
    EMAIL = "email"
    SLACK = "slack"
    UNKNOWN = "unknown"

    @classmethod
    def _missing_(cls, value: object) -> "Channel":
        return cls.UNKNOWN


def _datetime(value: Any) -> Optional[datetime]:
    if value is None:
        return None
    text = str(value)
    # fromisoformat reads a trailing "Z" only from Python 3.11 on.
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _date(value: Any) -> Optional[date]:
    return None if value is None else date.fromisoformat(str(value))


def _int(value: Any) -> Optional[int]:
    return None if value is None else int(value)


def _strings(value: Any) -> List[str]:
    return [str(item) for item in value] if isinstance(value, list) else []


def _object(value: Any) -> Dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Delivery:
    """The notification of a pause: ``queued``, then ``sent`` (or ``sandbox``), then ``delivered`` or ``failed``."""

    status: Optional[str]
    attempts: Optional[int]
    last_error: Optional[str]
    updated_at: Optional[datetime]
    sandbox_message: Optional[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Delivery":
        return cls(
            status=data.get("status"),
            attempts=_int(data.get("attempts")),
            last_error=data.get("last_error"),
            updated_at=_datetime(data.get("updated_at")),
            sandbox_message=data.get("sandbox_message"),
        )


@dataclass(frozen=True)
class Pause:
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

    @property
    def is_pending(self) -> bool:
        return self.status is PauseStatus.PENDING

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Pause":
        channel = data.get("channel")
        delivery = data.get("delivery")
        return cls(
            pause_id=str(data["pause_id"]),
            status=PauseStatus(data.get("status")),
            livemode=bool(data.get("livemode")),
            channel=None if channel is None else Channel(channel),
            recipient=data.get("recipient"),
            message=data.get("message"),
            options=_strings(data.get("options")),
            allow_text_response=bool(data.get("allow_text_response")),
            timeout_default=data.get("timeout_default"),
            metadata=data.get("metadata"),
            created_at=_datetime(data.get("created_at")),
            expires_at=_datetime(data.get("expires_at")),
            respond_url=data.get("respond_url"),
            response_choice=data.get("response_choice"),
            response_text=data.get("response_text"),
            response_at=_datetime(data.get("response_at")),
            cancelled_at=_datetime(data.get("cancelled_at")),
            delivery=Delivery.from_json(delivery) if isinstance(delivery, dict) else None,
        )


@dataclass(frozen=True)
class PausePage:
    items: List[Pause]
    limit: int
    offset: int
    has_more: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PausePage":
        return cls(
            items=[Pause.from_json(item) for item in data.get("items") or []],
            limit=int(data["limit"]),
            offset=int(data["offset"]),
            has_more=bool(data.get("has_more")),
        )


@dataclass(frozen=True)
class Registration:
    """A new account. ``api_key`` and ``test_api_key`` are shown this once."""

    developer_id: str
    api_key: str
    test_api_key: str
    plan: str
    message: Optional[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Registration":
        return cls(
            developer_id=str(data["developer_id"]),
            api_key=str(data["api_key"]),
            test_api_key=str(data["test_api_key"]),
            plan=str(data["plan"]),
            message=data.get("message"),
        )


@dataclass(frozen=True)
class Session:
    developer_id: str
    session_token: str
    expires_at: Optional[datetime]
    plan: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Session":
        return cls(
            developer_id=str(data["developer_id"]),
            session_token=str(data["session_token"]),
            expires_at=_datetime(data.get("expires_at")),
            plan=str(data["plan"]),
        )


@dataclass(frozen=True)
class Usage:
    """The current calendar month in UTC; ``period_end`` is exclusive, ``pauses_limit`` None when unlimited."""

    period_start: Optional[datetime]
    period_end: Optional[datetime]
    pauses_used: int
    pauses_limit: Optional[int]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Usage":
        return cls(
            period_start=_datetime(data.get("period_start")),
            period_end=_datetime(data.get("period_end")),
            pauses_used=int(data.get("pauses_used") or 0),
            pauses_limit=_int(data.get("pauses_limit")),
        )


@dataclass(frozen=True)
class Account:
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

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Account":
        return cls(
            developer_id=str(data["developer_id"]),
            email=str(data["email"]),
            name=str(data["name"]),
            plan=str(data["plan"]),
            api_key_prefix=data.get("api_key_prefix"),
            test_api_key_prefix=data.get("test_api_key_prefix"),
            api_key_created_at=_datetime(data.get("api_key_created_at")),
            test_api_key_created_at=_datetime(data.get("test_api_key_created_at")),
            usage=Usage.from_json(_object(data.get("usage"))),
            created_at=_datetime(data.get("created_at")),
        )


@dataclass(frozen=True)
class RotatedKey:
    """A new key, shown this once; the old key of that mode is revoked."""

    key_type: str
    api_key: str
    api_key_prefix: str
    rotated_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "RotatedKey":
        return cls(
            key_type=str(data["key_type"]),
            api_key=str(data["api_key"]),
            api_key_prefix=str(data["api_key_prefix"]),
            rotated_at=_datetime(data.get("rotated_at")),
        )


@dataclass(frozen=True)
class ResponsePrompt:
    """What a response link asks (``GET /v1/respond/{token}``), for a pending or cancelled pause."""

    pause_id: str
    message: str
    options: List[str]
    allow_text_response: bool
    status: PauseStatus
    expires_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ResponsePrompt":
        return cls(
            pause_id=str(data["pause_id"]),
            message=str(data.get("message") or ""),
            options=_strings(data.get("options")),
            allow_text_response=bool(data.get("allow_text_response")),
            status=PauseStatus(data.get("status")),
            expires_at=_datetime(data.get("expires_at")),
        )


@dataclass(frozen=True)
class ResponseResult:
    """The recorded answer of ``POST /v1/respond/{token}``."""

    pause_id: str
    status: PauseStatus
    choice: str
    response_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "ResponseResult":
        return cls(
            pause_id=str(data["pause_id"]),
            status=PauseStatus(data.get("status")),
            choice=str(data["choice"]),
            response_at=_datetime(data.get("response_at")),
        )


@dataclass(frozen=True)
class Webhook:
    """A webhook endpoint. Its secret is the one given at creation; the API never shows it again."""

    webhook_id: str
    url: str
    events: List[str]
    created_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Webhook":
        return cls(
            webhook_id=str(data["webhook_id"]),
            url=str(data["url"]),
            events=_strings(data.get("events")),
            created_at=_datetime(data.get("created_at")),
        )


@dataclass(frozen=True)
class WebhookDelivery:
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

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "WebhookDelivery":
        return cls(
            delivery_id=str(data["delivery_id"]),
            event_id=str(data["event_id"]),
            event=str(data["event"]),
            pause_id=data.get("pause_id"),
            attempt=int(data.get("attempt") or 0),
            status_code=_int(data.get("status_code")),
            error=data.get("error"),
            duration_ms=_int(data.get("duration_ms")),
            next_attempt_at=_datetime(data.get("next_attempt_at")),
            created_at=_datetime(data.get("created_at")),
            webhook_id=data.get("webhook_id"),
            url=data.get("url"),
        )


@dataclass(frozen=True)
class WebhookTest:
    """A queued ``webhook.test``: ``event_id`` is the ``X-PausePoint-Delivery`` the receiver will get."""

    delivery_id: str
    event_id: str
    event: str

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "WebhookTest":
        return cls(delivery_id=str(data["delivery_id"]), event_id=str(data["event_id"]), event=str(data["event"]))


@dataclass(frozen=True)
class Notification:
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

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Notification":
        channel = data.get("channel")
        return cls(
            channel=None if channel is None else Channel(channel),
            attempt=_int(data.get("attempt")),
            status=str(data.get("status")),
            provider_message_id=data.get("provider_message_id"),
            status_code=_int(data.get("status_code")),
            error=data.get("error"),
            duration_ms=_int(data.get("duration_ms")),
            next_attempt_at=_datetime(data.get("next_attempt_at")),
            created_at=_datetime(data.get("created_at")),
            status_at=_datetime(data.get("status_at")),
        )


@dataclass(frozen=True)
class DeliveryTimeline:
    """``GET /v1/deliveries?pause_id=``: both lists oldest first, empty for a pause not (yet) known."""

    pause_id: str
    notifications: List[Notification]
    webhook_deliveries: List[WebhookDelivery]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "DeliveryTimeline":
        return cls(
            pause_id=str(data["pause_id"]),
            notifications=[Notification.from_json(item) for item in data.get("notifications") or []],
            webhook_deliveries=[WebhookDelivery.from_json(item) for item in data.get("webhook_deliveries") or []],
        )


@dataclass(frozen=True)
class AuditEntry:
    id: str
    developer_id: str
    pause_request_id: Optional[str]
    event_type: str
    actor: str
    detail: Dict[str, Any]
    ip: Optional[str]
    created_at: Optional[datetime]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AuditEntry":
        return cls(
            id=str(data["id"]),
            developer_id=str(data["developer_id"]),
            pause_request_id=data.get("pause_request_id"),
            event_type=str(data["event_type"]),
            actor=str(data.get("actor")),
            detail=_object(data.get("detail")),
            ip=data.get("ip"),
            created_at=_datetime(data.get("created_at")),
        )


@dataclass(frozen=True)
class AuditPage:
    items: List[AuditEntry]
    limit: int
    offset: int
    has_more: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AuditPage":
        return cls(
            items=[AuditEntry.from_json(item) for item in data.get("items") or []],
            limit=int(data["limit"]),
            offset=int(data["offset"]),
            has_more=bool(data.get("has_more")),
        )


@dataclass(frozen=True)
class DayStats:
    date: date
    created: int
    pending: int
    responded: int
    timed_out: int
    cancelled: int

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "DayStats":
        return cls(
            date=date.fromisoformat(str(data["date"])),
            created=int(data["created"]),
            pending=int(data["pending"]),
            responded=int(data["responded"]),
            timed_out=int(data["timed_out"]),
            cancelled=int(data["cancelled"]),
        )


@dataclass(frozen=True)
class PauseStats:
    """``GET /v1/stats/pauses``: one entry per UTC day, oldest first, today included."""

    from_date: Optional[date]
    to_date: Optional[date]
    days: List[DayStats]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "PauseStats":
        return cls(
            from_date=_date(data.get("from_date")),
            to_date=_date(data.get("to_date")),
            days=[DayStats.from_json(item) for item in data.get("days") or []],
        )


@dataclass(frozen=True)
class Plan:
    """A plan; ``pauses_per_month`` is None when unlimited, ``sold`` whether checkout would sell it."""

    plan: str
    pauses_per_month: Optional[int]
    channels: List[str]
    max_timeout_hours: Optional[int]
    sold: bool

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Plan":
        return cls(
            plan=str(data["plan"]),
            pauses_per_month=_int(data.get("pauses_per_month")),
            channels=_strings(data.get("channels")),
            max_timeout_hours=_int(data.get("max_timeout_hours")),
            sold=bool(data.get("sold")),
        )


@dataclass(frozen=True)
class Subscription:
    """The developer's latest subscription; every field but ``plan`` is None without one."""

    plan: str
    status: Optional[str]
    current_period_end: Optional[datetime]
    scheduled_change: Optional[str]
    scheduled_change_at: Optional[datetime]
    plan_ends_at: Optional[datetime]
    paddle_subscription_id: Optional[str]
    paddle_customer_id: Optional[str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Subscription":
        return cls(
            plan=str(data["plan"]),
            status=data.get("status"),
            current_period_end=_datetime(data.get("current_period_end")),
            scheduled_change=data.get("scheduled_change"),
            scheduled_change_at=_datetime(data.get("scheduled_change_at")),
            plan_ends_at=_datetime(data.get("plan_ends_at")),
            paddle_subscription_id=data.get("paddle_subscription_id"),
            paddle_customer_id=data.get("paddle_customer_id"),
        )


@dataclass(frozen=True)
class Health:
    """``GET /health``: ``status`` ``ok`` or ``degraded``, each service ``ok`` or ``down``; ``instances``
    (``{"ready": n, "configured": n}`` per service) only when a service runs as several instances."""

    status: str
    services: Dict[str, str]
    instances: Optional[Dict[str, Dict[str, int]]]

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "Health":
        instances = data.get("instances")
        return cls(
            status=str(data["status"]),
            services={str(name): str(state) for name, state in _object(data.get("services")).items()},
            instances=instances if isinstance(instances, dict) else None,
        )
