"""The blocking client."""

from __future__ import annotations

import contextlib
import time
from typing import Any, Iterator, List, Mapping, Optional, Sequence, TypeVar, Union

import httpx

from . import _calls, models
from ._calls import DateLike
from ._core import Call, ClientBase, Sleep, Steps, exchange, wait_for_decision
from ._export import AuditExport

T = TypeVar("T")


class PausePoint(ClientBase[httpx.Client, httpx.BaseTransport]):
    """A client of one PausePoint instance.

    ``api_key`` is an API key (``pp_live_...``, ``pp_test_...``) or a session token (``pps_...``; name
    its world with ``headers={"PausePoint-Mode": "test"}``), defaulting to ``PAUSEPOINT_API_KEY``;
    calls that need none (register, login, respond, health) work without it. ``base_url`` defaults to
    ``PAUSEPOINT_URL``. ``headers`` go on every request. ``max_retries`` bounds the retries of one call
    (429 and 503 after their ``Retry-After`` up to ``max_retry_wait`` seconds; connection failures of
    idempotent calls with backoff). ``timeout`` is per request, in seconds; a long-poll gets its wait
    on top. ``transport`` replaces httpx's (for tests: ``httpx.MockTransport``); ``http_client`` shares
    an ``httpx.Client`` you own and close.
    """

    def _new_http(self, transport: Optional[httpx.BaseTransport]) -> httpx.Client:
        return httpx.Client(transport=transport)

    def _sleep(self, seconds: float) -> None:
        time.sleep(seconds)

    def close(self) -> None:
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> "PausePoint":
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    def _run(self, steps: Steps[T]) -> T:
        try:
            step = next(steps)
            while True:
                if isinstance(step, Sleep):
                    self._sleep(step.seconds)
                    step = steps.send(None)
                    continue
                try:
                    response = self._http.send(step.request, stream=step.stream)
                    if step.stream and not response.is_success:
                        response.read()
                except httpx.RequestError as failure:
                    step = steps.throw(failure)
                    continue
                step = steps.send(response)
        except StopIteration as done:
            result: T = done.value
            return result

    def _call(self, call: Call[T]) -> T:
        return self._run(exchange(self._config, call))

    # Pauses

    def create_pause(
        self,
        *,
        channel: Union[models.Channel, str],
        recipient: str,
        message: str,
        options: Sequence[str],
        allow_text_response: Optional[bool] = None,
        timeout_hours: Optional[int] = None,
        timeout_default: Optional[str] = None,
        metadata: Optional[Mapping[str, Any]] = None,
        agent_name: Optional[str] = None,
        reminders: Union[models.Reminders, Mapping[str, Any], None] = None,
        escalation: Optional[Sequence[Union[models.EscalationStep, Mapping[str, Any]]]] = None,
        idempotency_key: Optional[str] = None,
    ) -> models.Pause:
        """Creates a pause (``POST /v1/pause``). The answer holds ``pause_id``, ``status``, ``respond_url``,
        ``expires_at``, ``created_at`` and ``livemode``. Without ``idempotency_key`` a random one is made;
        either way every retry of this call sends the same key, so a retry never makes a second pause.

        ``agent_name`` tells the human which agent asks (1–80 characters, no control characters).
        ``reminders`` (a :class:`Reminders` or ``{"every_minutes": 30, "max": 2}``) notifies the recipient
        again while the pause is pending; ``escalation`` (1–3 :class:`EscalationStep` or mappings with
        ``after_minutes``, ``channel``, ``recipient``) notifies other people in turn. Unset, none is sent."""
        return self._call(_calls.create_pause(
            channel=channel, recipient=recipient, message=message, options=options,
            allow_text_response=allow_text_response, timeout_hours=timeout_hours, timeout_default=timeout_default,
            metadata=metadata, agent_name=agent_name, reminders=reminders, escalation=escalation,
            idempotency_key=idempotency_key))

    def get_pause(self, pause_id: str, *, wait: Optional[float] = None) -> models.Pause:
        """Reads a pause. With ``wait`` (seconds, clamped to 0..30) it long-polls: the answer comes as soon
        as the pause leaves ``pending``, or with the current state when the wait ends."""
        return self._call(_calls.get_pause(self._config, pause_id, wait))

    def wait_for_decision(self, pause_id: str, *, timeout: float) -> models.Pause:
        """Long-polls until the pause is no longer pending or ``timeout`` seconds have passed (up to a second
        more), and returns the latest read: ``status`` pending if time ran out."""
        return self._run(wait_for_decision(
            self._config, timeout, lambda wait: _calls.get_pause(self._config, pause_id, wait)))

    def cancel_pause(self, pause_id: str) -> models.Pause:
        """Cancels a pending pause and returns it (``ALREADY_RESPONDED``, ``ALREADY_CANCELLED`` or
        ``ALREADY_TIMED_OUT`` otherwise)."""
        return self._call(_calls.cancel_pause(pause_id))

    def list_pauses(
        self,
        *,
        status: Union[models.PauseStatus, str, None] = None,
        channel: Union[models.Channel, str, None] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> models.PausePage:
        """Lists pauses, newest first (``limit`` 1–100, default 20)."""
        return self._call(_calls.list_pauses(status, channel, limit, offset))

    # Human response

    def get_response_prompt(self, token: str) -> models.ResponsePrompt:
        """What a response link asks (``GET /v1/respond/{token}``); no API key needed.
        :func:`pausepoint.respond_token` takes the token out of a ``respond_url``."""
        return self._call(_calls.get_response_prompt(token))

    def respond(self, token: str, choice: str, *, text: Optional[str] = None) -> models.ResponseResult:
        """Answers a pause through its response link (``POST /v1/respond/{token}``), as the human would."""
        return self._call(_calls.respond(token, choice, text))

    # Webhooks

    def create_webhook(self, url: str, *, secret: str, events: Optional[Sequence[str]] = None) -> models.Webhook:
        """Registers an endpoint for this key's world; ``secret`` (16–256 characters) signs every post.
        Without ``events`` it gets the three terminal events; ``pause.reminded`` and ``pause.escalated``
        come only when named."""
        return self._call(_calls.create_webhook(url, secret, events))

    def list_webhooks(self) -> List[models.Webhook]:
        return self._call(_calls.list_webhooks())

    def delete_webhook(self, webhook_id: str) -> None:
        self._call(_calls.delete_webhook(webhook_id))

    def list_webhook_deliveries(self, webhook_id: str, *, limit: Optional[int] = None) -> List[models.WebhookDelivery]:
        """The endpoint's delivery attempts, newest first (``limit`` 1–100, default 20)."""
        return self._call(_calls.list_webhook_deliveries(webhook_id, limit))

    def test_webhook(self, webhook_id: str) -> models.WebhookTest:
        """Queues one signed ``webhook.test`` post to the endpoint."""
        return self._call(_calls.test_webhook(webhook_id))

    # Delivery timeline, audit log, statistics

    def get_delivery_timeline(self, pause_id: str) -> models.DeliveryTimeline:
        """Every notification send and webhook post of one pause, oldest first."""
        return self._call(_calls.get_delivery_timeline(pause_id))

    def list_audit(
        self,
        *,
        pause_id: Optional[str] = None,
        event_type: Optional[str] = None,
        from_date: Optional[DateLike] = None,
        to_date: Optional[DateLike] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> models.AuditPage:
        """The audit log of this world, newest first; dates are UTC calendar days, both inclusive."""
        return self._call(_calls.list_audit(pause_id, event_type, from_date, to_date, limit, offset))

    @contextlib.contextmanager
    def export_audit(
        self,
        from_date: DateLike,
        to_date: DateLike,
        *,
        format: Optional[str] = None,
        pause_id: Optional[str] = None,
        event_type: Optional[str] = None,
    ) -> Iterator[AuditExport]:
        """Streams the audit log from ``from_date`` to ``to_date`` as ``ndjson`` (default) or ``csv``; use it
        as ``with client.export_audit(...) as export: for chunk in export.iter_bytes(): ...``."""
        response = self._call(_calls.export_audit(from_date, to_date, format, pause_id, event_type))
        try:
            yield AuditExport(response)
        finally:
            response.close()

    def get_pause_stats(self, *, days: Optional[int] = None) -> models.PauseStats:
        """Pauses created per UTC day over the last ``days`` days (1–90, default 30) and their statuses now."""
        return self._call(_calls.get_pause_stats(days))

    # Accounts and keys

    def register(self, *, email: str, name: str, password: str) -> models.Registration:
        """Creates an account; its live and test keys are in the answer, shown this once."""
        return self._call(_calls.register(email, name, password))

    def login(self, *, email: str, password: str) -> models.Session:
        """A session token (``pps_...``, 12 h) for ``with_api_key``."""
        return self._call(_calls.login(email, password))

    def logout(self) -> None:
        """Ends every session of the account (this client's credential must be a session)."""
        self._call(_calls.logout())

    def me(self) -> models.Account:
        """The account, its key prefixes and this month's usage."""
        return self._call(_calls.me())

    def rotate_key(self, key_type: Optional[str] = None) -> models.RotatedKey:
        """Replaces the ``live`` or ``test`` key (default: the caller's own mode) and revokes the old one."""
        return self._call(_calls.rotate_key(key_type))

    def request_password_reset(self, email: str) -> str:
        """Mails a reset link if the account exists; the same answer either way."""
        return self._call(_calls.request_password_reset(email))

    def confirm_password_reset(self, token: str, password: str) -> str:
        """Sets a new password with a reset link's token; every session ends."""
        return self._call(_calls.confirm_password_reset(token, password))

    # Billing and health

    def list_plans(self) -> List[models.Plan]:
        return self._call(_calls.list_plans())

    def get_subscription(self) -> models.Subscription:
        return self._call(_calls.get_subscription())

    def create_checkout(self, plan: str) -> str:
        """A Paddle checkout URL for ``plan`` (live key or session)."""
        return self._call(_calls.create_checkout(plan))

    def health(self) -> models.Health:
        """``GET /health``; a degraded instance (503) is an answer too, with ``ok`` False."""
        return self._call(_calls.health())
