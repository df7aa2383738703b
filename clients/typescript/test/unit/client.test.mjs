import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import {
  AlreadyCancelledError,
  PausePoint,
  PausePointConnectionError,
  PausePointError,
  PauseNotFoundError,
  PlanLimitReachedError,
  RateLimitedError,
  TokenUsedError,
  ValidationError,
  responseTokenFromUrl,
  testRecipients,
} from '@pausepoint/client';
import { envelope, fakeServer, pause, pendingPause } from './fake-server.mjs';

const createBody = { channel: 'sms', recipient: '+14155550100', message: 'Deploy?', options: ['Approve', 'Reject'] };
const created = { status: 201, body: { pause_id: 'psr_1', status: 'pending', respond_url: 'http://x/respond/t', expires_at: 'e', created_at: 'c', livemode: false } };

let server;
afterEach(() => server?.close());

const clientFor = (options = {}) => new PausePoint({ baseUrl: server.url, apiKey: 'pp_test_k', ...options });

describe('requests', () => {
  test('createPause sends the key, the JSON body and a generated Idempotency-Key', async () => {
    server = await fakeServer([created]);
    const answer = await clientFor().createPause(createBody);
    assert.equal(answer.pause_id, 'psr_1');
    const [request] = server.requests;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/v1/pause');
    assert.equal(request.headers.authorization, 'Bearer pp_test_k');
    assert.equal(request.headers['content-type'], 'application/json');
    assert.match(request.headers['idempotency-key'], /^[0-9a-f-]{36}$/);
    assert.deepEqual(JSON.parse(request.body), createBody);
  });

  test('createPause sends agent_name, reminders and escalation exactly as given', async () => {
    server = await fakeServer([created]);
    const body = {
      ...testRecipients.sms.choose(2),
      message: 'Deploy?',
      options: ['Approve', 'Reject'],
      agent_name: 'deploy-bot',
      reminders: { every_minutes: 30, max: 2 },
      escalation: [
        { after_minutes: 60, channel: 'email', recipient: 'lead@example.com' },
        { after_minutes: 90, ...testRecipients.slack.choose(1) },
      ],
    };
    await clientFor().createPause(body);
    assert.equal(
      server.requests[0].body,
      '{"channel":"sms","recipient":"+15005550002","message":"Deploy?","options":["Approve","Reject"],' +
        '"agent_name":"deploy-bot","reminders":{"every_minutes":30,"max":2},' +
        '"escalation":[{"after_minutes":60,"channel":"email","recipient":"lead@example.com"},' +
        '{"after_minutes":90,"channel":"slack","recipient":"https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-1"}]}',
    );
  });

  test('a pause reads its agent and every notification; kinds and statuses added later pass through', async () => {
    const deliveries = [
      { notification: 0, kind: 'initial', step: null, reminder: null, channel: 'sms', recipient: '+15005550002', due_at: '2026-11-25T09:30:00Z', status: 'sandbox', attempts: 0, last_error: null, updated_at: '2026-11-25T09:30:01Z' },
      { notification: 1, kind: 'nudge', step: null, reminder: 1, channel: 'sms', recipient: '+15005550002', due_at: '2026-11-25T10:00:00Z', status: 'throttled', attempts: 0, last_error: null, updated_at: null },
      { notification: 2, kind: 'escalation', step: 1, reminder: null, channel: 'email', recipient: 'lead@example.com', due_at: '2026-11-25T10:30:00Z', status: 'skipped', attempts: 0, last_error: null, updated_at: null },
    ];
    server = await fakeServer([{ status: 200, body: { ...pendingPause(), agent_name: 'deploy-bot', deliveries } }]);
    const read = await clientFor().getPause('psr_1');
    assert.equal(read.agent_name, 'deploy-bot');
    assert.deepEqual(read.deliveries.map((d) => [d.notification, d.kind, d.status, d.step, d.reminder]), [
      [0, 'initial', 'sandbox', null, null],
      [1, 'nudge', 'throttled', null, 1],
      [2, 'escalation', 'skipped', 1, null],
    ]);
  });

  test('a response link shows who is asking and the timeout default', async () => {
    const link = { pause_id: 'psr_1', message: 'Deploy?', options: ['Approve', 'Reject'], allow_text_response: false, status: 'pending', expires_at: '2026-12-01T14:00:00Z', requested_by: { account_name: 'Acme Ops', agent_name: 'deploy-bot' }, timeout_default: 'Reject' };
    server = await fakeServer([{ status: 200, body: link }]);
    const read = await new PausePoint({ baseUrl: server.url, apiKey: '' }).getResponseRequest('tok');
    assert.deepEqual(read.requested_by, { account_name: 'Acme Ops', agent_name: 'deploy-bot' });
    assert.equal(read.timeout_default, 'Reject');
  });

  test('createWebhook sends the reminder and escalation events by name', async () => {
    server = await fakeServer([{ status: 201, body: { webhook_id: 'wh_1', url: 'https://x', events: ['pause.reminded', 'pause.escalated'], created_at: 'c' } }]);
    await clientFor().createWebhook({ url: 'https://x', secret: 's'.repeat(16), events: ['pause.reminded', 'pause.escalated'] });
    assert.deepEqual(JSON.parse(server.requests[0].body).events, ['pause.reminded', 'pause.escalated']);
  });

  test('each createPause call gets its own Idempotency-Key; an explicit one is sent as given', async () => {
    server = await fakeServer([created]);
    const client = clientFor();
    await client.createPause(createBody);
    await client.createPause(createBody);
    await client.createPause(createBody, { idempotencyKey: 'order-42' });
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    assert.notEqual(keys[0], keys[1]);
    assert.equal(keys[2], 'order-42');
  });

  test('extra headers go on every request, but cannot replace the credential', async () => {
    server = await fakeServer([{ status: 200, body: { items: [] } }]);
    await clientFor({ headers: { 'X-Forwarded-For': '198.18.0.7', Authorization: 'Bearer other' } }).listWebhooks();
    assert.equal(server.requests[0].headers['x-forwarded-for'], '198.18.0.7');
    assert.equal(server.requests[0].headers.authorization, 'Bearer pp_test_k');
  });

  test('a session sends PausePoint-Mode; no key sends no Authorization', async () => {
    server = await fakeServer([{ status: 200, body: {} }]);
    await clientFor({ apiKey: 'pps_s', mode: 'test' }).me();
    assert.equal(server.requests[0].headers['pausepoint-mode'], 'test');
    const anonymous = new PausePoint({ baseUrl: server.url, apiKey: '' });
    await anonymous.getResponseRequest('tok');
    assert.equal(server.requests[1].headers.authorization, undefined);
  });

  test('listPauses sends only the given filters; ids are path-encoded', async () => {
    server = await fakeServer([{ status: 200, body: { items: [], limit: 5, offset: 0, has_more: false } }]);
    const client = clientFor();
    await client.listPauses({ status: 'pending', limit: 5 });
    await client.listPauses();
    await client.listPauses({ channel: 'sms', offset: 10 });
    await client.getPause('../v1/audit').catch(() => {});
    assert.deepEqual(server.requests.map((r) => r.url), [
      '/v1/pause?status=pending&limit=5',
      '/v1/pause',
      '/v1/pause?channel=sms&offset=10',
      '/v1/pause/..%2Fv1%2Faudit',
    ]);
  });

  test('getPause clamps its wait to 0..30 seconds', async () => {
    server = await fakeServer([{ status: 200, body: pendingPause() }]);
    await clientFor().getPause('psr_1', { wait: 90 });
    await clientFor().getPause('psr_1', { wait: -3 });
    assert.deepEqual(server.requests.map((r) => r.url), ['/v1/pause/psr_1?wait=30', '/v1/pause/psr_1?wait=0']);
  });

  test('a degraded health (503) is an answer, not an error', async () => {
    server = await fakeServer([{ status: 503, body: { status: 'degraded', services: { 'pause-service': 'down' } } }]);
    const health = await clientFor().health();
    assert.equal(health.status, 'degraded');
  });

  test('deleteWebhook and logout resolve on 204 with nothing', async () => {
    server = await fakeServer([{ status: 204 }]);
    assert.equal(await clientFor().deleteWebhook('whk_1'), undefined);
    assert.equal(await clientFor({ apiKey: 'pps_x' }).logout(), undefined);
  });

  test('exportAudit streams the body and names the file', async () => {
    server = await fakeServer([
      {
        status: 200,
        headers: { 'content-type': 'application/x-ndjson', 'content-disposition': 'attachment; filename="pausepoint-audit-test-2026-11-01-2026-11-30.ndjson"' },
        body: '{"id":"aud_1"}\n{"id":"aud_2"}\n',
      },
    ]);
    const exported = await clientFor().exportAudit({ from_date: '2026-11-01', to_date: '2026-11-30' });
    assert.equal(exported.filename, 'pausepoint-audit-test-2026-11-01-2026-11-30.ndjson');
    assert.equal(exported.contentType, 'application/x-ndjson');
    assert.equal(await new Response(exported.body).text(), '{"id":"aud_1"}\n{"id":"aud_2"}\n');
    assert.equal(server.requests[0].url, '/v1/audit/export?from_date=2026-11-01&to_date=2026-11-30');
  });

  test('an export streams past timeoutMs: the timeout covers only the wait for its headers', async () => {
    server = await fakeServer([{ status: 200, headers: { 'content-type': 'text/csv' }, body: 'id\r\n', trickleMs: 400 }]);
    const exported = await clientFor({ timeoutMs: 200, maxRetries: 0 }).exportAudit({ from_date: '2026-11-01', to_date: '2026-11-30', format: 'csv' });
    assert.equal(await new Response(exported.body).text(), 'id\r\n');
  });

  test('a JSON answer whose body stalls past timeoutMs is a PausePointConnectionError', async () => {
    server = await fakeServer([{ status: 200, body: '{"items":[]}', trickleMs: 400 }]);
    const error = await clientFor({ timeoutMs: 200, maxRetries: 0 }).listWebhooks().catch((e) => e);
    assert.ok(error instanceof PausePointConnectionError, String(error));
  });

  test('a redirect is an error, never followed with the credential', async () => {
    const elsewhere = await fakeServer([{ status: 200, body: {} }]);
    try {
      server = await fakeServer([{ status: 302, headers: { location: `${elsewhere.url}/v1/auth/me` }, body: '' }]);
      const error = await clientFor().me().catch((e) => e);
      assert.ok(error instanceof PausePointError, String(error));
      assert.equal(error.code, 'HTTP_302');
      assert.equal(elsewhere.requests.length, 0);
    } finally {
      await elsewhere.close();
    }
  });

  test('responseTokenFromUrl takes the last path segment', () => {
    assert.equal(responseTokenFromUrl('http://localhost:8080/respond/abc.def_1'), 'abc.def_1');
  });

  test('a client without a base URL is refused at construction', () => {
    const saved = process.env.PAUSEPOINT_URL;
    delete process.env.PAUSEPOINT_URL;
    try {
      assert.throws(() => new PausePoint({ apiKey: 'k' }), /baseUrl/);
    } finally {
      if (saved !== undefined) process.env.PAUSEPOINT_URL = saved;
    }
  });
});

