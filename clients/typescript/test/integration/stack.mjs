import { randomBytes, randomInt } from 'node:crypto';
import { createServer } from 'node:http';
import { PausePoint, responseTokenFromUrl } from '@pausepoint/client';

const HOW_TO_RUN =
  'PAUSEPOINT_URL is not set: these integration tests need a running PausePoint stack. ' +
  'Start one (./run-local, or the Maven system tests, which pass the variable) and run ' +
  '`PAUSEPOINT_URL=http://localhost:8080 npm test` in clients/typescript.';

/** The gateway under test. Fails the calling test, never skips it: a skipped test proves nothing. */
export function stackUrl() {
  const url = process.env.PAUSEPOINT_URL;
  if (!url) throw new Error(HOW_TO_RUN);
  return url.replace(/\/+$/, '');
}

/** An address in 198.18.0.0/15 (benchmarking), so per-address limits count this test apart. */
export function randomAddress() {
  return `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/**
 * A freshly registered developer: `test` and `live` clients on its two keys and `anonymous` (no
 * credential, for the human's side), all from one random address.
 */
export async function registerDeveloper() {
  const baseUrl = stackUrl();
  const headers = { 'X-Forwarded-For': randomAddress() };
  const anonymous = new PausePoint({ baseUrl, apiKey: '', headers });
  const email = `ts-${randomBytes(6).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const registration = await anonymous.register({ email, name: 'TypeScript client test', password });
  return {
    baseUrl,
    headers,
    email,
    password,
    registration,
    anonymous,
    test: anonymous.withApiKey(registration.test_api_key),
    live: anonymous.withApiKey(registration.api_key),
  };
}

export const smsPause = (fields = {}) => ({
  channel: 'sms',
  recipient: '+14155550100',
  message: 'Deploy build 42 to production?',
  options: ['Approve', 'Reject'],
  ...fields,
});

/** The human: answers a test pause through its response link (`POST /v1/respond/<token>`). */
export async function answer(developer, pauseOrUrl, choice, text) {
  const url = typeof pauseOrUrl === 'string' ? pauseOrUrl : pauseOrUrl.respond_url;
  return developer.anonymous.respond(responseTokenFromUrl(url), text === undefined ? { choice } : { choice, text });
}

/**
 * The human answering the next question that reaches them: waits (bounded) for a pending test pause
 * of this developer that `seen` does not hold, then answers it. Used where the code under test
 * creates the pause itself.
 */
export async function answerNextPause(developer, choice, { text, seen = new Set(), timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await developer.test.listPauses({ status: 'pending', limit: 100 });
    const next = page.items.find((pause) => !seen.has(pause.pause_id));
    if (next) {
      seen.add(next.pause_id);
      await answer(developer, next, choice, text);
      return next;
    }
    if (Date.now() > deadline) throw new Error(`no new pending pause appeared within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A webhook receiver on 127.0.0.2, the one host the stack may post plain http to
 * (DELIVERY_INSECURE_HOSTS). `next()` resolves with the next post: raw body and headers.
 */
export async function webhookReceiver() {
  const received = [];
  const waiters = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(204).end();
      const post = { body: Buffer.concat(chunks), headers: req.headers, path: req.url };
      const waiter = waiters.shift();
      if (waiter) waiter(post);
      else received.push(post);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.2', resolve);
  });
  return {
    url: `http://127.0.0.2:${server.address().port}/hook`,
    next(timeoutMs = 30_000) {
      if (received.length) return Promise.resolve(received.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no webhook post within ${timeoutMs} ms`)), timeoutMs);
        waiters.push((post) => {
          clearTimeout(timer);
          resolve(post);
        });
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** Retries `check` until it stops throwing or `timeoutMs` passes: for what the stack does asynchronously. */
export async function eventually(check, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Registers `receiver` as a webhook endpoint, saying what the stack lacks when it refuses plain http. */
export async function createReceiverWebhook(client, receiver, secret, events) {
  try {
    return await client.createWebhook({ url: receiver.url, secret, events });
  } catch (error) {
    if (error.code === 'VALIDATION_ERROR' && /https/.test(error.message)) {
      throw new Error(`the stack refuses ${receiver.url}: start it with DELIVERY_INSECURE_HOSTS=127.0.0.2 (${error.message})`);
    }
    throw error;
  }
}
