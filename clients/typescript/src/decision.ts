import type { PausePoint } from './client.js';
import { AlreadyCancelledError, AlreadyRespondedError, AlreadyTimedOutError } from './errors.js';
import type { Channel, CreatedPause, CreatePauseRequest, EscalationStep, Pause, PauseStatus, Reminders } from './types.js';
import type { WebhookEvent } from './webhook.js';

/** How a pause ended, the same whether it was read by a long-poll or received by webhook. */
export interface HumanDecision {
  pause_id: string;
  status: PauseStatus;
  /** The human's option, the timeout default on a timeout, null otherwise. */
  choice: string | null;
  text: string | null;
  response_at: string | null;
}

export function decisionFromPause(pause: Pause): HumanDecision {
  return {
    pause_id: pause.pause_id,
    status: pause.status,
    choice: pause.response_choice,
    text: pause.response_text,
    response_at: pause.response_at,
  };
}

const statusOfEvent: Record<string, PauseStatus> = {
  'pause.responded': 'responded',
  'pause.timed_out': 'timed_out',
  'pause.cancelled': 'cancelled',
};

/** The decision a verified webhook event carries (see verifyWebhook). */
export function decisionFromWebhook(event: WebhookEvent): HumanDecision {
  const status = statusOfEvent[event.event];
  if (!status || !event.pause_id) throw new TypeError(`${event.event} carries no decision about a pause`);
  return {
    pause_id: event.pause_id,
    status,
    choice: event.data.choice,
    text: event.data.text,
    response_at: event.data.response_at,
  };
}

export interface AwaitDecisionOptions {
  /** How long to wait. Default: until the pause ends (at the latest, its expiry). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Waits for the pause to end. When time runs out first the pause is cancelled, so the human's link
 * says the question is no longer needed rather than taking an answer nobody reads; an answer that won
 * the race with the cancel is returned instead.
 */
export async function awaitDecision(client: PausePoint, pauseId: string, options: AwaitDecisionOptions = {}): Promise<HumanDecision> {
  const pause = await client.waitForDecision(pauseId, options);
  if (pause.status !== 'pending') return decisionFromPause(pause);
  try {
    return decisionFromPause(await client.cancelPause(pauseId, { signal: options.signal }));
  } catch (error) {
    if (error instanceof AlreadyRespondedError || error instanceof AlreadyTimedOutError || error instanceof AlreadyCancelledError) {
      return decisionFromPause(await client.waitForDecision(pauseId, { timeoutMs: 5_000, signal: options.signal }));
    }
    throw error;
  }
}

/** A tool call waiting for a human's yes or no, as every agent framework describes one. */
export interface ToolCallForApproval {
  toolName: string;
  input: unknown;
  /** Unique per call: the pause's Idempotency-Key is derived from it, so asking twice sends one message. */
  callId: string;
}

export interface ToolApprovalOptions {
  client: PausePoint;
  channel: Channel;
  recipient: string;
  /** The question; default: `Allow <tool> with <input as JSON>?`. Must give the same text for the same call. */
  message?: (call: ToolCallForApproval) => string;
  /** The option that approves. Default `Approve`. */
  approveOption?: string;
  /** The option that rejects. Default `Reject`. */
  rejectOption?: string;
  allowTextResponse?: boolean;
  timeoutHours?: number;
  /** Recorded if nobody answers in time; default the reject option, so silence never approves. */
  timeoutDefault?: string;
  metadata?: Record<string, unknown>;
  /** Which agent asks, shown to the human with the account's name (1–80 characters). */
  agentName?: string;
  /** Remind the human while the pause is pending. */
  reminders?: Reminders;
  /** Ask other people in turn if nobody has answered (1–3 steps). */
  escalation?: EscalationStep[];
  /** Called with each pause once created: to log it, or in test mode to show its `respond_url`. */
  onAsk?: (pause: CreatedPause, call: ToolCallForApproval) => void;
  /** Prefix of the derived Idempotency-Key. */
  keyPrefix: string;
}

export interface ToolApprovalDecision {
  approved: boolean;
  /** Why, in words for the model: the human's note, or what happened to the question. */
  reason: string;
  decision: HumanDecision;
}

/** Asks a human about a tool call through a pause, and reads the answer as approved or not. */
export class ToolApprovals {
  private readonly options: ToolApprovalOptions;
  readonly approveOption: string;
  readonly rejectOption: string;

  constructor(options: ToolApprovalOptions) {
    this.options = options;
    this.approveOption = options.approveOption ?? 'Approve';
    this.rejectOption = options.rejectOption ?? 'Reject';
  }

  pauseRequest(call: ToolCallForApproval): CreatePauseRequest {
    const o = this.options;
    return {
      channel: o.channel,
      recipient: o.recipient,
      message: o.message ? o.message(call) : `Allow ${call.toolName} with ${JSON.stringify(call.input)}?`,
      options: [this.approveOption, this.rejectOption],
      allow_text_response: o.allowTextResponse ?? false,
      timeout_hours: o.timeoutHours,
      timeout_default: o.timeoutDefault ?? this.rejectOption,
      metadata: { ...o.metadata, tool_name: call.toolName, tool_call_id: call.callId },
      // Left out when unset, so the create is the same as before these options existed.
      ...(o.agentName === undefined ? {} : { agent_name: o.agentName }),
      ...(o.reminders === undefined ? {} : { reminders: o.reminders }),
      ...(o.escalation === undefined ? {} : { escalation: o.escalation }),
    };
  }

  /** Creates (or, for a call already asked about, finds again) the pause for this tool call. */
  async ask(call: ToolCallForApproval, signal?: AbortSignal): Promise<CreatedPause> {
    const pause = await this.options.client.createPause(this.pauseRequest(call), {
      idempotencyKey: `${this.options.keyPrefix}:${call.callId}`,
      signal,
    });
    this.options.onAsk?.(pause, call);
    return pause;
  }

  /** Asks and waits; see awaitDecision for what happens when time runs out. */
  async decide(call: ToolCallForApproval, options: AwaitDecisionOptions = {}): Promise<ToolApprovalDecision> {
    const pause = await this.ask(call, options.signal);
    return this.interpret(await awaitDecision(this.options.client, pause.pause_id, options));
  }

  interpret(decision: HumanDecision): ToolApprovalDecision {
    const approved = decision.choice === this.approveOption && (decision.status === 'responded' || decision.status === 'timed_out');
    return { approved, reason: reasonFor(decision), decision };
  }
}

function reasonFor(decision: HumanDecision): string {
  const note = decision.text ? `: ${decision.text}` : '';
  switch (decision.status) {
    case 'responded':
      return `The human chose ${decision.choice}${note}`;
    case 'timed_out':
      return decision.choice ? `Nobody answered in time; the default ${decision.choice} applies` : 'Nobody answered in time';
    case 'cancelled':
      return 'The question was withdrawn before anyone answered';
    default:
      return `The question is ${decision.status}`;
  }
}
