import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, Runner, setTracingDisabled, tool } from '@openai/agents';
import { z } from 'zod';
import { humanApproval } from '@pausepoint/client/openai-agents';
import { ScriptedAgentModel } from '../../examples/scripted-models.mjs';
import { answerNextPause, registerDeveloper } from './stack.mjs';

setTracingDisabled(true);

async function refundRun(choice, text) {
  const dev = await registerDeveloper();
  const refunded = [];
  const refund = tool({
    name: 'refund',
    description: 'Refund an order',
    parameters: z.object({ order: z.string(), amount: z.number() }),
    needsApproval: true,
    execute: async ({ order }) => {
      refunded.push(order);
      return `refunded ${order}`;
    },
  });
  const model = new ScriptedAgentModel('refund', { order: 'A-17', amount: 120 });
  const agent = new Agent({ name: 'support', instructions: 'Refund when asked.', model, tools: [refund] });
  const runner = new Runner();

  const first = await runner.run(agent, 'Refund order A-17');
  assert.equal(first.interruptions.length, 1);
  const { callId } = first.interruptions[0].rawItem;
  assert.equal(refunded.length, 0, 'nothing runs before the human decides');

  const approval = humanApproval({
    client: dev.test,
    channel: 'sms',
    recipient: '+14155550100',
    allowTextResponse: true,
    message: (call) => `Refund ${call.input.amount} USD on ${call.input.order}?`,
  });
  const human = answerNextPause(dev, choice, { text });
  const state = await approval.decide(first, { timeoutMs: 30_000 });
  const asked = await human;
  assert.equal(asked.message, 'Refund 120 USD on A-17?');
  assert.deepEqual(asked.metadata, { tool_name: 'refund', tool_call_id: callId });

  const second = await runner.run(agent, state);
  return { second, refunded };
}

test('OpenAI Agents: the human approves the interruption through PausePoint and the tool runs', async () => {
  const { second, refunded } = await refundRun('Approve');
  assert.deepEqual(refunded, ['A-17']);
  assert.equal(second.interruptions.length, 0);
  assert.equal(second.finalOutput, 'Tool said: refunded A-17');
});

test('OpenAI Agents: the human rejects; the tool does not run and the model reads the reason', async () => {
  const { second, refunded } = await refundRun('Reject', 'over the limit');
  assert.deepEqual(refunded, []);
  assert.equal(second.finalOutput, 'Tool said: The human chose Reject: over the limit');
});