describe('retries', () => {
  test('a 429 is retried after its Retry-After, with the same Idempotency-Key', async () => {
    server = await fakeServer([{ ...envelope(429, 'RATE_LIMITED'), headers: { 'retry-after': '1' } }, created]);
    const started = Date.now();
    const answer = await clientFor().createPause(createBody);
    assert.equal(answer.pause_id, 'psr_1');
    assert.ok(Date.now() - started >= 950, 'waited out Retry-After');
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0].headers['idempotency-key'], server.requests[1].headers['idempotency-key']);
  });

  test('429 after maxRetries is a RateLimitedError carrying Retry-After and the request id', async () => {
    server = await fakeServer([{ ...envelope(429, 'RATE_LIMITED'), headers: { 'retry-after': '0', 'x-request-id': 'req-9' } }]);
    const error = await clientFor({ maxRetries: 2 }).listPauses().catch((e) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(server.requests.length, 3);
    assert.equal(error.status, 429);
    assert.equal(error.code, 'RATE_LIMITED');
    assert.equal(error.retryAfterMs, 0);
    assert.equal(error.requestId, 'req-9');
  });

  test('a Retry-After longer than a minute is not waited out inside the call', async () => {
    server = await fakeServer([{ ...envelope(429, 'RATE_LIMITED'), headers: { 'retry-after': '3600' } }]);
    const error = await clientFor().listPauses().catch((e) => e);
    assert.ok(error instanceof RateLimitedError);
    assert.equal(error.retryAfterMs, 3_600_000);
    assert.equal(server.requests.length, 1);
  });

  test('a dropped connection is retried for a GET and for createPause, with the same Idempotency-Key', async () => {
    server = await fakeServer(['drop', created]);
    await clientFor().createPause(createBody);
    assert.equal(server.requests.length, 2);
    assert.equal(server.requests[0].headers['idempotency-key'], server.requests[1].headers['idempotency-key']);
    await server.close();
    server = await fakeServer(['drop', { status: 200, body: pendingPause() }]);
    assert.equal((await clientFor().getPause('psr_1')).status, 'pending');
    assert.equal(server.requests.length, 2);
  });

  test('a dropped connection is not retried for a call that is not idempotent', async () => {
    server = await fakeServer(['drop', { status: 200, body: {} }]);
    const error = await clientFor().respond('tok', { choice: 'Approve' }).catch((e) => e);
    assert.ok(error instanceof PausePointConnectionError, String(error));
    assert.equal(server.requests.length, 1);
  });

  test('connection refused after every retry is a PausePointConnectionError', async () => {
    server = await fakeServer([{ status: 200, body: {} }]);
    const url = server.url;
    await server.close();
    server = undefined;
    const error = await new PausePoint({ baseUrl: url, apiKey: 'k', maxRetries: 1 }).me().catch((e) => e);
    assert.ok(error instanceof PausePointConnectionError, String(error));
  });

  test('no answer within timeoutMs is a PausePointConnectionError', async () => {
    server = await fakeServer(['hang']);
    const error = await clientFor({ timeoutMs: 200, maxRetries: 0 }).me().catch((e) => e);
    assert.ok(error instanceof PausePointConnectionError, String(error));
    assert.match(error.message, /no answer within 200 ms/);
  });
});

