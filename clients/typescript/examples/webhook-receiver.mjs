// A webhook receiver that verifies each post before trusting it.
//   PAUSEPOINT_WEBHOOK_SECRET=... PORT=3000 node examples/webhook-receiver.mjs
// Register its URL with client.createWebhook({url, secret}). PausePoint posts to https URLs (plain http
// only to the hosts an operator allows for local testing: DELIVERY_INSECURE_HOSTS).
import { createServer } from 'node:http';
import { WebhookVerificationError, verifyWebhook } from '@pausepoint/client';

const secret = process.env.PAUSEPOINT_WEBHOOK_SECRET;
if (!secret) throw new Error('set PAUSEPOINT_WEBHOOK_SECRET to the secret the endpoint was created with');
const seen = new Set(); // deliveries are at least once: deduplicate on event_id

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let event;
    try {
      event = verifyWebhook(Buffer.concat(chunks), req.headers, secret); // the raw bytes, not re-serialized JSON
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      res.writeHead(401).end();
      return;
    }
    res.writeHead(204).end(); // answer within 10 s; do slow work after
    if (seen.has(event.event_id)) return;
    seen.add(event.event_id);
    console.log(`${event.event} ${event.pause_id ?? ''} choice=${event.data.choice}`);
  });
});
server.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1', () => {
  console.log(`listening on ${JSON.stringify(server.address())}`);
});
