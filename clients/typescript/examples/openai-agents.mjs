// OpenAI Agents SDK: a tool that needs approval interrupts the run; a human approves or rejects it
// through PausePoint, and the run continues.
//   PAUSEPOINT_URL=http://localhost:8080 PAUSEPOINT_API_KEY=pp_test_... node examples/openai-agents.mjs
import { Agent, Runner, setTracingDisabled, tool } from '@openai/agents';
import { z } from 'zod';
import { PausePoint } from '@pausepoint/client';
import { humanApproval } from '@pausepoint/client/openai-agents';
import { ScriptedAgentModel } from './scripted-models.mjs';

setTracingDisabled(true); // the scripted model has no OpenAI key to send traces with

const refund = tool({
  name: 'refund',
  description: 'Refund an order',
  parameters: z.object({ order: z.string(), amount: z.number() }),
  needsApproval: true,
  execute: async ({ order, amount }) => `refunded ${amount} USD on ${order}`,
});
const agent = new Agent({
  name: 'support',
  instructions: 'Refund orders when asked.',
  model: new ScriptedAgentModel('refund', { order: 'A-17', amount: 120 }),
  tools: [refund],
});

const approval = humanApproval({
  client: new PausePoint(),
  channel: 'sms',
  recipient: '+14155550100',
  message: (call) => `Refund ${call.input.amount} USD on order ${call.input.order}?`,
  onAsk: (pause) => console.log(`Asked ${pause.pause_id}. Answer at ${pause.respond_url}`),
});

const runner = new Runner();
let result = await runner.run(agent, 'Refund order A-17');
while (result.interruptions.length > 0) {
  result = await runner.run(agent, await approval.decide(result, { timeoutMs: 10 * 60_000 }));
}
console.log(`Final output: ${result.finalOutput}`);
