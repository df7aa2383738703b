import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testRecipients } from '@pausepoint/client';

test('SMS test numbers answer by option, time out or fail', () => {
  assert.deepEqual(testRecipients.sms.choose(2), { channel: 'sms', recipient: '+15005550002' });
  assert.equal(testRecipients.sms.choose(1).recipient, '+15005550001');
  assert.equal(testRecipients.sms.choose(5).recipient, '+15005550005');
  assert.deepEqual(testRecipients.sms.timeout(), { channel: 'sms', recipient: '+15005550009' });
  assert.deepEqual(testRecipients.sms.fail(), { channel: 'sms', recipient: '+15005550008' });
});

test('email addresses are the verb at the test domain, with an optional delay', () => {
  assert.deepEqual(testRecipients.email.choose(2), { channel: 'email', recipient: 'choose-2@test.pausepoint.dev' });
  assert.equal(testRecipients.email.choose(2, { afterSeconds: 30 }).recipient, 'choose-2-after-30@test.pausepoint.dev');
  assert.equal(testRecipients.email.timeout().recipient, 'timeout@test.pausepoint.dev');
  assert.equal(testRecipients.email.timeout({ afterSeconds: 3600 }).recipient, 'timeout-after-3600@test.pausepoint.dev');
  assert.equal(testRecipients.email.fail().recipient, 'fail@test.pausepoint.dev');
});

test('Slack URLs end in the same verbs', () => {
  assert.deepEqual(testRecipients.slack.choose(3, { afterSeconds: 1 }), {
    channel: 'slack',
    recipient: 'https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-3-after-1',
  });
  assert.equal(testRecipients.slack.timeout().recipient, 'https://hooks.slack.com/services/PAUSEPOINT/TEST/timeout');
  assert.equal(testRecipients.slack.fail().recipient, 'https://hooks.slack.com/services/PAUSEPOINT/TEST/fail');
});

test('an option outside 1–5 or a delay outside 1–3600 whole seconds is a RangeError', () => {
  for (const n of [0, 6, -1, 2.5, Number.NaN]) {
    assert.throws(() => testRecipients.sms.choose(n), (e) => e instanceof RangeError && /option 1 to 5/.test(e.message));
    assert.throws(() => testRecipients.email.choose(n), RangeError);
  }
  for (const afterSeconds of [0, 3601, 1.5, -5]) {
    assert.throws(() => testRecipients.email.choose(1, { afterSeconds }), (e) => e instanceof RangeError && /1 to 3600 whole seconds/.test(e.message));
    assert.throws(() => testRecipients.slack.timeout({ afterSeconds }), RangeError);
  }
});
