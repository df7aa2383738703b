import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  AlreadyCancelledError,
  AlreadyRespondedError,
  IdempotencyConflictError,
  InvalidApiKeyError,
  InvalidChannelError,
  InvalidOptionsError,
  InvalidTokenError,
  KeyModeNotAllowedError,
  PausePoint,
  PauseNotFoundError,
  PlanLimitReachedError,
  TokenUsedError,
  ValidationError,
  responseTokenFromUrl,
  testRecipients,
} from '@pausepoint/client';
import { answer, eventually, registerDeveloper, smsPause } from './stack.mjs';

describe('pauses', () => {
  test('create, read with respond_url, answer, wait for the decision, list', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause({ allow_text_response: true, metadata: { order: 42 } }));
    assert.match(created.pause_id, /^psr_/);
    assert.equal(created.status, 'pending');
    assert.equal(created.livemode, false);

    const read = await dev.test.getPause(created.pause_id);
    assert.equal(read.respond_url, created.respond_url, 'a test pause shows its link in every read');
    assert.deepEqual(read.metadata, { order: 42 });
    await eventually(async () => assert.equal((await dev.test.getPause(created.pause_id)).delivery.status, 'sandbox'));

    const waiting = dev.test.waitForDecision(created.pause_id, { timeoutMs: 30_000 });
    const recorded = await answer(dev, read, 'Reject', 'not on a Friday');
    assert.equal(recorded.choice, 'Reject');
    const decided = await waiting;
    assert.equal(decided.status, 'responded');
    assert.equal(decided.response_choice, 'Reject');
    assert.equal(decided.response_text, 'not on a Friday');

    const page = await dev.test.listPauses({ status: 'responded', channel: 'sms', limit: 10 });
    assert.deepEqual(page.items.map((p) => p.pause_id), [created.pause_id]);
    assert.equal(page.has_more, false);
    assert.equal((await dev.test.listPauses({ status: 'pending' })).items.length, 0);
  });

  test('a test recipient answers by itself and the pause names its agent', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause({ ...testRecipients.sms.choose(2), agent_name: 'TypeScript release bot' }));

    const decided = await dev.test.waitForDecision(created.pause_id, { timeoutMs: 30_000 });

    assert.equal(decided.status, 'responded');
    assert.equal(decided.response_choice, 'Reject', '+15005550002 picks the second option');
    assert.equal(decided.agent_name, 'TypeScript release bot');
    assert.equal(decided.deliveries[0].notification, 0);
    assert.equal(decided.deliveries[0].kind, 'initial');
    assert.equal(decided.deliveries[0].recipient, '+15005550002');

    const waiting = await dev.test.createPause(smsPause({ agent_name: 'TypeScript release bot', timeout_default: 'Reject' }));
    const link = await dev.anonymous.getResponseRequest(responseTokenFromUrl(waiting.respond_url));
    assert.deepEqual(link.requested_by, { account_name: 'TypeScript client test', agent_name: 'TypeScript release bot' });
    assert.equal(link.timeout_default, 'Reject');
  });

  test('waitForDecision returns the pending pause when its timeout passes first', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause());
    const started = Date.now();
    const latest = await dev.test.waitForDecision(created.pause_id, { timeoutMs: 1_500 });
    assert.equal(latest.status, 'pending');
    assert.ok(Date.now() - started >= 1_400);
  });

  test('an aborted waitForDecision rejects at once, mid long-poll', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause());
    const controller = new AbortController();
    const waiting = dev.test.waitForDecision(created.pause_id, { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.ok(Date.now() - started < 3_000);
  });

  test('cancel, then cancelling again or answering is refused with its class', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause());
    const cancelled = await dev.test.cancelPause(created.pause_id);
    assert.equal(cancelled.status, 'cancelled');
    assert.ok(cancelled.cancelled_at);
    await assert.rejects(dev.test.cancelPause(created.pause_id), AlreadyCancelledError);
    await assert.rejects(answer(dev, created, 'Approve'), { code: 'ALREADY_CANCELLED', status: 409 });
  });

  test('an answered pause cannot be cancelled; its link answers TOKEN_USED with the choice', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause());
    await answer(dev, created, 'Approve');
    await assert.rejects(dev.test.cancelPause(created.pause_id), AlreadyRespondedError);
    const used = await answer(dev, created, 'Reject').catch((e) => e);
    assert.ok(used instanceof TokenUsedError);
    assert.equal(used.choice, 'Approve');
  });

  test('the same Idempotency-Key and body give the same pause; another body is a conflict', async () => {
    const dev = await registerDeveloper();
    const key = `ts-${Date.now()}`;
    const first = await dev.test.createPause(smsPause(), { idempotencyKey: key });
    const again = await dev.test.createPause(smsPause(), { idempotencyKey: key });
    assert.equal(again.pause_id, first.pause_id);
    await assert.rejects(dev.test.createPause(smsPause({ message: 'Something else?' }), { idempotencyKey: key }), IdempotencyConflictError);
    assert.equal((await dev.test.listPauses()).items.length, 1);
  });

  test('each documented refusal arrives as its own error class with the envelope', async () => {
    const dev = await registerDeveloper();
    const missing = await dev.test.getPause('psr_00000000-0000-0000-0000-000000000000').catch((e) => e);
    assert.ok(missing instanceof PauseNotFoundError);
    assert.equal(missing.status, 404);
    assert.equal(missing.envelope.error, 'PAUSE_NOT_FOUND');
    assert.ok(missing.requestId, 'every answer carries X-Request-Id');

    await assert.rejects(dev.test.createPause(smsPause({ channel: 'fax' })), InvalidChannelError);
    await assert.rejects(dev.test.createPause(smsPause({ options: ['Only one'] })), InvalidOptionsError);
    const invalid = await dev.test.createPause(smsPause({ message: '', timeout_hours: 0 })).catch((e) => e);
    assert.ok(invalid instanceof ValidationError);
    assert.deepEqual(invalid.detail.map((d) => d.field).sort(), ['message', 'timeout_hours']);

    const live = await dev.live.createPause(smsPause());
    await assert.rejects(dev.test.getPause(live.pause_id), PauseNotFoundError, 'the other world is invisible');
    await assert.rejects(dev.anonymous.withApiKey('pp_test_' + '0'.repeat(48)).listPauses(), InvalidApiKeyError);
    await assert.rejects(dev.test.createCheckout('starter'), KeyModeNotAllowedError);
    await assert.rejects(dev.anonymous.getResponseRequest('not-a-token'), InvalidTokenError);
  });

  test('a live key on the free plan gets PlanLimitReachedError after 50 pauses', async () => {
    const dev = await registerDeveloper();
    for (let i = 0; i < 50; i++) await dev.live.createPause(smsPause({ message: `Live pause ${i}` }));
    const refused = await dev.live.createPause(smsPause({ message: 'One too many' })).catch((e) => e);
    assert.ok(refused instanceof PlanLimitReachedError, String(refused));
    assert.equal(refused.status, 402);
    assert.match(refused.message, /50/);
    const me = await dev.live.me();
    assert.equal(me.usage.pauses_used, 50);
    assert.equal(me.usage.pauses_limit, 50);
    // test pauses never count
    assert.equal((await dev.test.createPause(smsPause())).livemode, false);
  });
});

