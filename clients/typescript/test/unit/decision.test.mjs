import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { PausePoint, ToolApprovals, awaitDecision, decisionFromWebhook } from '@pausepoint/client';
import { envelope, fakeServer, pause, pendingPause } from './fake-server.mjs';

let server;
afterEach(() => server?.close());

const approvals = (options = {}) =>
  new ToolApprovals({ client: new PausePoint({ baseUrl: 'http://127.0.0.1:9', apiKey: 'k' }), channel: 'sms', recipient: '+14155550100', keyPrefix: 't', ...options });
const decision = (status, choice, text = null) => ({ pause_id: 'psr_1', status, choice, text, response_at: null });

test('only the approve option approves; a timeout approves only when its default is the approve option', () => {
  const asker = approvals();
  assert.equal(asker.interpret(decision('responded', 'Approve')).approved, true);
  assert.equal(asker.interpret(decision('responded', 'Reject', 'not on a Friday')).approved, false);
  assert.match(asker.interpret(decision('responded', 'Reject', 'not on a Friday')).reason, /Reject: not on a Friday/);
  assert.equal(asker.interpret(decision('timed_out', 'Approve')).approved, true);
  assert.equal(asker.interpret(decision('timed_out', null)).approved, false);
  assert.equal(asker.interpret(decision('cancelled', null)).approved, false);
  assert.equal(asker.interpret(decision('pending', null)).approved, false);
});

test('the pause asked for a tool call defaults its timeout to the reject option and names the call', () => {
  const request = approvals({ approveOption: 'Ship it', rejectOption: 'Stop' }).pauseRequest({ toolName: 'deploy', input: { env: 'prod' }, callId: 'c1' });
  assert.deepEqual(request.options, ['Ship it', 'Stop']);
  assert.equal(request.timeout_default, 'Stop');
  assert.equal(request.message, 'Allow deploy with {"env":"prod"}?');
  assert.deepEqual(request.metadata, { tool_name: 'deploy', tool_call_id: 'c1' });
});

test('a tool approval names its agent and carries reminders and escalation only when given', () => {
  const call = { toolName: 'deploy', input: {}, callId: 'c1' };
  const plain = approvals().pauseRequest(call);
  assert.equal('agent_name' in plain || 'reminders' in plain || 'escalation' in plain, false);
  const escalation = [{ after_minutes: 30, channel: 'email', recipient: 'lead@example.com' }];
  const request = approvals({ agentName: 'Deploy agent', reminders: { every_minutes: 10, max: 2 }, escalation }).pauseRequest(call);
  assert.equal(request.agent_name, 'Deploy agent');
  assert.deepEqual(request.reminders, { every_minutes: 10, max: 2 });
  assert.deepEqual(request.escalation, escalation);
});

test('awaitDecision cancels a pause still pending when time runs out', async () => {
  server = await fakeServer((request) => (request.method === 'DELETE' ? { status: 200, body: pause('psr_1', 'cancelled') } : { status: 200, body: pendingPause() }));
  const ended = await awaitDecision(new PausePoint({ baseUrl: server.url, apiKey: 'k' }), 'psr_1', { timeoutMs: 500 });
  assert.equal(ended.status, 'cancelled');
  assert.equal(server.requests.at(-1).method, 'DELETE');
  assert.equal(server.requests.filter((r) => r.method === 'DELETE').length, 1);
});

test('awaitDecision returns the answer that won the race with its cancel', async () => {
  let cancelled = false;
  server = await fakeServer((request) => {
    if (request.method === 'DELETE') {
      cancelled = true;
      return envelope(409, 'ALREADY_RESPONDED');
    }
    return { status: 200, body: cancelled ? pause('psr_1', 'responded', 'Approve') : pendingPause() };
  });
  const ended = await awaitDecision(new PausePoint({ baseUrl: server.url, apiKey: 'k' }), 'psr_1', { timeoutMs: 500 });
  assert.equal(ended.status, 'responded');
  assert.equal(ended.choice, 'Approve');
  assert.equal(server.requests.at(-1).method, 'GET');
});

test('a webhook event becomes the same decision a read gives; a test event carries none', () => {
  const event = { event_id: 'evt_1', event: 'pause.timed_out', pause_id: 'psr_1', developer_id: 'dev_1', livemode: false, timestamp: 1, data: { choice: 'Reject', text: null, response_at: 'r', metadata: null } };
  assert.deepEqual(decisionFromWebhook(event), { pause_id: 'psr_1', status: 'timed_out', choice: 'Reject', text: null, response_at: 'r' });
  assert.throws(() => decisionFromWebhook({ ...event, event: 'webhook.test', pause_id: null }), TypeError);
});
