// Stand-ins for a language model, so the examples and tests run without a model provider or its key.
// In an application, pass your provider's model instead (any AI SDK model; any Agents SDK model).
import { Usage } from '@openai/agents';
import { MockLanguageModelV3 } from 'ai/test';

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } };

/** An AI SDK model that asks for `toolName(input)` once, then answers `text`: no network model call. */
export function scriptedAiModel(toolName, input, text = 'Done.') {
  return new MockLanguageModelV3({
    doGenerate: [
      { content: [{ type: 'tool-call', toolCallId: 'call-1', toolName, input: JSON.stringify(input) }], finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage, warnings: [] },
      { content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] },
    ],
  });
}

/**
 * An OpenAI Agents SDK model (the SDK's Model interface) that calls `toolName(input)` until it sees
 * the tool's result, then answers with that result's text: no network model call.
 */
export class ScriptedAgentModel {
  constructor(toolName, input) {
    this.toolName = toolName;
    this.input = input;
    this.requests = [];
  }

  async getResponse(request) {
    this.requests.push(request);
    const result = Array.isArray(request.input) ? request.input.find((item) => item.type === 'function_call_result') : undefined;
    const output = result
      ? [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: `Tool said: ${result.output.text}` }] }]
      : [{ type: 'function_call', callId: `call-${this.requests.length}`, name: this.toolName, arguments: JSON.stringify(this.input), status: 'completed' }];
    return { usage: new Usage(), output, responseId: `resp-${this.requests.length}` };
  }

  // eslint-disable-next-line require-yield
  async *getStreamedResponse() {
    throw new Error('this scripted model does not stream');
  }
}
