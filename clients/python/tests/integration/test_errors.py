"""Each error the API answers reaches the caller as its own class, with the envelope and request id."""

from __future__ import annotations

import pytest

from pausepoint import (
    ChannelNotAllowedError,
    EmailTakenError,
    InvalidApiKeyError,
    InvalidChannelError,
    InvalidCredentialsError,
    InvalidOptionsError,
    InvalidTokenError,
    KeyModeNotAllowedError,
    ValidationError,
    WebhookNotFoundError,
)

from .stack import PASSWORD


def test_bad_pauses_are_refused_with_their_classes(client):
    with pytest.raises(InvalidChannelError) as channel:
        client.create_pause(channel="fax", recipient="+14155550100", message="m", options=["a", "b"])
    assert channel.value.status == 400 and channel.value.request_id

    with pytest.raises(InvalidOptionsError):
        client.create_pause(channel="sms", recipient="+14155550100", message="m", options=["only one"])

    with pytest.raises(ValidationError) as invalid:
        client.create_pause(channel="sms", recipient="+44 20 7946 0000", message="x" * 2001, options=["a", "b"])
    assert {issue.field for issue in invalid.value.details} == {"recipient", "message"}

    with pytest.raises(ChannelNotAllowedError) as plan:
        client.create_pause(channel="email", recipient="ada@example.com", message="m", options=["a", "b"])
    assert plan.value.status == 403 and "starter" in plan.value.message.lower()


def test_credentials_and_accounts(developer):
    with developer.client(api_key="pp_test_" + "0" * 48) as stranger:
        with pytest.raises(InvalidApiKeyError) as refused:
            stranger.me()
    assert refused.value.status == 401

    with developer.client() as client:
        with pytest.raises(EmailTakenError):
            client.register(email=developer.email.upper(), name="Again", password=PASSWORD)
        with pytest.raises(InvalidCredentialsError):
            client.login(email=developer.email, password=PASSWORD + "!")
        with pytest.raises(KeyModeNotAllowedError):
            client.create_checkout("starter")
        with pytest.raises(WebhookNotFoundError):
            client.test_webhook("whk_00000000-0000-0000-0000-000000000000")
        with pytest.raises(InvalidTokenError):
            client.respond("not-a-token", "Deploy")


def test_the_request_id_the_caller_sends_comes_back_on_its_error(developer):
    with developer.client(headers={"X-Request-Id": "py-sdk-trace-0001"}) as client:
        with pytest.raises(WebhookNotFoundError) as raised:
            client.delete_webhook("whk_00000000-0000-0000-0000-000000000000")
    assert raised.value.request_id == "py-sdk-trace-0001"
