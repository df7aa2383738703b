"""Every endpoint of docs/api-reference.md as a :class:`~pausepoint._core.Call`, built once for both clients."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Type, TypeVar, Union
from urllib.parse import quote, urlsplit

import httpx

from . import models
from ._core import Call, Config, error_from, json_body, long_poll_seconds, long_poll_timeout

DateLike = Union[date, str]
M = TypeVar("M", bound=models.Model)


def segment(value: str, name: str) -> str:
    """One path segment holding ``value`` and nothing else.

    Every reserved character is escaped, so an id cannot add segments, a query or a fragment; ``.``
    and ``..`` are escaped too, since they would otherwise be read as "this" and "the parent" path.
    An empty id would address the collection instead, so it is refused here.
    """
    if not isinstance(value, str) or not value:
        raise ValueError(f"{name} must be a non-empty string")
    encoded = quote(value, safe="")
    return encoded.replace(".", "%2E") if encoded in (".", "..") else encoded


def respond_token(respond_url: str) -> str:
    """The token of a ``respond_url`` (its last path segment), for :meth:`~pausepoint.PausePoint.respond`."""
    path = urlsplit(respond_url).path.rstrip("/")
    token = path.rsplit("/", 1)[-1]
    if not token:
        raise ValueError("respond_url has no token")
    return token


def _value(item: Any) -> Any:
    if isinstance(item, (models.PauseStatus, models.Channel)):
        return item.value
    if isinstance(item, datetime):
        return item.date().isoformat()
    if isinstance(item, date):
        return item.isoformat()
    return item


def _plain(item: Union[models.Reminders, models.EscalationStep, Mapping[str, Any]]) -> Dict[str, Any]:
    """A request object or a mapping of wire names as the JSON object sent; values are the server's to judge."""
    if isinstance(item, (models.Reminders, models.EscalationStep)):
        return item.to_json()
    return {name: _value(value) for name, value in item.items()}


def _parse_json(model: Type[M]) -> Callable[[httpx.Response], M]:
    return lambda response: model.from_json(json_body(response))


def _items(model: Type[M]) -> Callable[[httpx.Response], List[M]]:
    return lambda response: [model.from_json(item) for item in json_body(response).get("items") or []]


def _message(response: httpx.Response) -> str:
    return str(json_body(response).get("message") or "")


def _nothing(response: httpx.Response) -> None:
    return None


# Auth


def register(email: str, name: str, password: str) -> Call[models.Registration]:
    return Call("POST", "/v1/auth/register", _parse_json(models.Registration), has_body=True, authenticated=False,
                body={"email": email, "name": name, "password": password})


def login(email: str, password: str) -> Call[models.Session]:
    return Call("POST", "/v1/auth/login", _parse_json(models.Session), has_body=True, authenticated=False,
                body={"email": email, "password": password})


def logout() -> Call[None]:
    return Call("POST", "/v1/auth/logout", _nothing, idempotent=True)


def me() -> Call[models.Account]:
    return Call("GET", "/v1/auth/me", _parse_json(models.Account), idempotent=True)


def rotate_key(key_type: Optional[str]) -> Call[models.RotatedKey]:
    body = {} if key_type is None else {"key_type": key_type}
    return Call("POST", "/v1/auth/keys/rotate", _parse_json(models.RotatedKey), has_body=True, body=body)


def request_password_reset(email: str) -> Call[str]:
    return Call("POST", "/v1/auth/password-reset", _message, has_body=True, authenticated=False,
                body={"email": email})


def confirm_password_reset(token: str, password: str) -> Call[str]:
    return Call("POST", "/v1/auth/password-reset/confirm", _message, has_body=True, authenticated=False,
                body={"token": token, "password": password})


# Pauses


def create_pause(
    *,
    channel: Union[models.Channel, str],
    recipient: str,
    message: str,
    options: Sequence[str],
    allow_text_response: Optional[bool],
    timeout_hours: Optional[int],
    timeout_default: Optional[str],
    metadata: Optional[Mapping[str, Any]],
    agent_name: Optional[str] = None,
    reminders: Union[models.Reminders, Mapping[str, Any], None] = None,
    escalation: Optional[Sequence[Union[models.EscalationStep, Mapping[str, Any]]]] = None,
    idempotency_key: Optional[str] = None,
) -> Call[models.Pause]:
    body: Dict[str, Any] = {
        "channel": _value(channel),
        "recipient": recipient,
        "message": message,
        "options": list(options),
    }
    optional = {
        "allow_text_response": allow_text_response,
        "timeout_hours": timeout_hours,
        "timeout_default": timeout_default,
        "metadata": metadata,
        "agent_name": agent_name,
        "reminders": None if reminders is None else _plain(reminders),
        "escalation": None if escalation is None else [_plain(step) for step in escalation],
    }
    body.update({name: value for name, value in optional.items() if value is not None})
    # Generated once per call, so every retry of this create carries the same key and the API
    # answers a retry of a create that did land with that pause instead of making a second.
    key = idempotency_key if idempotency_key is not None else str(uuid.uuid4())
    return Call("POST", "/v1/pause", _parse_json(models.Pause), has_body=True, body=body,
                headers={"Idempotency-Key": key}, idempotent=True)


