from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

import pausepoint
from pausepoint import (
    ERROR_CLASSES,
    FieldIssue,
    PauseNotFoundError,
    PausePointError,
    TokenUsedError,
    ValidationError,
)

from .fakes import Server, envelope

API_REFERENCE = Path(__file__).resolve().parents[4] / "docs" / "api-reference.md"


def documented_codes():
    """Every (status, code) row of the error table in docs/api-reference.md."""
    rows = re.findall(r"^\| (\d{3}) \| `([A-Z_]+)` \|", API_REFERENCE.read_text(encoding="utf-8"), re.M)
    assert len(rows) >= 30, "the error table of docs/api-reference.md was not found"
    return [(int(status), code) for status, code in rows]


def test_every_documented_code_has_its_own_class_and_no_class_is_undocumented():
    assert set(ERROR_CLASSES) == {code for _, code in documented_codes()}
    assert len(set(ERROR_CLASSES.values())) == len(ERROR_CLASSES)


@pytest.mark.parametrize("status, code", documented_codes())
def test_each_code_raises_its_class_with_the_whole_envelope(client_for, status, code):
    server = Server(envelope(status, code, message=f"the {code} message",
                             headers={"X-Request-Id": "req_0123456789abcdef"}))

    with pytest.raises(PausePointError) as raised:
        client_for(server, max_retries=0).me()

    error = raised.value
    assert type(error) is ERROR_CLASSES[code]
    assert type(error).__name__ in pausepoint.__all__
    assert (error.status, error.code, error.message) == (status, code, f"the {code} message")
    assert error.request_id == "req_0123456789abcdef"
    assert error.envelope["status_code"] == status
    assert str(error) == f"{status} {code}: the {code} message (request req_0123456789abcdef)"


def test_an_unknown_code_raises_the_base_class(client_for):
    server = Server(envelope(418, "TEAPOT_FULL", message="later"))

    with pytest.raises(PausePointError) as raised:
        client_for(server).me()

    assert type(raised.value) is PausePointError
    assert (raised.value.status, raised.value.code, raised.value.message) == (418, "TEAPOT_FULL", "later")


def test_a_body_that_is_not_the_envelope_still_raises_with_its_status(client_for):
    server = Server(httpx.Response(502, text="<html>Bad Gateway</html>"))

    with pytest.raises(PausePointError) as raised:
        client_for(server, max_retries=0).me()

    assert type(raised.value) is PausePointError
    assert raised.value.status == 502 and raised.value.code is None
    assert raised.value.message == "HTTP 502 Bad Gateway"


def test_validation_error_lists_every_field(client_for):
    detail = [{"field": "message", "issue": "must be at most 2000 characters"},
              {"field": "timeout_hours", "issue": "must be at least 1"}]
    server = Server(envelope(422, "VALIDATION_ERROR", detail=detail))

    with pytest.raises(ValidationError) as raised:
        client_for(server).create_pause(channel="sms", recipient="+14155550100", message="x" * 2001,
                                        options=["a", "b"], timeout_hours=0)

    assert raised.value.details == [FieldIssue("message", "must be at most 2000 characters"),
                                    FieldIssue("timeout_hours", "must be at least 1")]


def test_token_used_carries_the_recorded_choice(client_for):
    server = Server(envelope(410, "TOKEN_USED", choice="Deploy"))

    with pytest.raises(TokenUsedError) as raised:
        client_for(server).respond("tok", "Hold")

    assert raised.value.choice == "Deploy"


def test_error_classes_are_exceptions_callers_can_catch_by_the_base(client_for):
    server = Server(envelope(404, "PAUSE_NOT_FOUND"))

    with pytest.raises(PausePointError):
        client_for(server).get_pause("psr_missing")
    assert issubclass(PauseNotFoundError, PausePointError)
