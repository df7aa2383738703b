from __future__ import annotations

from datetime import timedelta

import pytest

from pausepoint import Channel, EscalationStep, TestRecipient, test_recipients


def test_sms_numbers_answer_by_option_time_out_or_fail():
    assert test_recipients.sms.choose(2) == TestRecipient(Channel.SMS, "+15005550002")
    assert str(test_recipients.sms.choose(1)) == "+15005550001"
    assert test_recipients.sms.choose(5).recipient == "+15005550005"
    assert test_recipients.sms.timeout().recipient == "+15005550009"
    assert test_recipients.sms.fail().recipient == "+15005550008"


def test_email_addresses_are_the_verb_at_the_test_domain_with_an_optional_delay():
    assert test_recipients.email.choose(2) == TestRecipient(Channel.EMAIL, "choose-2@test.pausepoint.dev")
    assert test_recipients.email.choose(2, after=30).recipient == "choose-2-after-30@test.pausepoint.dev"
    assert test_recipients.email.choose(2, after=timedelta(seconds=30)).recipient \
        == "choose-2-after-30@test.pausepoint.dev"
    assert test_recipients.email.timeout().recipient == "timeout@test.pausepoint.dev"
    assert test_recipients.email.timeout(after=timedelta(hours=1)).recipient == "timeout-after-3600@test.pausepoint.dev"
    assert test_recipients.email.fail().recipient == "fail@test.pausepoint.dev"


def test_slack_urls_end_in_the_same_verbs():
    assert test_recipients.slack.choose(3, after=1) == TestRecipient(
        Channel.SLACK, "https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-3-after-1")
    assert test_recipients.slack.timeout().recipient == "https://hooks.slack.com/services/PAUSEPOINT/TEST/timeout"
    assert test_recipients.slack.fail().recipient == "https://hooks.slack.com/services/PAUSEPOINT/TEST/fail"


def test_a_test_recipient_makes_an_escalation_step():
    assert test_recipients.email.choose(1).escalate_after(10) \
        == EscalationStep(10, Channel.EMAIL, "choose-1@test.pausepoint.dev")


@pytest.mark.parametrize("n", [0, 6, -1, True, 2.0, "2"])
def test_an_option_outside_one_to_five_is_refused(n):
    with pytest.raises(ValueError, match="option 1 to 5"):
        test_recipients.sms.choose(n)
    with pytest.raises(ValueError, match="option 1 to 5"):
        test_recipients.email.choose(n)


@pytest.mark.parametrize("after", [0, 3601, 1.5, -5, timedelta(milliseconds=1500), timedelta(0), True, "30"])
def test_a_delay_outside_one_to_3600_whole_seconds_is_refused(after):
    with pytest.raises(ValueError, match="1 to 3600 whole seconds"):
        test_recipients.email.choose(1, after=after)
    with pytest.raises(ValueError, match="1 to 3600 whole seconds"):
        test_recipients.slack.timeout(after=after)
