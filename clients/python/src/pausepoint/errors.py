"""One exception class per error code of the API (docs/api-reference.md, "Errors").

Every answer that is not a success raises a subclass of :class:`PausePointError`; a code this version
does not know raises the base class itself, so a newer server never breaks an older client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Type


__all__ = [
    "FieldIssue",
    "PausePointError",
    "PausePointConnectionError",
    "InvalidChannelError",
    "InvalidOptionsError",
    "InvalidChoiceError",
    "InvalidTokenError",
    "InvalidApiKeyError",
    "InvalidCredentialsError",
    "PlanLimitReachedError",
    "ChannelNotAllowedError",
    "KeyModeNotAllowedError",
    "PauseNotFoundError",
    "WebhookNotFoundError",
    "NotFoundError",
    "MethodNotAllowedError",
    "NotAcceptableError",
    "RequestTimeoutError",
    "AlreadyRespondedError",
    "AlreadyCancelledError",
    "AlreadyTimedOutError",
    "EmailTakenError",
    "IdempotencyConflictError",
    "TokenExpiredError",
    "TokenUsedError",
    "PayloadTooLargeError",
    "UriTooLongError",
    "UnsupportedMediaTypeError",
    "ValidationError",
    "RateLimitedError",
    "RequestHeadersTooLargeError",
    "InternalError",
    "BillingNotConfiguredError",
    "ServiceUnavailableError",
    "ERROR_CLASSES",
]


@dataclass(frozen=True)
class FieldIssue:
    """One failing field of a ``VALIDATION_ERROR``: ``{"field": ..., "issue": ...}``."""

    field: str
    issue: str


class PausePointError(Exception):
    """An error answer of the API, or (as :class:`PausePointConnectionError`) no answer at all.

    ``status`` is the HTTP status, ``code`` the envelope's ``error`` (``None`` when the body was not the
    envelope), ``envelope`` the parsed body, ``request_id`` the answer's ``X-Request-Id`` and
    ``retry_after`` its ``Retry-After`` in seconds.
    """

    code_name: Optional[str] = None

    def __init__(
        self,
        message: str,
        *,
        status: Optional[int] = None,
        code: Optional[str] = None,
        envelope: Optional[Mapping[str, Any]] = None,
        request_id: Optional[str] = None,
        retry_after: Optional[float] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.code = code
        self.envelope: Dict[str, Any] = dict(envelope) if envelope is not None else {}
        self.request_id = request_id
        self.retry_after = retry_after

    def __str__(self) -> str:
        prefix = " ".join(part for part in (str(self.status or ""), self.code or "") if part)
        suffix = f" (request {self.request_id})" if self.request_id else ""
        return f"{prefix}: {self.message}{suffix}" if prefix else f"{self.message}{suffix}"


class PausePointConnectionError(PausePointError):
    """No answer came: the connection was refused or broke, or the request timed out."""


class InvalidChannelError(PausePointError):
    code_name = "INVALID_CHANNEL"


class InvalidOptionsError(PausePointError):
    code_name = "INVALID_OPTIONS"


class InvalidChoiceError(PausePointError):
    code_name = "INVALID_CHOICE"


class InvalidTokenError(PausePointError):
    code_name = "INVALID_TOKEN"


class InvalidApiKeyError(PausePointError):
    code_name = "INVALID_API_KEY"


class InvalidCredentialsError(PausePointError):
    code_name = "INVALID_CREDENTIALS"


class PlanLimitReachedError(PausePointError):
    code_name = "PLAN_LIMIT_REACHED"


class ChannelNotAllowedError(PausePointError):
    code_name = "CHANNEL_NOT_ALLOWED"


class KeyModeNotAllowedError(PausePointError):
    code_name = "KEY_MODE_NOT_ALLOWED"


class PauseNotFoundError(PausePointError):
    code_name = "PAUSE_NOT_FOUND"


class WebhookNotFoundError(PausePointError):
    code_name = "WEBHOOK_NOT_FOUND"


class NotFoundError(PausePointError):
    code_name = "NOT_FOUND"


class MethodNotAllowedError(PausePointError):
    code_name = "METHOD_NOT_ALLOWED"


class NotAcceptableError(PausePointError):
    code_name = "NOT_ACCEPTABLE"


class RequestTimeoutError(PausePointError):
    code_name = "REQUEST_TIMEOUT"


class AlreadyRespondedError(PausePointError):
    code_name = "ALREADY_RESPONDED"


class AlreadyCancelledError(PausePointError):
    code_name = "ALREADY_CANCELLED"


class AlreadyTimedOutError(PausePointError):
    code_name = "ALREADY_TIMED_OUT"


class EmailTakenError(PausePointError):
    code_name = "EMAIL_TAKEN"


class IdempotencyConflictError(PausePointError):
    code_name = "IDEMPOTENCY_CONFLICT"


class TokenExpiredError(PausePointError):
    code_name = "TOKEN_EXPIRED"


class TokenUsedError(PausePointError):
    """A response link already answered; ``choice`` is the answer that was recorded (for a reset link, None)."""

    code_name = "TOKEN_USED"

    @property
    def choice(self) -> Optional[str]:
        choice = self.envelope.get("choice")
        return choice if isinstance(choice, str) else None


class PayloadTooLargeError(PausePointError):
    code_name = "PAYLOAD_TOO_LARGE"


class UriTooLongError(PausePointError):
    code_name = "URI_TOO_LONG"


class UnsupportedMediaTypeError(PausePointError):
    code_name = "UNSUPPORTED_MEDIA_TYPE"


class ValidationError(PausePointError):
    """``VALIDATION_ERROR``: ``details`` lists every failing field at once."""

    code_name = "VALIDATION_ERROR"

    @property
    def details(self) -> List[FieldIssue]:
        detail = self.envelope.get("detail")
        if not isinstance(detail, list):
            return []
        return [
            FieldIssue(str(item.get("field")), str(item.get("issue")))
            for item in detail
            if isinstance(item, dict)
        ]


class RateLimitedError(PausePointError):
    code_name = "RATE_LIMITED"


class RequestHeadersTooLargeError(PausePointError):
    code_name = "REQUEST_HEADERS_TOO_LARGE"


class InternalError(PausePointError):
    code_name = "INTERNAL_ERROR"


class BillingNotConfiguredError(PausePointError):
    code_name = "BILLING_NOT_CONFIGURED"


class ServiceUnavailableError(PausePointError):
    code_name = "SERVICE_UNAVAILABLE"


ERROR_CLASSES: Mapping[str, Type[PausePointError]] = {
    cls.code_name: cls
    for cls in PausePointError.__subclasses__()
    if cls.code_name is not None
}
"""The exception class of each error code the API documents."""


def error_class(code: Optional[str]) -> Type[PausePointError]:
    return ERROR_CLASSES.get(code or "", PausePointError)
