"""PausePoint's Python SDK: human approval for AI agents, sync and async.

::

    from pausepoint import PausePoint

    with PausePoint(api_key="pp_test_...", base_url="http://localhost:8080") as client:
        pause = client.create_pause(channel="sms", recipient="+14155550100",
                                    message="Deploy 4711?", options=["Deploy", "Hold"])
        decided = client.wait_for_decision(pause.pause_id, timeout=600)
"""

from ._async import AsyncPausePoint
from ._calls import respond_token
from ._core import __version__
from ._export import AsyncAuditExport, AuditExport
from ._sync import PausePoint
from . import errors as _errors
from .errors import *  # noqa: F401,F403 - every error class is public
from ._test_recipients import TestRecipient, TestRecipients, test_recipients
from .models import (
    Account,
    AuditEntry,
    AuditPage,
    Channel,
    DayStats,
    Delivery,
    DeliveryStatus,
    DeliveryTimeline,
    EscalationStep,
    Health,
    Notification,
    NotificationKind,
    Pause,
    PauseNotification,
    PausePage,
    PauseStats,
    PauseStatus,
    Plan,
    Registration,
    Reminders,
    RequestedBy,
    ResponsePrompt,
    ResponseResult,
    RotatedKey,
    Session,
    Subscription,
    Usage,
    Webhook,
    WebhookDelivery,
    WebhookTest,
)
from .webhooks import WebhookEvent, WebhookEventData, WebhookVerificationError, verify_webhook

__all__ = [
    "__version__",
    "PausePoint",
    "AsyncPausePoint",
    "AuditExport",
    "AsyncAuditExport",
    "respond_token",
    "verify_webhook",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookVerificationError",
    "test_recipients",
    "TestRecipient",
    "TestRecipients",
    "DeliveryStatus",
    "EscalationStep",
    "NotificationKind",
    "PauseNotification",
    "Reminders",
    "RequestedBy",
    "Account",
    "AuditEntry",
    "AuditPage",
    "Channel",
    "DayStats",
    "Delivery",
    "DeliveryTimeline",
    "Health",
    "Notification",
    "Pause",
    "PausePage",
    "PauseStats",
    "PauseStatus",
    "Plan",
    "Registration",
    "ResponsePrompt",
    "ResponseResult",
    "RotatedKey",
    "Session",
    "Subscription",
    "Usage",
    "Webhook",
    "WebhookDelivery",
    "WebhookTest",
]
__all__ += _errors.__all__
