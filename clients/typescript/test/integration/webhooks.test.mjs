import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { WebhookNotFoundError, WebhookVerificationError, ValidationError, decisionFromWebhook, verifyWebhook } from '@pausepoint/client';
import { answer, createReceiverWebhook, eventually, registerDeveloper, smsPause, webhookReceiver } from './stack.mjs';

let receiver;
before(async () => (receiver = await webhookReceiver()));
after(() => receiver?.close());

const secret = 'ts-webhook-secret-0123456789';

test('webhooks: create, test, a real signed webhook.test verified, deliveries, a pause event, delete', async () => {
  const dev = await registerDeveloper();
  const webhook = await createReceiverWebhook(dev.test, receiver, secret, ['pause.responded']);
  assert.match(webhook.webhook_id, /^whk_/);
  assert.deepEqual(webhook.events, ['pause.responded']);
  assert.deepEqual((await dev.test.listWebhooks()).items.map((w) => w.webhook_id), [webhook.webhook_id]);

  const queued = await dev.test.testWebhook(webhook.webhook_id);
  assert.equal(queued.event, 'webhook.test');
  const post = await receiver.next();
  const event = verifyWebhook(post.body, post.headers, secret);
  assert.equal(event.event, 'webhook.test');
  assert.equal(event.event_id, queued.event_id);
  assert.equal(post.headers['x-pausepoint-delivery'], queued.event_id);
  assert.equal(event.pause_id, null);
  assert.equal(event.livemode, false);
  assert.throws(() => verifyWebhook(post.body, post.headers, 'the-wrong-secret-000'), WebhookVerificationError);
  assert.throws(() => verifyWebhook(Buffer.concat([post.body, Buffer.from(' ')]), post.headers, secret), WebhookVerificationError);

  // The attempt is logged once the post is answered, a moment after the receiver has it.
  await eventually(async () => {
    const [logged] = (await dev.test.listWebhookDeliveries(webhook.webhook_id, { limit: 5 })).items;
    assert.equal(logged?.delivery_id, queued.delivery_id);
    assert.equal(logged.status_code, 204);
  });

  const created = await dev.test.createPause(smsPause({ metadata: { ticket: 'OPS-7' } }));
  await answer(dev, created, 'Approve', 'go');
  const responded = await receiver.next();
  const decision = decisionFromWebhook(verifyWebhook(responded.body, responded.headers, secret));
  assert.deepEqual(
    { pause_id: decision.pause_id, status: decision.status, choice: decision.choice, text: decision.text },
    { pause_id: created.pause_id, status: 'responded', choice: 'Approve', text: null },
    'text is kept only when the pause allows it',
  );

  await dev.test.deleteWebhook(webhook.webhook_id);
  await assert.rejects(dev.test.deleteWebhook(webhook.webhook_id), WebhookNotFoundError);
  await assert.rejects(dev.test.testWebhook(webhook.webhook_id), WebhookNotFoundError);
  await assert.rejects(dev.test.createWebhook({ url: 'http://example.com/hook', secret }), ValidationError);
});