describe('errors', () => {
  const cases = [
    ['PAUSE_NOT_FOUND', 404, PauseNotFoundError],
    ['PLAN_LIMIT_REACHED', 402, PlanLimitReachedError],
    ['ALREADY_CANCELLED', 409, AlreadyCancelledError],
    ['VALIDATION_ERROR', 422, ValidationError],
    ['TOKEN_USED', 410, TokenUsedError],
  ];
  for (const [code, status, ErrorClass] of cases) {
    test(`${code} is a ${ErrorClass.name}`, async () => {
      server = await fakeServer([envelope(status, code)]);
      const error = await clientFor().getPause('psr_1').catch((e) => e);
      assert.ok(error instanceof ErrorClass);
      assert.ok(error instanceof PausePointError);
      assert.equal(error.name, ErrorClass.name);
      assert.equal(error.code, code);
      assert.equal(error.status, status);
      assert.equal(error.message, `${code} happened`);
      assert.equal(error.envelope.status_code, status);
    });
  }

  test('ValidationError lists every failing field; TokenUsedError names the recorded choice', async () => {
    server = await fakeServer([
      envelope(422, 'VALIDATION_ERROR', 'bad', { detail: [{ field: 'message', issue: 'must not be blank' }, { field: 'timeout_hours', issue: 'must be at least 1' }] }),
      envelope(410, 'TOKEN_USED', 'used', { choice: 'Approve' }),
    ]);
    const invalid = await clientFor().createPause(createBody).catch((e) => e);
    assert.deepEqual(invalid.detail.map((d) => d.field), ['message', 'timeout_hours']);
    const used = await clientFor().respond('tok', { choice: 'Reject' }).catch((e) => e);
    assert.equal(used.choice, 'Approve');
  });

  test('an unknown code, and a body that is not the envelope, are the base class', async () => {
    server = await fakeServer([envelope(418, 'TEAPOT'), { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' }]);
    const unknown = await clientFor().me().catch((e) => e);
    assert.equal(unknown.constructor, PausePointError);
    assert.equal(unknown.code, 'TEAPOT');
    const proxy = await clientFor().me().catch((e) => e);
    assert.equal(proxy.constructor, PausePointError);
    assert.equal(proxy.code, 'HTTP_502');
    assert.equal(proxy.envelope, null);
    assert.match(proxy.message, /HTTP 502/);
  });
});

describe('waitForDecision', () => {
  test('long-polls until the pause leaves pending', async () => {
    server = await fakeServer([{ status: 200, body: pendingPause() }, { status: 200, body: pendingPause() }, { status: 200, body: pause('psr_1', 'responded', 'Approve') }]);
    const decided = await clientFor().waitForDecision('psr_1', { timeoutMs: 120_000 });
    assert.equal(decided.response_choice, 'Approve');
    assert.deepEqual(server.requests.map((r) => r.url), Array(3).fill('/v1/pause/psr_1?wait=30'));
  });

  test('returns the pending pause once its timeout has passed, asking for no more than is left', async () => {
    server = await fakeServer([{ status: 200, body: pendingPause() }]);
    const started = Date.now();
    const latest = await clientFor().waitForDecision('psr_1', { timeoutMs: 1500 });
    assert.equal(latest.status, 'pending');
    assert.ok(Date.now() - started < 5_000);
    assert.equal(server.requests[0].url, '/v1/pause/psr_1?wait=2');
  });

  test('aborting the signal ends the in-flight long-poll at once', async () => {
    server = await fakeServer(['hang']);
    const controller = new AbortController();
    const waiting = clientFor().waitForDecision('psr_1', { signal: controller.signal });
    await until(() => server.requests.length === 1);
    const started = Date.now();
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.ok(Date.now() - started < 1_000);
    await until(() => server.closed.length === 1);
  });

  test('aborting during a Retry-After wait ends the call without another request', async () => {
    server = await fakeServer([{ ...envelope(429, 'RATE_LIMITED'), headers: { 'retry-after': '30' } }]);
    const controller = new AbortController();
    const waiting = clientFor().waitForDecision('psr_1', { signal: controller.signal });
    await until(() => server.requests.length === 1);
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
    assert.equal(server.requests.length, 1);
  });
});

async function until(condition, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
