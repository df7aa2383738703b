"""The one request-building, retrying and response-parsing core behind both clients.

Each API call is a :class:`Call`: what to send and how to read the answer. :func:`exchange` runs it as
a generator that does no I/O itself: it yields :class:`Send` and :class:`Sleep` steps and is sent the
responses (or thrown the transport errors) back. The sync client drives it with blocking I/O and the
async client with ``await``, so retries, idempotency and error mapping are written once.
"""

from __future__ import annotations

import email.utils
import math
import os
import random
import time
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Dict, FrozenSet, Generator, Generic, Mapping, Optional, TypeVar, Union

import httpx

from . import _json
from .errors import PausePointConnectionError, PausePointError, error_class
from .models import Pause

__version__ = "0.1.0"

T = TypeVar("T")

DEFAULT_TIMEOUT = 40.0
"""Seconds for one request; a long-poll gets its wait on top (see :func:`long_poll_timeout`)."""

DEFAULT_MAX_RETRIES = 2
DEFAULT_MAX_RETRY_WAIT = 30.0
"""The longest ``Retry-After`` the client sleeps through; a longer one is raised to the caller at once."""

MAX_LONG_POLL = 30
"""The longest ``?wait=`` the API accepts, in seconds."""


@dataclass(frozen=True)
class Config:
    base_url: str
    # Kept out of the repr, so a traceback that shows locals or a logged client never prints the key.
    api_key: Optional[str] = field(repr=False)
    headers: Mapping[str, str]
    max_retries: int
    timeout: float
    max_retry_wait: float

    @staticmethod
    def of(
        api_key: Optional[str],
        base_url: Optional[str],
        headers: Optional[Mapping[str, str]],
        max_retries: int,
        timeout: float,
        max_retry_wait: float,
    ) -> "Config":
        url = base_url if base_url is not None else os.environ.get("PAUSEPOINT_URL")
        if not url:
            raise ValueError("base_url is required (or set PAUSEPOINT_URL), e.g. http://localhost:8080")
        if max_retries < 0:
            raise ValueError("max_retries must be at least 0")
        if timeout <= 0:
            raise ValueError("timeout must be positive")
        key = api_key if api_key is not None else os.environ.get("PAUSEPOINT_API_KEY") or None
        return Config(url.rstrip("/"), key, dict(headers or {}), max_retries, timeout, max_retry_wait)


@dataclass(frozen=True)
class Call(Generic[T]):
    """One API call: the request and how to read a successful answer."""

    method: str
    path: str
    parse: Callable[[httpx.Response], T]
    params: Optional[Mapping[str, Any]] = None
    body: Any = None
    has_body: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)
    authenticated: bool = True
    # Safe to send again when the first attempt's fate is unknown: reads, deletes, and creates that
    # carry an Idempotency-Key.
    idempotent: bool = False
    stream: bool = False
    timeout: Optional[float] = None
    # Non-2xx statuses whose body is an answer rather than an error (the degraded /health).
    answers: FrozenSet[int] = frozenset()


@dataclass(frozen=True)
class Send:
    request: httpx.Request
    stream: bool


@dataclass(frozen=True)
class Sleep:
    seconds: float


Step = Union[Send, Sleep]
Steps = Generator[Step, Any, T]


def build_request(config: Config, call: Call[Any]) -> httpx.Request:
    # httpx.Headers, so that a caller's "authorization" and ours are one header, not two.
    headers = httpx.Headers({"User-Agent": f"pausepoint-python/{__version__}"})
    if not call.stream:
        headers["Accept"] = "application/json"
    headers.update(config.headers)
    if call.authenticated and config.api_key:
        headers["Authorization"] = f"Bearer {config.api_key}"
    else:
        # A call that takes no credential never carries one: a refused credential would count
        # against the caller, and the key has no business on a public route.
        headers.pop("Authorization", None)
    headers.update(call.headers)
    content = None
    if call.has_body:
        headers["Content-Type"] = "application/json"
        content = _json.dumps(call.body)
    params = {name: value for name, value in (call.params or {}).items() if value is not None}
    timeout = call.timeout if call.timeout is not None else config.timeout
    return httpx.Request(
        call.method,
        config.base_url + call.path,
        params=params,
        headers=headers,
        content=content,
        extensions={"timeout": httpx.Timeout(timeout).as_dict()},
    )


def exchange(config: Config, call: Call[T]) -> Steps[T]:
    """Sends ``call`` until it succeeds, fails for good, or its retries are spent."""
    retries = 0
    while True:
        try:
            response = yield Send(build_request(config, call), call.stream)
        except httpx.RequestError as failure:
            retryable = call.idempotent and isinstance(failure, httpx.TransportError)
            if not retryable or retries >= config.max_retries:
                raise connection_error(call, failure) from failure
            retries += 1
            yield Sleep(backoff(retries))
            continue
        if response.is_success or response.status_code in call.answers:
            return call.parse(response)
        error = error_from(response)
        if retries >= config.max_retries:
            raise error
        retries += 1
        delay = retry_delay(call, error, retries, config.max_retry_wait)
        if delay is None:
            raise error
        yield Sleep(delay)


