import { createServer } from 'node:http';

/**
 * A loopback HTTP server that answers each request with the next scripted reply and records what it
 * received. A reply is `{status, headers, body, trickleMs}` (trickleMs delays the body after the headers), `'drop'` (the socket is destroyed: a connection
 * failure) or `'hang'` (no answer until the client gives up). `replies` is a list (the last one
 * repeats) or a function of the recorded request.
 */
export async function fakeServer(replies) {
  const queue = typeof replies === 'function' ? null : [...replies];
  const requests = [];
  const closed = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const request = { method: req.method, url: req.url, headers: req.headers, body };
      requests.push(request);
      res.on('close', () => closed.push(req.url));
      const reply = queue === null ? replies(request) : queue.length > 1 ? queue.shift() : queue[0];
      if (reply === 'drop') return req.socket.destroy();
      if (reply === 'hang') return;
      const text = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      if (!reply.trickleMs) return res.end(text);
      // The headers now, the body after trickleMs: a slow stream.
      res.flushHeaders();
      setTimeout(() => res.end(text), reply.trickleMs);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    closed,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

export const pendingPause = (id = 'psr_1') => pause(id, 'pending');

export function pause(id, status, choice = null) {
  return {
    pause_id: id,
    status,
    livemode: false,
    channel: 'sms',
    recipient: '+14155550100',
    message: 'Deploy?',
    options: ['Approve', 'Reject'],
    allow_text_response: false,
    timeout_default: null,
    metadata: null,
    created_at: '2026-11-25T09:30:00Z',
    expires_at: '2026-11-26T09:30:00Z',
    respond_url: null,
    response_choice: choice,
    response_text: null,
    response_at: choice ? '2026-11-25T09:31:00Z' : null,
    cancelled_at: status === 'cancelled' ? '2026-11-25T09:31:00Z' : null,
    delivery: null,
  };
}

export const envelope = (status, error, message = `${error} happened`, extra = {}) => ({
  status,
  body: { error, message, status_code: status, ...extra },
});
