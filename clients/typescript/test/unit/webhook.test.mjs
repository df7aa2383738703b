import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { test } from 'node:test';
import { WebhookVerificationError, decisionFromWebhook, verifyWebhook } from '@pausepoint/client';

const secret = 'whsec-0123456789abcdef';
const now = 1_764_000_000;

function signed(fields = {}, key = secret) {
  const body = JSON.stringify({
    event_id: 'evt_1',
    event: 'pause.responded',
    pause_id: 'psr_1',
    developer_id: 'dev_1',
    livemode: false,
    timestamp: now,
    data: { choice: 'Approve', text: null, response_at: '2026-11-25T09:31:00Z', metadata: null },
    ...fields,
  });
  const headers = {
    'x-pausepoint-signature': `sha256=${createHmac('sha256', key).update(body).digest('hex')}`,
    'x-pausepoint-timestamp': String(fields.timestamp ?? now),
    'x-pausepoint-event': 'pause.responded',
  };
  return { body, headers };
}

const refused = (message) => (error) => error instanceof WebhookVerificationError && message.test(error.message);

test('a correctly signed, fresh post verifies and parses, from a string, bytes or a Headers', () => {
  const { body, headers } = signed();
  assert.equal(verifyWebhook(body, headers, secret, { nowSeconds: now }).data.choice, 'Approve');
  assert.equal(verifyWebhook(Buffer.from(body), headers, secret, { nowSeconds: now + 299 }).pause_id, 'psr_1');
  assert.equal(verifyWebhook(new TextEncoder().encode(body), new Headers(headers), secret, { nowSeconds: now }).event, 'pause.responded');
});

test('a body changed after signing is refused', () => {
  const { body, headers } = signed();
  assert.throws(() => verifyWebhook(body.replace('Approve', 'Reject!'), headers, secret, { nowSeconds: now }), refused(/does not match/));
});

test('another secret is refused', () => {
  const { body, headers } = signed({}, 'another-secret-0123');
  assert.throws(() => verifyWebhook(body, headers, secret, { nowSeconds: now }), refused(/does not match/));
});

test('a missing or malformed signature is refused', () => {
  const { body, headers } = signed();
  assert.throws(() => verifyWebhook(body, { ...headers, 'x-pausepoint-signature': undefined }, secret, { nowSeconds: now }), refused(/missing/));
  assert.throws(() => verifyWebhook(body, { ...headers, 'x-pausepoint-signature': 'sha256=abc' }, secret, { nowSeconds: now }), refused(/64 hex/));
  assert.throws(
    () => verifyWebhook(body, { ...headers, 'x-pausepoint-signature': [headers['x-pausepoint-signature'], 'sha256=' + '0'.repeat(64)] }, secret, { nowSeconds: now }),
    refused(/2 times/),
  );
});

test('a post older or newer than the tolerance is refused, judged by the signed timestamp', () => {
  const { body, headers } = signed();
  assert.throws(() => verifyWebhook(body, headers, secret, { nowSeconds: now + 301 }), refused(/stale/));
  assert.throws(() => verifyWebhook(body, headers, secret, { nowSeconds: now - 301 }), refused(/stale/));
  assert.equal(verifyWebhook(body, headers, secret, { nowSeconds: now + 3600, toleranceSeconds: 3600 }).event_id, 'evt_1');
  // Freshening the unsigned header does not make a replay pass.
  assert.throws(() => verifyWebhook(body, { ...headers, 'x-pausepoint-timestamp': String(now + 1000) }, secret, { nowSeconds: now + 1000 }), refused(/differs/));
});

test('an empty secret is a programming error, not a verification result', () => {
  const { body, headers } = signed();
  assert.throws(() => verifyWebhook(body, headers, ''), TypeError);
});

test('pause.reminded and pause.escalated verify and carry which notification went out', () => {
  const { body, headers } = signed({
    event: 'pause.escalated',
    data: { notification: 2, kind: 'escalation', step: 1, reminder: null, channel: 'email', metadata: { run: 7 } },
  });
  const event = verifyWebhook(body, headers, secret, { nowSeconds: now });
  assert.equal(event.event, 'pause.escalated');
  assert.deepEqual(event.data, { notification: 2, kind: 'escalation', step: 1, reminder: null, channel: 'email', metadata: { run: 7 } });
  const reminded = signed({ event: 'pause.reminded', data: { notification: 1, kind: 'reminder', step: null, reminder: 1, channel: 'sms', metadata: null } });
  assert.equal(verifyWebhook(reminded.body, reminded.headers, secret, { nowSeconds: now }).data.reminder, 1);
});

test('a notification event carries no decision', () => {
  const { body, headers } = signed({ event: 'pause.reminded', data: { notification: 1, kind: 'reminder', step: null, reminder: 1, channel: 'sms', metadata: null } });
  assert.throws(() => decisionFromWebhook(verifyWebhook(body, headers, secret, { nowSeconds: now })), TypeError);
});
