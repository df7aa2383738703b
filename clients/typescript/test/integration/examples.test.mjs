import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { answerNextPause, createReceiverWebhook, registerDeveloper } from './stack.mjs';

// The README's examples, run as a reader would run them, against the stack; the human answers through
// the response link.

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

function start(example, env) {
  const child = spawn(process.execPath, [example], { cwd: examples, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited, output: () => stdout };
}

async function runAnswered(example, choice, timeoutMs = 60_000) {
  const dev = await registerDeveloper();
  const run = start(example, { PAUSEPOINT_URL: dev.baseUrl, PAUSEPOINT_API_KEY: dev.registration.test_api_key });
  const timer = setTimeout(() => run.child.kill(), timeoutMs);
  try {
    await answerNextPause(dev, choice, { timeoutMs: 30_000 });
    const result = await run.exited;
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /Answer at http/);
    return result.stdout;
  } finally {
    clearTimeout(timer);
    run.child.kill();
  }
}

test('examples/quickstart.mjs', async () => {
  assert.match(await runAnswered('quickstart.mjs', 'Deploy'), /Status: responded, choice: Deploy/);
});

test('examples/ai-sdk.mjs', async () => {
  assert.match(await runAnswered('ai-sdk.mjs', 'Approve'), /Approved: true .*deployed 42 to production/);
});

test('examples/langgraph.mjs', async () => {
  assert.match(await runAnswered('langgraph.mjs', 'Hold'), /Decision: Hold; deployed: false/);
});

test('examples/openai-agents.mjs', async () => {
  assert.match(await runAnswered('openai-agents.mjs', 'Approve'), /Final output: Tool said: refunded 120 USD on A-17/);
});

test('examples/webhook-receiver.mjs', async () => {
  const dev = await registerDeveloper();
  const secret = 'example-receiver-secret-0001';
  const run = start('webhook-receiver.mjs', { PAUSEPOINT_WEBHOOK_SECRET: secret, HOST: '127.0.0.2', PORT: '0' });
  try {
    const port = await until(() => /"port":(\d+)/.exec(run.output())?.[1]);
    const webhook = await createReceiverWebhook(dev.test, { url: `http://127.0.0.2:${port}/hook` }, secret);
    await dev.test.testWebhook(webhook.webhook_id);
    await until(() => /webhook\.test +choice=null/.test(run.output()), 30_000);
    const forged = await fetch(`http://127.0.0.2:${port}/hook`, { method: 'POST', body: '{}', headers: { 'x-pausepoint-signature': `sha256=${'0'.repeat(64)}` } });
    assert.equal(forged.status, 401);
  } finally {
    run.child.kill();
  }
});

async function until(condition, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('the example did not print what was expected in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