describe('account, audit, stats, deliveries, billing, health', () => {
  test('me, login with a session in test mode, rotate, logout', async () => {
    const dev = await registerDeveloper();
    const me = await dev.test.me();
    assert.equal(me.email, dev.email);
    assert.equal(me.plan, 'free');

    const session = await dev.anonymous.login({ email: dev.email, password: dev.password });
    assert.match(session.session_token, /^pps_/);
    const inTest = new PausePoint({ baseUrl: dev.baseUrl, apiKey: session.session_token, headers: dev.headers, mode: 'test' });
    const created = await dev.test.createPause(smsPause());
    const seenBySession = await inTest.getDeliveries(created.pause_id);
    assert.equal(seenBySession.pause_id, created.pause_id);

    const rotated = await inTest.rotateKey('test');
    assert.equal(rotated.key_type, 'test');
    const fresh = dev.anonymous.withApiKey(rotated.api_key);
    assert.equal((await fresh.getPause(created.pause_id)).pause_id, created.pause_id);

    assert.ok((await dev.anonymous.requestPasswordReset(dev.email)).message);
    await assert.rejects(dev.anonymous.confirmPasswordReset('ppr_' + '0'.repeat(48), 'a-new-password-1'), InvalidTokenError);

    await inTest.logout();
    await assert.rejects(inTest.me(), InvalidApiKeyError);
    await assert.rejects(dev.live.logout(), KeyModeNotAllowedError);
  });

  test('audit list and streamed export, stats, delivery timeline, plans, health', async () => {
    const dev = await registerDeveloper();
    const created = await dev.test.createPause(smsPause());
    await answer(dev, created, 'Approve');

    const audit = await dev.test.listAudit({ pause_id: created.pause_id });
    assert.ok(audit.items.some((entry) => entry.event_type === 'pause.created'));

    const today = new Date().toISOString().slice(0, 10);
    const exported = await dev.test.exportAudit({ from_date: today, to_date: today, format: 'ndjson' });
    assert.equal(exported.filename, `pausepoint-audit-test-${today}-${today}.ndjson`);
    const lines = (await new Response(exported.body).text()).trim().split('\n').map((line) => JSON.parse(line));
    assert.ok(lines.some((entry) => entry.event_type === 'developer.registered'));
    await assert.rejects(dev.test.exportAudit({ from_date: today, to_date: today, format: 'xml' }), ValidationError);

    await eventually(async () => {
      const stats = await dev.test.pauseStats({ days: 1 });
      assert.equal(stats.days.length, 1);
      assert.equal(stats.days[0].created, 1);
      assert.equal(stats.days[0].responded, 1);
    });

    await eventually(async () => {
      const timeline = await dev.test.getDeliveries(created.pause_id);
      assert.equal(timeline.notifications[0]?.status, 'sandbox');
    });

    const plans = await dev.test.listPlans();
    assert.deepEqual(plans.items.map((p) => p.plan), ['free', 'starter', 'pro', 'enterprise']);

    const health = await dev.anonymous.health();
    assert.equal(health.status, 'ok');
  });
});
