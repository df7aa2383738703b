import type { ToolApprovalResponse, ToolModelMessage } from 'ai';
import { ToolApprovals, type AwaitDecisionOptions, type ToolApprovalDecision, type ToolApprovalOptions } from '../decision.js';

/** The part of a `tool-approval-request` output this adapter reads (`result.content` of generateText). */
export interface ApprovalRequestPart {
  type: 'tool-approval-request';
  approvalId: string;
  toolCall: { toolCallId: string; toolName: string; input: unknown };
}

export interface HumanApprovalOptions extends Omit<ToolApprovalOptions, 'keyPrefix'> {
  /** Which calls need a human; default every call. Receives the tool's input. */
  when?: (input: unknown) => boolean | PromiseLike<boolean>;
}

export interface HumanApproval {
  /** Put on the tool: `tool({ ..., needsApproval: approval.needsApproval })`. */
  needsApproval: (input: unknown) => boolean | PromiseLike<boolean>;
  /**
   * Asks a human about every approval request in `content` (a generateText result's `content`, or
   * any parts), waits for each answer, and returns the `tool` message to append before calling the
   * model again; undefined when nothing asked for approval.
   */
  respond(content: readonly { type: string }[], options?: AwaitDecisionOptions): Promise<ToolModelMessage | undefined>;
  /** The approval response for one request once its decision is known (a webhook, a later read). */
  toResponse(part: ApprovalRequestPart, decision: ToolApprovalDecision): ToolApprovalResponse;
  /** The underlying asker: `ask` creates the pause without waiting, `interpret` reads a decision. */
  approvals: ToolApprovals;
}

/**
 * Tool approval for the Vercel AI SDK (`ai` 6+), decided by a human through PausePoint: the SDK stops
 * at a tool call whose `needsApproval` says so, and `respond` turns each approval request into a pause
 * and its answer into the SDK's approval response.
 */
export function humanApproval(options: HumanApprovalOptions): HumanApproval {
  const approvals = new ToolApprovals({ ...options, keyPrefix: 'ai-sdk' });
  const toResponse = (part: ApprovalRequestPart, decided: ToolApprovalDecision): ToolApprovalResponse => ({
    type: 'tool-approval-response',
    approvalId: part.approvalId,
    approved: decided.approved,
    reason: decided.reason,
  });
  return {
    approvals,
    toResponse,
    needsApproval: options.when ?? (() => true),
    async respond(content, waitOptions = {}) {
      const requests = content.filter((part): part is ApprovalRequestPart => part.type === 'tool-approval-request');
      if (requests.length === 0) return undefined;
      // Several calls in one step are asked at once, so the human sees every question together.
      const responses = await Promise.all(
        requests.map(async (part) => {
          const call = { toolName: part.toolCall.toolName, input: part.toolCall.input, callId: part.approvalId };
          return toResponse(part, await approvals.decide(call, waitOptions));
        }),
      );
      return { role: 'tool', content: responses };
    },
  };
}
