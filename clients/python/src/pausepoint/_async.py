"""The asyncio client: the same calls as :class:`~pausepoint.PausePoint`, awaited.

Each method builds its call with the shared core and only the driving differs, so the two clients
cannot drift apart in what they send, retry or raise. Cancelling a task aborts its in-flight request,
a long-poll of :meth:`AsyncPausePoint.wait_for_decision` included.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, AsyncIterator, List, Mapping, Optional, Sequence, TypeVar, Union

import httpx

from . import _calls, models
from ._calls import DateLike
from ._core import Call, ClientBase, Sleep, Steps, exchange, wait_for_decision
from ._export import AsyncAuditExport
from ._sync import PausePoint

T = TypeVar("T")


class AsyncPausePoint(ClientBase[httpx.AsyncClient, httpx.AsyncBaseTransport]):
    """The async form of :class:`~pausepoint.PausePoint`, with the same options (``http_client`` is an
    ``httpx.AsyncClient``, ``transport`` an ``httpx.AsyncBaseTransport``)."""

    def _new_http(self, transport: Optional[httpx.AsyncBaseTransport]) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=transport)

    async def _sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    async def aclose(self) -> None:
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> "AsyncPausePoint":
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    async def _run(self, steps: Steps[T]) -> T:
        try:
            step = next(steps)
            while True:
                if isinstance(step, Sleep):
                    await self._sleep(step.seconds)
                    step = steps.send(None)
                    continue
                try:
                    response = await self._http.send(step.request, stream=step.stream)
                    if step.stream and not response.is_success:
                        await response.aread()
                except httpx.RequestError as failure:
                    step = steps.throw(failure)
                    continue
                step = steps.send(response)
        except StopIteration as done:
            result: T = done.value
            return result

    async def _call(self, call: Call[T]) -> T:
        return await self._run(exchange(self._config, call))

    # Pauses

    async def create_pause(
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
        return await self._call(_calls.create_pause(
            channel=channel, recipient=recipient, message=message, options=options,
            allow_text_response=allow_text_response, timeout_hours=timeout_hours, timeout_default=timeout_default,
            metadata=metadata, agent_name=agent_name, reminders=reminders, escalation=escalation,
            idempotency_key=idempotency_key))

    async def get_pause(self, pause_id: str, *, wait: Optional[float] = None) -> models.Pause:
        return await self._call(_calls.get_pause(self._config, pause_id, wait))

    async def wait_for_decision(self, pause_id: str, *, timeout: float) -> models.Pause:
        return await self._run(wait_for_decision(
            self._config, timeout, lambda wait: _calls.get_pause(self._config, pause_id, wait)))

    async def cancel_pause(self, pause_id: str) -> models.Pause:
        return await self._call(_calls.cancel_pause(pause_id))

    async def list_pauses(
        self,
        *,
        status: Union[models.PauseStatus, str, None] = None,
        channel: Union[models.Channel, str, None] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> models.PausePage:
        return await self._call(_calls.list_pauses(status, channel, limit, offset))

    # Human response

    async def get_response_prompt(self, token: str) -> models.ResponsePrompt:
        return await self._call(_calls.get_response_prompt(token))

    async def respond(self, token: str, choice: str, *, text: Optional[str] = None) -> models.ResponseResult:
        return await self._call(_calls.respond(token, choice, text))

    # Webhooks

    async def create_webhook(self, url: str, *, secret: str, events: Optional[Sequence[str]] = None) -> models.Webhook:
        return await self._call(_calls.create_webhook(url, secret, events))

    async def list_webhooks(self) -> List[models.Webhook]:
        return await self._call(_calls.list_webhooks())

    async def delete_webhook(self, webhook_id: str) -> None:
        await self._call(_calls.delete_webhook(webhook_id))

    async def list_webhook_deliveries(
        self, webhook_id: str, *, limit: Optional[int] = None
    ) -> List[models.WebhookDelivery]:
        return await self._call(_calls.list_webhook_deliveries(webhook_id, limit))

    async def test_webhook(self, webhook_id: str) -> models.WebhookTest:
        return await self._call(_calls.test_webhook(webhook_id))

    # Delivery timeline, audit log, statistics

    async def get_delivery_timeline(self, pause_id: str) -> models.DeliveryTimeline:
        return await self._call(_calls.get_delivery_timeline(pause_id))

    async def list_audit(
        self,
        *,
        pause_id: Optional[str] = None,
        event_type: Optional[str] = None,
        from_date: Optional[DateLike] = None,
        to_date: Optional[DateLike] = None,
        limit: Optional[int] = None,
        offset: Optional[int] = None,
    ) -> models.AuditPage:
        return await self._call(_calls.list_audit(pause_id, event_type, from_date, to_date, limit, offset))

    @contextlib.asynccontextmanager
    async def export_audit(
        self,
        from_date: DateLike,
        to_date: DateLike,
        *,
        format: Optional[str] = None,
        pause_id: Optional[str] = None,
        event_type: Optional[str] = None,
    ) -> AsyncIterator[AsyncAuditExport]:
        """Streams the audit log; use it as ``async with client.export_audit(...) as export:
        async for chunk in export.aiter_bytes(): ...``."""
        response = await self._call(_calls.export_audit(from_date, to_date, format, pause_id, event_type))
        try:
            yield AsyncAuditExport(response)
        finally:
            await response.aclose()

    async def get_pause_stats(self, *, days: Optional[int] = None) -> models.PauseStats:
        return await self._call(_calls.get_pause_stats(days))

    # Accounts and keys

    async def register(self, *, email: str, name: str, password: str) -> models.Registration:
        return await self._call(_calls.register(email, name, password))

    async def login(self, *, email: str, password: str) -> models.Session:
        return await self._call(_calls.login(email, password))

    async def logout(self) -> None:
        await self._call(_calls.logout())

    async def me(self) -> models.Account:
        return await self._call(_calls.me())

    async def rotate_key(self, key_type: Optional[str] = None) -> models.RotatedKey:
        return await self._call(_calls.rotate_key(key_type))

    async def request_password_reset(self, email: str) -> str:
        return await self._call(_calls.request_password_reset(email))

    async def confirm_password_reset(self, token: str, password: str) -> str:
        return await self._call(_calls.confirm_password_reset(token, password))

    # Billing and health

    async def list_plans(self) -> List[models.Plan]:
        return await self._call(_calls.list_plans())

    async def get_subscription(self) -> models.Subscription:
        return await self._call(_calls.get_subscription())

    async def create_checkout(self, plan: str) -> str:
        return await self._call(_calls.create_checkout(plan))

    async def health(self) -> models.Health:
        return await self._call(_calls.health())


def _share_docs() -> None:
    # One docstring per call, written on the sync client; IDEs show it on the async one too.
    for name, member in vars(AsyncPausePoint).items():
        original = getattr(PausePoint, name, None)
        if callable(member) and not name.startswith("_") and not member.__doc__ and original is not None:
            member.__doc__ = original.__doc__


_share_docs()
