import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateText, tool } from 'ai';
import { z } from 'zod';
import { humanApproval } from '@pausepoint/client/ai';
import { scriptedAiModel } from '../../examples/scripted-models.mjs';
import { answerNextPause, registerDeveloper } from './stack.mjs';

async function deployRun(choice, text) {
  const dev = await registerDeveloper();
  const approval = humanApproval({ client: dev.test, channel: 'sms', recipient: '+14155550100', allowTextResponse: true, when: (input) => input.env === 'production' });
  const deployed = [];
  const deploy = tool({
    description: 'Deploy a build',
    inputSchema: z.object({ build: z.number(), env: z.string() }),
    needsApproval: approval.needsApproval,
    execute: async ({ build }) => {
      deployed.push(build);
      return `deployed ${build}`;
    },
  });
  const model = scriptedAiModel('deploy', { build: 42, env: 'production' });
  const messages = [{ role: 'user', content: 'Ship build 42' }];

  const first = await generateText({ model, tools: { deploy }, messages });
  assert.equal(deployed.length, 0, 'nothing runs before the human decides');
  assert.equal(first.content.filter((part) => part.type === 'tool-approval-request').length, 1);

  const human = answerNextPause(dev, choice, { text });
  const reply = await approval.respond(first.content, { timeoutMs: 30_000 });
  const asked = await human;
  assert.equal(asked.message, 'Allow deploy with {"build":42,"env":"production"}?');
  assert.deepEqual(asked.options, ['Approve', 'Reject']);
  assert.equal(asked.timeout_default, 'Reject', 'silence never approves');

  messages.push(...first.response.messages, reply);
  const second = await generateText({ model, tools: { deploy }, messages });
  return { dev, reply, second, deployed, asked };
}

test('AI SDK: the human approves through PausePoint and the tool runs', async () => {
  const { reply, second, deployed, dev, asked } = await deployRun('Approve');
  assert.equal(reply.content[0].approved, true);
  assert.deepEqual(deployed, [42]);
  assert.equal(second.text, 'Done.');
  assert.equal((await dev.test.getPause(asked.pause_id)).status, 'responded');
});

test('AI SDK: the human rejects with a note; the tool does not run and the model is told why', async () => {
  const { reply, deployed, second } = await deployRun('Reject', 'freeze until Monday');
  assert.equal(reply.content[0].approved, false);
  assert.equal(reply.content[0].reason, 'The human chose Reject: freeze until Monday');
  assert.deepEqual(deployed, []);
  const denied = second.response.messages.flatMap((m) => (Array.isArray(m.content) ? m.content : [])).find((part) => part.type === 'tool-result');
  assert.equal(denied?.output?.type, 'execution-denied');
  assert.equal(denied?.output?.reason, 'The human chose Reject: freeze until Monday');
});

test('AI SDK: needsApproval lets calls the predicate clears run without a human', async () => {
  const dev = await registerDeveloper();
  const approval = humanApproval({ client: dev.test, channel: 'sms', recipient: '+14155550100', when: (input) => input.env === 'production' });
  let ran = 0;
  const deploy = tool({
    inputSchema: z.object({ build: z.number(), env: z.string() }),
    needsApproval: approval.needsApproval,
    execute: async () => ++ran,
  });
  const result = await generateText({ model: scriptedAiModel('deploy', { build: 7, env: 'staging' }), tools: { deploy }, prompt: 'Ship 7 to staging' });
  assert.equal(ran, 1);
  assert.equal(await approval.respond(result.content), undefined);
  assert.equal((await dev.test.listPauses()).items.length, 0);
});

test('AI SDK: nobody answering in time denies the call and withdraws the question', async () => {
  const dev = await registerDeveloper();
  const approval = humanApproval({ client: dev.test, channel: 'sms', recipient: '+14155550100' });
  const deploy = tool({ inputSchema: z.object({ build: z.number() }), needsApproval: approval.needsApproval, execute: async () => 'ran' });
  const first = await generateText({ model: scriptedAiModel('deploy', { build: 1 }), tools: { deploy }, prompt: 'Ship 1' });
  const reply = await approval.respond(first.content, { timeoutMs: 1_000 });
  assert.equal(reply.content[0].approved, false);
  assert.match(reply.content[0].reason, /withdrawn/);
  const [pause] = (await dev.test.listPauses()).items;
  assert.equal(pause.status, 'cancelled');
});
