import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { Agent, Runner, setTracingDisabled, tool as agentTool } from '@openai/agents';
import { generateText, tool } from 'ai';
import { z } from 'zod';
import { PausePoint } from '@pausepoint/client';
import { humanApproval as aiApproval } from '@pausepoint/client/ai';
import { askHuman, resumeFromWebhook, resumeWhenDecided } from '@pausepoint/client/langgraph';
import { humanApproval as agentsApproval } from '@pausepoint/client/openai-agents';
import { ScriptedAgentModel, scriptedAiModel } from '../../examples/scripted-models.mjs';
import { fakeServer, pause } from './fake-server.mjs';

// The adapters with their real frameworks, against a loopback stand-in for the API that answers every
// create with psr_1 and every read with the given decision. The real stack: test/integration/.

setTracingDisabled(true);
let server;
afterEach(() => server?.close());

async function apiDeciding(choice) {
  server = await fakeServer((request) =>
    request.method === 'POST'
      ? { status: 201, body: { pause_id: 'psr_1', status: 'pending', respond_url: 'http://x/respond/t', expires_at: 'e', created_at: 'c', livemode: false } }
      : { status: 200, body: pause('psr_1', 'responded', choice) },
  );
  return new PausePoint({ baseUrl: server.url, apiKey: 'pp_test_k' });
}
const creates = () => server.requests.filter((r) => r.method === 'POST');

for (const [choice, approved] of [['Approve', true], ['Reject', false]]) {
  test(`AI SDK: ${choice} gives approved=${approved}, and the tool runs only when approved`, async () => {
    const client = await apiDeciding(choice);
    const approval = aiApproval({ client, channel: 'sms', recipient: '+14155550100' });
    let ran = 0;
    const deploy = tool({ inputSchema: z.object({ build: z.number() }), needsApproval: approval.needsApproval, execute: async () => ++ran });
    const model = scriptedAiModel('deploy', { build: 42 });
    const messages = [{ role: 'user', content: 'ship' }];
    const first = await generateText({ model, tools: { deploy }, messages });
    const reply = await approval.respond(first.content);
    assert.equal(reply.content[0].approved, approved);
    const approvalId = first.content.find((p) => p.type === 'tool-approval-request').approvalId;
    assert.equal(creates()[0].headers['idempotency-key'], `ai-sdk:${approvalId}`);
    await generateText({ model, tools: { deploy }, messages: [...messages, ...first.response.messages, reply] });
    assert.equal(ran, approved ? 1 : 0);
  });

  test(`OpenAI Agents: ${choice} ${approved ? 'approves' : 'rejects'} the interruption`, async () => {
    const client = await apiDeciding(choice);
    let ran = 0;
    const refund = agentTool({ name: 'refund', description: 'Refund', parameters: z.object({ order: z.string() }), needsApproval: true, execute: async () => `ran ${++ran}` });
    const agent = new Agent({ name: 'a', instructions: 'x', model: new ScriptedAgentModel('refund', { order: 'A-1' }), tools: [refund] });
    const runner = new Runner();
    const first = await runner.run(agent, 'refund A-1');
    const { callId } = first.interruptions[0].rawItem;
    const second = await runner.run(agent, await agentsApproval({ client, channel: 'sms', recipient: '+14155550100' }).decide(first));
    assert.equal(ran, approved ? 1 : 0);
    assert.equal(second.finalOutput, approved ? 'Tool said: ran 1' : `Tool said: The human chose ${choice}`);
    assert.equal(creates()[0].headers['idempotency-key'], `openai-agents:${callId}`);
    assert.equal(JSON.parse(creates()[0].body).message, 'Allow refund with {"order":"A-1"}?');
  });
}

test('LangGraph: the node re-run on resume asks with the same key and body, so the stack finds the same pause', async () => {
  const client = await apiDeciding('Deploy');
  const State = Annotation.Root({ decision: Annotation() });
  const graph = new StateGraph(State)
    .addNode('approve', async () => ({ decision: await askHuman(client, { channel: 'sms', recipient: '+14155550100', message: 'Deploy?', options: ['Deploy', 'Hold'] }) }))
    .addEdge(START, 'approve')
    .addEdge('approve', END)
    .compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { thread_id: 't-1' } };
  const interrupted = await graph.invoke({}, config);
  assert.equal(interrupted.__interrupt__[0].value.pause_id, 'psr_1');
  const finished = await graph.invoke(await resumeWhenDecided(client, interrupted.__interrupt__), config);
  assert.equal(finished.decision.choice, 'Deploy');
  const [asked, askedAgain] = creates();
  assert.equal(asked.headers['idempotency-key'], askedAgain.headers['idempotency-key']);
  assert.match(asked.headers['idempotency-key'], /^langgraph:t-1:approve:/);
  assert.equal(asked.body, askedAgain.body);
  assert.equal(JSON.parse(asked.body).metadata.langgraph_thread_id, 't-1');
});

test('LangGraph: a graph without a thread id cannot ask (its key could not be derived)', async () => {
  const client = await apiDeciding('Deploy');
  await assert.rejects(
    askHuman(client, { channel: 'sms', recipient: '+14155550100', message: 'Deploy?', options: ['Deploy', 'Hold'] }),
    /thread_id/,
  );
});

test('LangGraph: a webhook resumes the interrupt waiting for its pause, by interrupt id', () => {
  const event = { event_id: 'evt_1', event: 'pause.responded', pause_id: 'psr_2', developer_id: 'd', livemode: false, timestamp: 1, data: { choice: 'Hold', text: null, response_at: 'r', metadata: null } };
  const interrupts = [
    { id: 'i-1', value: { pausepoint: true, pause_id: 'psr_1' } },
    { id: 'i-2', value: { pausepoint: true, pause_id: 'psr_2' } },
  ];
  assert.deepEqual(resumeFromWebhook(event, interrupts).resume, { 'i-2': { pause_id: 'psr_2', status: 'responded', choice: 'Hold', text: null, response_at: 'r' } });
  assert.throws(() => resumeFromWebhook({ ...event, pause_id: 'psr_9' }, interrupts), /psr_9/);
});