def get_pause(config: Config, pause_id: str, wait: Optional[float]) -> Call[models.Pause]:
    seconds = long_poll_seconds(wait)
    return Call("GET", f"/v1/pause/{segment(pause_id, 'pause_id')}", _parse_json(models.Pause),
                params={"wait": seconds}, idempotent=True, timeout=long_poll_timeout(config, seconds))


def cancel_pause(pause_id: str) -> Call[models.Pause]:
    return Call("DELETE", f"/v1/pause/{segment(pause_id, 'pause_id')}", _parse_json(models.Pause), idempotent=True)


def list_pauses(
    status: Union[models.PauseStatus, str, None], channel: Union[models.Channel, str, None], limit: Optional[int],
    offset: Optional[int],
) -> Call[models.PausePage]:
    params = {"status": _value(status), "channel": _value(channel), "limit": limit, "offset": offset}
    return Call("GET", "/v1/pause", _parse_json(models.PausePage), params=params, idempotent=True)


# Human response


def get_response_prompt(token: str) -> Call[models.ResponsePrompt]:
    return Call("GET", f"/v1/respond/{segment(token, 'token')}", _parse_json(models.ResponsePrompt),
                authenticated=False, idempotent=True)


def respond(token: str, choice: str, text: Optional[str]) -> Call[models.ResponseResult]:
    body: Dict[str, Any] = {"choice": choice}
    if text is not None:
        body["text"] = text
    return Call("POST", f"/v1/respond/{segment(token, 'token')}", _parse_json(models.ResponseResult), has_body=True,
                body=body, authenticated=False)


# Webhooks


def create_webhook(url: str, secret: str, events: Optional[Sequence[str]]) -> Call[models.Webhook]:
    body: Dict[str, Any] = {"url": url, "secret": secret}
    if events is not None:
        body["events"] = list(events)
    return Call("POST", "/v1/webhooks", _parse_json(models.Webhook), has_body=True, body=body)


def list_webhooks() -> Call[List[models.Webhook]]:
    return Call("GET", "/v1/webhooks", _items(models.Webhook), idempotent=True)


def delete_webhook(webhook_id: str) -> Call[None]:
    return Call("DELETE", f"/v1/webhooks/{segment(webhook_id, 'webhook_id')}", _nothing, idempotent=True)


def list_webhook_deliveries(webhook_id: str, limit: Optional[int]) -> Call[List[models.WebhookDelivery]]:
    return Call("GET", f"/v1/webhooks/{segment(webhook_id, 'webhook_id')}/deliveries", _items(models.WebhookDelivery),
                params={"limit": limit}, idempotent=True)


def test_webhook(webhook_id: str) -> Call[models.WebhookTest]:
    return Call("POST", f"/v1/webhooks/{segment(webhook_id, 'webhook_id')}/test", _parse_json(models.WebhookTest))


# Delivery timeline, audit, statistics


def get_delivery_timeline(pause_id: str) -> Call[models.DeliveryTimeline]:
    return Call("GET", "/v1/deliveries", _parse_json(models.DeliveryTimeline), params={"pause_id": pause_id},
                idempotent=True)


def list_audit(
    pause_id: Optional[str], event_type: Optional[str], from_date: Optional[DateLike],
    to_date: Optional[DateLike], limit: Optional[int], offset: Optional[int],
) -> Call[models.AuditPage]:
    params = {"pause_id": pause_id, "event_type": event_type, "from_date": _value(from_date),
              "to_date": _value(to_date), "limit": limit, "offset": offset}
    return Call("GET", "/v1/audit", _parse_json(models.AuditPage), params=params, idempotent=True)


def export_audit(
    from_date: DateLike, to_date: DateLike, format: Optional[str], pause_id: Optional[str],
    event_type: Optional[str],
) -> Call[httpx.Response]:
    params = {"from_date": _value(from_date), "to_date": _value(to_date), "format": format,
              "pause_id": pause_id, "event_type": event_type}
    return Call("GET", "/v1/audit/export", lambda response: response, params=params, idempotent=True,
                stream=True)


def get_pause_stats(days: Optional[int]) -> Call[models.PauseStats]:
    return Call("GET", "/v1/stats/pauses", _parse_json(models.PauseStats), params={"days": days}, idempotent=True)


# Billing and health


def list_plans() -> Call[List[models.Plan]]:
    return Call("GET", "/v1/billing/plans", _items(models.Plan), idempotent=True)


def get_subscription() -> Call[models.Subscription]:
    return Call("GET", "/v1/billing/subscription", _parse_json(models.Subscription), idempotent=True)


def create_checkout(plan: str) -> Call[str]:
    return Call("POST", "/v1/billing/checkout", lambda response: str(json_body(response)["checkout_url"]),
                has_body=True, body={"plan": plan})


def _health(response: httpx.Response) -> models.Health:
    body = json_body(response) if response.content else None
    if response.status_code == 503 and not (isinstance(body, dict) and "services" in body):
        # The degraded answer has the health shape; any other 503 is the error envelope.
        raise error_from(response)
    return models.Health.from_json(body)


def health() -> Call[models.Health]:
    return Call("GET", "/health", _health, authenticated=False, idempotent=True,
                answers=frozenset({503}))
