import type { RunState, RunToolApprovalItem } from '@openai/agents';
import { ToolApprovals, type AwaitDecisionOptions, type ToolApprovalDecision, type ToolApprovalOptions, type ToolCallForApproval } from '../decision.js';

export type HumanApprovalOptions = Omit<ToolApprovalOptions, 'keyPrefix'>;

/** What a run result offers: its pending approvals and the state to resume from. */
export interface InterruptedRun {
  interruptions: RunToolApprovalItem[];
  state: RunState<any, any>;
}

export interface HumanApproval {
  /**
   * Asks a human about every interruption of `result`, waits for each answer, and approves or rejects
   * the interruption on `result.state`; run the agent again with the returned state to continue.
   */
  decide(result: InterruptedRun, options?: AwaitDecisionOptions): Promise<RunState<any, any>>;
  /** Applies a decision known some other way (a webhook) to one interruption. */
  apply(state: RunState<any, any>, item: RunToolApprovalItem, decided: ToolApprovalDecision): void;
  /** The tool call an interruption stands for, as the asker sees it. */
  callOf(item: RunToolApprovalItem): ToolCallForApproval;
  approvals: ToolApprovals;
}

/**
 * Tool approval for the OpenAI Agents SDK: a tool with `needsApproval` interrupts the run, and
 * `decide` turns each interruption into a pause whose answer approves or rejects it.
 */
export function humanApproval(options: HumanApprovalOptions): HumanApproval {
  const approvals = new ToolApprovals({ ...options, keyPrefix: 'openai-agents' });
  const callOf = (item: RunToolApprovalItem): ToolCallForApproval => {
    const raw = item.rawItem as { callId?: string; id?: string };
    const callId = raw.callId ?? raw.id;
    if (!callId) throw new TypeError('the interruption carries no call id to ask about');
    return { toolName: item.name ?? 'tool', input: parseArguments(item.arguments), callId };
  };
  const apply = (state: RunState<any, any>, item: RunToolApprovalItem, decided: ToolApprovalDecision) => {
    if (decided.approved) state.approve(item);
    else state.reject(item, { message: decided.reason });
  };
  return {
    approvals,
    callOf,
    apply,
    async decide(result, waitOptions = {}) {
      const decisions = await Promise.all(result.interruptions.map((item) => approvals.decide(callOf(item), waitOptions)));
      result.interruptions.forEach((item, index) => apply(result.state, item, decisions[index]));
      return result.state;
    },
  };
}

function parseArguments(text: string | undefined): unknown {
  if (text === undefined) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
