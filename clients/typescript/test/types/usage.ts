// Compiled with --noEmit by `npm test`: the published declarations serve a TypeScript caller as the
// README shows them. A wrong name or type here fails the build.
import { Agent, Runner, tool as agentTool } from '@openai/agents';
import { Annotation, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { generateText, tool, type ModelMessage } from 'ai';
import { z } from 'zod';
import {
  PausePoint,
  PlanLimitReachedError,
  ValidationError,
  TokenUsedError,
  verifyWebhook,
  decisionFromWebhook,
  type Pause,
  type HumanDecision,
  type WebhookEvent,
  type NotificationKind,
  type PauseNotification,
  testRecipients,
} from '@pausepoint/client';
import { humanApproval } from '@pausepoint/client/ai';
import { askHuman, resumeWhenDecided, resumeFromWebhook } from '@pausepoint/client/langgraph';
import { humanApproval as agentApproval } from '@pausepoint/client/openai-agents';
import type { LanguageModel } from 'ai';

export async function core(client = new PausePoint({ baseUrl: 'http://localhost:8080', apiKey: 'pp_test_x', maxRetries: 2, headers: { 'X-Forwarded-For': '198.18.0.1' } })) {
  const created = await client.createPause({ channel: 'sms', recipient: '+14155550100', message: 'Go?', options: ['Go', 'Stop'], timeout_default: 'Stop' }, { idempotencyKey: 'k' });
  const pause: Pause = await client.waitForDecision(created.pause_id, { timeoutMs: 60_000, signal: AbortSignal.timeout(1000) });
  const choice: string | null = pause.response_choice;
  const tested = await client.createPause({
    ...testRecipients.email.choose(2, { afterSeconds: 30 }),
    message: 'Go?',
    options: ['Go', 'Stop'],
    agent_name: 'deploy-bot',
    reminders: { every_minutes: 5, max: 2 },
    escalation: [{ after_minutes: 10, ...testRecipients.sms.choose(1) }, { after_minutes: 20, channel: 'email', recipient: 'a@example.com' }],
  });
  const read: Pause = await client.getPause(tested.pause_id);
  const agent: string | null = read.agent_name;
  const kinds: NotificationKind[] = read.deliveries.map((d: PauseNotification) => d.kind);
  const link = await client.getResponseRequest('tok');
  console.log(agent, kinds, link.requested_by.account_name, link.requested_by.agent_name, link.timeout_default);
  await client.createWebhook({ url: 'https://x', secret: 's', events: ['pause.reminded', 'pause.escalated'] });
  try {
    await client.listPauses({ status: 'pending', channel: 'sms', limit: 5 });
  } catch (error) {
    if (error instanceof PlanLimitReachedError) console.log(error.retryAfterMs, error.requestId, error.envelope?.status_code);
    if (error instanceof ValidationError) console.log(error.detail.map((d) => d.field));
    if (error instanceof TokenUsedError) console.log(error.choice);
  }
  const event: WebhookEvent = verifyWebhook('{}', { 'x-pausepoint-signature': 'sha256=00' }, 'secret', { toleranceSeconds: 60 });
  const decision: HumanDecision = decisionFromWebhook(event);
  return [choice, decision.choice];
}

export async function ai(client: PausePoint, model: LanguageModel, messages: ModelMessage[]) {
  const approval = humanApproval({ client, channel: 'sms', recipient: '+14155550100', when: (input) => (input as { env: string }).env === 'production' });
  const deploy = tool({ inputSchema: z.object({ env: z.string() }), needsApproval: approval.needsApproval, execute: async ({ env }) => env });
  const first = await generateText({ model, tools: { deploy }, messages });
  const reply = await approval.respond(first.content, { timeoutMs: 1000 });
  if (reply) messages.push(...first.response.messages, reply);
}

export async function langgraph(client: PausePoint) {
  const State = Annotation.Root({ decision: Annotation<HumanDecision>() });
  const graph = new StateGraph(State)
    .addNode('ask', async () => ({ decision: await askHuman(client, { channel: 'sms', recipient: '+14155550100', message: 'Go?', options: ['Go', 'Stop'] }) }))
    .addEdge(START, 'ask')
    .compile({ checkpointer: new MemorySaver() });
  const config = { configurable: { thread_id: 't' } };
  const result = await graph.invoke({}, config);
  await graph.invoke(await resumeWhenDecided(client, result, { timeoutMs: 1000 }), config);
  return (event: WebhookEvent) => graph.invoke(resumeFromWebhook(event), config);
}

export async function agents(client: PausePoint, agent: Agent) {
  const approval = agentApproval({ client, channel: 'sms', recipient: '+14155550100', onAsk: (pause) => console.log(pause.respond_url) });
  const runner = new Runner();
  let result = await runner.run(agent, 'go');
  while (result.interruptions.length > 0) result = await runner.run(agent, await approval.decide(result));
  return agentTool;
}