def retry_delay(call: Call[Any], error: PausePointError, retry: int, max_wait: float) -> Optional[float]:
    """How long to wait before sending ``call`` the ``retry``-th time after ``error``, or None not to.

    A 429 was refused before anything happened, so every call may retry it. A 503 with
    ``Retry-After`` is a limit that likewise turned the request away; one without it may have been
    acted on (a service died mid-request), so only idempotent calls retry it, as they retry a
    connection failure. ``BILLING_NOT_CONFIGURED`` is a 503 that waiting does not fix.
    """
    status = error.status or 0
    if status == 429:
        delay = error.retry_after if error.retry_after is not None else 1.0
    elif status in (502, 503, 504) and error.code != "BILLING_NOT_CONFIGURED":
        if error.retry_after is not None:
            delay = error.retry_after
        elif call.idempotent:
            return backoff(retry)
        else:
            return None
    else:
        return None
    return delay if delay <= max_wait else None


def backoff(retry: int) -> float:
    """Exponential, jittered so that clients failed together do not return together."""
    return min(8.0, 0.5 * 2.0 ** (retry - 1)) * random.uniform(0.5, 1.0)


def error_from(response: httpx.Response) -> PausePointError:
    envelope: Dict[str, Any] = {}
    try:
        parsed = _json.loads(response.content) if response.content else None
        if isinstance(parsed, dict):
            envelope = parsed
    except ValueError:
        # Not the envelope (a proxy's error page): the error still carries the status.
        pass
    code = envelope.get("error") if isinstance(envelope.get("error"), str) else None
    message = envelope.get("message") if isinstance(envelope.get("message"), str) else None
    if message is None:
        message = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    return error_class(code)(
        message,
        status=response.status_code,
        code=code,
        envelope=envelope,
        request_id=response.headers.get("X-Request-Id"),
        retry_after=retry_after(response.headers.get("Retry-After")),
    )


def retry_after(value: Optional[str]) -> Optional[float]:
    """``Retry-After`` in seconds: the API sends whole seconds; an HTTP date from a proxy is read too."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, float(when.timestamp()) - time.time())


def connection_error(call: Call[Any], failure: httpx.RequestError) -> PausePointConnectionError:
    kind = "timed out" if isinstance(failure, httpx.TimeoutException) else "failed"
    return PausePointConnectionError(f"{call.method} {call.path} {kind}: {failure!r}")


def json_body(response: httpx.Response) -> Any:
    return _json.loads(response.content)


def long_poll_seconds(wait: Optional[float]) -> Optional[int]:
    """The ``?wait=`` for a wait of ``wait`` seconds: whole seconds, clamped to what the API accepts."""
    if wait is None:
        return None
    return int(min(MAX_LONG_POLL, max(0, math.ceil(wait))))


def long_poll_timeout(config: Config, wait: Optional[int]) -> Optional[float]:
    """A long-poll may legitimately take its whole wait before the first byte comes back."""
    return None if not wait else max(config.timeout, wait + 10.0)


def wait_for_decision(config: Config, timeout: float, read: Callable[[float], Call[Pause]]) -> Steps[Pause]:
    """Long-polls a pause (``read(wait)`` builds each read) until it leaves ``pending`` or ``timeout``
    seconds have passed.

    Returns the latest read either way, so a caller that runs out of time still has the pause, with
    ``status`` pending. Each wait is at most 30 s and at most what is left, rounded up to a second.
    """
    if timeout < 0:
        raise ValueError("timeout must not be negative")
    deadline = time.monotonic() + timeout
    while True:
        pause = yield from exchange(config, read(max(0.0, deadline - time.monotonic())))
        if not pause.is_pending or deadline - time.monotonic() <= 0:
            return pause


H = TypeVar("H")
X = TypeVar("X")


class ClientBase(Generic[H, X]):
    """What the sync and async clients share besides the core: their options, their httpx client
    (``H``, made with a transport ``X`` unless one is given) and derived clients."""

    def __init__(
        self,
        api_key: Optional[str] = None,
        *,
        base_url: Optional[str] = None,
        headers: Optional[Mapping[str, str]] = None,
        max_retries: int = DEFAULT_MAX_RETRIES,
        timeout: float = DEFAULT_TIMEOUT,
        max_retry_wait: float = DEFAULT_MAX_RETRY_WAIT,
        transport: Optional[X] = None,
        http_client: Optional[H] = None,
    ) -> None:
        self._config = Config.of(api_key, base_url, headers, max_retries, timeout, max_retry_wait)
        self._owns_http = http_client is None
        self._http: H = http_client if http_client is not None else self._new_http(transport)

    def _new_http(self, transport: Optional[X]) -> H:
        raise NotImplementedError

    def with_api_key(self: "C", api_key: str) -> "C":
        """The same options and connection pool with another credential (a session token from ``login``,
        a rotated key). Close the original; closing the derived client does nothing."""
        if not api_key:
            raise ValueError("api_key must not be empty")
        other = object.__new__(type(self))
        other.__dict__.update(self.__dict__)
        other._config = replace(self._config, api_key=api_key)
        other._owns_http = False
        return other


C = TypeVar("C", bound=ClientBase[Any, Any])
