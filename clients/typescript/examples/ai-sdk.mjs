// Vercel AI SDK: a tool whose approval a human gives through PausePoint.
//   PAUSEPOINT_URL=http://localhost:8080 PAUSEPOINT_API_KEY=pp_test_... node examples/ai-sdk.mjs
import { generateText, tool } from 'ai';
import { z } from 'zod';
import { PausePoint } from '@pausepoint/client';
import { humanApproval } from '@pausepoint/client/ai';
import { scriptedAiModel } from './scripted-models.mjs';

const approval = humanApproval({
  client: new PausePoint(),
  channel: 'sms',
  recipient: '+14155550100',
  when: (input) => input.env === 'production', // staging deploys need nobody
  onAsk: (pause) => console.log(`Asked ${pause.pause_id}. Answer at ${pause.respond_url}`),
});

const deploy = tool({
  description: 'Deploy a build',
  inputSchema: z.object({ build: z.number(), env: z.string() }),
  needsApproval: approval.needsApproval,
  execute: async ({ build, env }) => `deployed ${build} to ${env}`,
});

const model = scriptedAiModel('deploy', { build: 42, env: 'production' });
const messages = [{ role: 'user', content: 'Ship build 42 to production' }];

const first = await generateText({ model, tools: { deploy }, messages });
// Each approval request becomes a pause; the reply holds the human's approvals and reasons.
const reply = await approval.respond(first.content, { timeoutMs: 10 * 60_000 });
messages.push(...first.response.messages, reply);

const second = await generateText({ model, tools: { deploy }, messages });
const outcome = second.response.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : [])).find((p) => p.type === 'tool-result');
console.log(`Approved: ${reply.content[0].approved} (${reply.content[0].reason}); tool result: ${JSON.stringify(outcome?.output)}`);
