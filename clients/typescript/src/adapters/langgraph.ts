import { createHash } from 'node:crypto';
import { Command, getConfig, interrupt, type Interrupt } from '@langchain/langgraph';
import type { PausePoint, CreatePauseOptions } from '../client.js';
import { awaitDecision, decisionFromWebhook, type AwaitDecisionOptions, type HumanDecision } from '../decision.js';
import type { CreatePauseRequest } from '../types.js';
import type { WebhookEvent } from '../webhook.js';

/** The value a PausePoint interrupt carries, so the caller knows which pause to wait for. */
export interface PauseInterrupt {
  pausepoint: true;
  pause_id: string;
  message: string;
  options: string[];
  /** Only for test pauses (the sandbox): the link that answers it. */
  respond_url: string | null;
}

export interface AskHumanOptions extends Pick<CreatePauseOptions, 'signal'> {
  /**
   * Default: derived from the thread id and the task, so the node's re-run on resume finds the same
   * pause instead of asking again (a pause's key is remembered for 24 h).
   */
  idempotencyKey?: string;
}

/**
 * For use inside a graph node: creates a pause, interrupts the graph with a PauseInterrupt, and
 * returns the human's decision once the graph is resumed with it (resumeWhenDecided or
 * resumeFromWebhook). Needs a checkpointer, as every interrupt does. The thread id is added to the
 * pause's metadata as `langgraph_thread_id`, so a webhook receiver knows which thread to resume.
 */
export async function askHuman(client: PausePoint, request: CreatePauseRequest, options: AskHumanOptions = {}): Promise<HumanDecision> {
  const config = getConfig();
  const threadId = config?.configurable?.thread_id as string | undefined;
  const task = (config?.configurable?.checkpoint_ns as string | undefined) ?? '';
  const idempotencyKey = options.idempotencyKey ?? (threadId ? derivedKey(`${threadId}:${task}`) : undefined);
  if (!idempotencyKey) throw new TypeError('askHuman needs a thread_id in the graph config, or an idempotencyKey');
  const body: CreatePauseRequest = threadId ? { ...request, metadata: { ...request.metadata, langgraph_thread_id: threadId } } : request;
  const pause = await client.createPause(body, { idempotencyKey, signal: options.signal });
  const value: PauseInterrupt = {
    pausepoint: true,
    pause_id: pause.pause_id,
    message: body.message,
    options: body.options,
    respond_url: pause.livemode ? null : pause.respond_url,
  };
  return interrupt<PauseInterrupt, HumanDecision>(value);
}

/** What resumes a graph with decisions: typed to fit any compiled graph's `invoke`. */
export type ResumeCommand = Command<HumanDecision | Record<string, HumanDecision>, Record<string, never>, never>;

/** An `invoke` result (its `__interrupt__`), or interrupts themselves (such as a state snapshot's tasks'). */
export type InterruptSource = readonly Interrupt[] | { __interrupt__?: readonly Interrupt[] } | object | undefined;

/** The PausePoint interrupts of an invoke result or of a list of interrupts. */
export function pauseInterrupts(source: InterruptSource): (Interrupt & { value: PauseInterrupt })[] {
  const interrupts: readonly Interrupt[] = Array.isArray(source)
    ? source
    : ((source as { __interrupt__?: readonly Interrupt[] } | undefined)?.__interrupt__ ?? []);
  return interrupts.filter(
    (entry): entry is Interrupt & { value: PauseInterrupt } => (entry.value as PauseInterrupt | undefined)?.pausepoint === true,
  );
}

/**
 * Waits for the decision of every PausePoint interrupt and returns the Command that resumes the graph
 * with them: `graph.invoke(await resumeWhenDecided(client, result), config)`.
 */
export async function resumeWhenDecided(client: PausePoint, source: InterruptSource, options: AwaitDecisionOptions = {}): Promise<ResumeCommand> {
  const pending = pauseInterrupts(source);
  if (pending.length === 0) throw new TypeError('no PausePoint interrupt to resume');
  const decisions = await Promise.all(pending.map((entry) => awaitDecision(client, entry.value.pause_id, options)));
  return resumeCommand(pending, decisions);
}

/**
 * The Command that resumes the graph with the decision a verified webhook carries. Pass the thread's
 * interrupts (from `graph.getState(config)`) when several may be pending, so the right one resumes.
 */
export function resumeFromWebhook(event: WebhookEvent, interrupts?: InterruptSource): ResumeCommand {
  const decision = decisionFromWebhook(event);
  if (!interrupts) return new Command({ resume: decision });
  const target = pauseInterrupts(interrupts).filter((entry) => entry.value.pause_id === decision.pause_id);
  const id = target[0]?.id;
  if (!id) throw new TypeError(`no interrupt of this thread waits for ${decision.pause_id}`);
  return new Command({ resume: { [id]: decision } });
}

function resumeCommand(entries: (Interrupt & { value: PauseInterrupt })[], decisions: HumanDecision[]): ResumeCommand {
  if (entries.length === 1) return new Command({ resume: decisions[0] });
  const byId: Record<string, HumanDecision> = {};
  entries.forEach((entry, index) => {
    if (!entry.id) throw new TypeError('several interrupts without ids cannot be resumed one by one');
    byId[entry.id] = decisions[index];
  });
  return new Command({ resume: byId });
}

// An Idempotency-Key holds at most 255 characters; a long thread id or a deep subgraph path is hashed.
function derivedKey(scope: string): string {
  const key = `langgraph:${scope}`;
  return key.length <= 255 ? key : `langgraph:sha256:${createHash('sha256').update(scope).digest('hex')}`;
}
