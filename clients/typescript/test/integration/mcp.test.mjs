import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { answer, registerDeveloper } from './stack.mjs';

// Our MCP server (mcp-server, Java, MCP Java SDK) spoken to by the TypeScript MCP SDK's client, over
// both transports, against the tool contract in docs/mcp.md.

const TOOLS = ['ask_human', 'cancel_pause', 'get_pause', 'list_pauses', 'wait_for_pause'];

function mcpJar() {
  const jar = process.env.PAUSEPOINT_MCP_JAR;
  if (!jar || !existsSync(jar)) {
    throw new Error(
      'PAUSEPOINT_MCP_JAR must name the built MCP server jar (mcp-server/target/mcp-server.jar, built with ' +
        './mvnw -o -q -B -DskipTests package -pl mcp-server -am), for the stdio test.',
    );
  }
  return jar;
}

async function overHttp(dev) {
  const client = new Client({ name: 'pausepoint-ts-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${dev.baseUrl}/mcp`), {
    requestInit: { headers: { Authorization: `Bearer ${dev.registration.test_api_key}`, ...dev.headers } },
  });
  await client.connect(transport);
  return client;
}

async function overStdio(dev) {
  const client = new Client({ name: 'pausepoint-ts-test', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: 'java',
    args: ['-jar', mcpJar()],
    env: {
      PATH: process.env.PATH,
      PAUSEPOINT_URL: dev.baseUrl,
      PAUSEPOINT_API_KEY: dev.registration.test_api_key,
      PAUSEPOINT_MCP_PROGRESS_INTERVAL: '1s',
    },
    stderr: 'pipe',
  });
  await client.connect(transport);
  return client;
}

/** The tool result's JSON, checked to be the same in structuredContent and in the text content. */
function resultJson(result) {
  assert.equal(result.isError ?? false, false, JSON.stringify(result.content));
  assert.deepEqual(JSON.parse(result.content[0].text), result.structuredContent);
  return result.structuredContent;
}

/**
 * Calls ask_human and, once the first progress notification has arrived (so the call is provably
 * waiting), answers the pause it created as the human would. Returns the result and the progress seen.
 */
async function askAndAnswer(dev, client, choice) {
  const progress = [];
  let firstProgress;
  const progressed = new Promise((resolve) => (firstProgress = resolve));
  const call = client.callTool(
    {
      name: 'ask_human',
      arguments: { channel: 'sms', recipient: '+14155550100', question: 'Merge the release branch?', options: ['Merge', 'Wait'], max_wait_seconds: 60 },
    },
    undefined,
    {
      timeout: 90_000,
      onprogress: (notification) => {
        progress.push(notification);
        firstProgress();
      },
    },
  );
  await Promise.race([progressed, call]);
  const [pause] = (await dev.test.listPauses({ status: 'pending' })).items;
  assert.ok(pause, 'ask_human created the pause before waiting');
  await answer(dev, pause, choice);
  return { result: resultJson(await call), progress, pause };
}

async function contractChecks(dev, client) {
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name).sort(), TOOLS);
  const ask = tools.find((t) => t.name === 'ask_human');
  assert.deepEqual([...ask.inputSchema.required].sort(), ['channel', 'options', 'question', 'recipient']);
  assert.equal(client.getServerVersion().name, 'pausepoint');

  const { result, progress, pause } = await askAndAnswer(dev, client, 'Merge');
  assert.ok(progress.length >= 1, 'progress notifications arrive while ask_human waits');
  assert.equal(result.pause_id, pause.pause_id);
  assert.equal(result.status, 'responded');
  assert.equal(result.choice, 'Merge');
  assert.equal(result.message, 'Merge the release branch?');
  assert.equal(result.livemode, false);

  // A wait that ends first: pending, with the next step for the model; then wait_for_pause gets the answer.
  const early = resultJson(
    await client.callTool({
      name: 'ask_human',
      arguments: { channel: 'sms', recipient: '+14155550100', question: 'Rotate the keys?', options: ['Yes', 'No'], max_wait_seconds: 1 },
    }),
  );
  assert.equal(early.status, 'pending');
  assert.match(early.next_step, /wait_for_pause/);
  assert.ok(early.respond_url, 'a test pause shows its link');
  await answer(dev, early.respond_url, 'No');
  const waited = resultJson(await client.callTool({ name: 'wait_for_pause', arguments: { pause_id: early.pause_id, max_wait_seconds: 20 } }));
  assert.equal(waited.choice, 'No');
  assert.equal(resultJson(await client.callTool({ name: 'get_pause', arguments: { pause_id: early.pause_id } })).status, 'responded');

  const listed = resultJson(await client.callTool({ name: 'list_pauses', arguments: { status: 'responded', limit: 10 } }));
  assert.equal(listed.items.length, 2);
  assert.equal(listed.has_more, false);

  const third = await dev.test.createPause({ channel: 'sms', recipient: '+14155550100', message: 'Cancel me', options: ['A', 'B'] });
  assert.equal(resultJson(await client.callTool({ name: 'cancel_pause', arguments: { pause_id: third.pause_id } })).status, 'cancelled');

  // API errors are tool results naming the code, never protocol errors.
  const again = await client.callTool({ name: 'cancel_pause', arguments: { pause_id: third.pause_id } });
  assert.equal(again.isError, true);
  assert.match(again.content[0].text, /ALREADY_CANCELLED/);
  const missing = await client.callTool({ name: 'get_pause', arguments: { pause_id: 'psr_00000000-0000-0000-0000-000000000000' } });
  assert.equal(missing.isError, true);
  assert.match(missing.content[0].text, /PAUSE_NOT_FOUND/);
}

async function checkContractOver(connect) {
  const dev = await registerDeveloper();
  const client = await connect(dev);
  try {
    await contractChecks(dev, client);
  } finally {
    await client.close();
  }
}

describe('MCP server through the TypeScript MCP SDK', () => {
  test('Streamable HTTP at /mcp with a test key', () => checkContractOver(overHttp));
  test('stdio: java -jar $PAUSEPOINT_MCP_JAR with PAUSEPOINT_URL and PAUSEPOINT_API_KEY', () => checkContractOver(overStdio));
});
