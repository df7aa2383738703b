"""The fake server and canned answers of the unit tests (httpx.MockTransport: no server, no sleeping)."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List, Optional, Union

import httpx

BASE_URL = "http://pausepoint.test"
KEY = "pp_test_" + "a" * 48

Answer = Union[httpx.Response, Exception, Callable[[httpx.Request], httpx.Response]]


def envelope(status: int, code: str, message: str = "nope", headers: Optional[Dict[str, str]] = None,
             **extra: Any) -> httpx.Response:
    body = {"error": code, "message": message, "status_code": status, **extra}
    return httpx.Response(status, json=body, headers=headers)


def pause_json(**overrides: Any) -> Dict[str, Any]:
    """A pause object as docs/api-reference.md shows it, every field present."""
    body: Dict[str, Any] = {
        "pause_id": "psr_2f1c7c0e-5a55-4e0c-9d7e-0c1f9d1f5b3a",
        "status": "pending",
        "livemode": False,
        "channel": "sms",
        "recipient": "+14155550100",
        "message": "Deploy 4711?",
        "options": ["Deploy", "Hold"],
        "allow_text_response": True,
        "timeout_default": "Hold",
        "metadata": {"run": 4711},
        "created_at": "2026-11-25T09:30:00Z",
        "expires_at": "2026-11-25T11:30:00Z",
        "respond_url": "http://localhost:8080/respond/tok_abc",
        "response_choice": None,
        "response_text": None,
        "response_at": None,
        "cancelled_at": None,
        "delivery": {"status": "sandbox", "attempts": 0, "last_error": None,
                     "updated_at": "2026-11-25T09:30:01Z", "sandbox_message": "[PausePoint] Deploy 4711?"},
    }
    body.update(overrides)
    return body


class Server:
    """Answers requests in order from a script and records every request it was sent."""

    def __init__(self, *answers: Answer) -> None:
        self.answers: List[Answer] = list(answers)
        self.requests: List[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if not self.answers:
            raise AssertionError(f"unexpected request {request.method} {request.url}")
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if callable(answer) and not isinstance(answer, httpx.Response):
            return answer(request)
        return answer

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


class Sleeps(list):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


