import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Channel, NotificationKind } from './types.js';

/**
 * A webhook post's body (docs/api-reference.md, Webhooks). The terminal events (`pause.responded`,
 * `pause.timed_out`, `pause.cancelled`) carry `choice`, `text`, `response_at`; `pause.reminded` and
 * `pause.escalated` carry which notification went out (`notification`, `kind`, `step`, `reminder`,
 * `channel`) instead. `metadata` is the pause's on every pause event.
 */
export interface WebhookEvent {
  event_id: string;
  event:
    | 'pause.responded'
    | 'pause.timed_out'
    | 'pause.cancelled'
    | 'pause.reminded'
    | 'pause.escalated'
    | 'webhook.test'
    | (string & {});
  pause_id: string | null;
  developer_id: string;
  livemode: boolean;
  timestamp: number;
  data: {
    choice: string | null;
    text: string | null;
    response_at: string | null;
    metadata: Record<string, unknown> | null;
    notification?: number;
    kind?: NotificationKind;
    step?: number | null;
    reminder?: number | null;
    channel?: Channel | (string & {});
  };
}

export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

export interface VerifyOptions {
  /** How old (or how far ahead) the signed timestamp may be. Default 300 s. */
  toleranceSeconds?: number;
  /** The clock, in unix seconds; for tests. */
  nowSeconds?: number;
}

type HeaderBag =
  | Headers
  | Record<string, string | string[] | undefined>
  | { get(name: string): string | null };

/**
 * Checks a webhook post and returns its event. `rawBody` must be the bytes as received: a body parsed
 * and serialized again does not verify. The age check reads `timestamp` from the signed body, not the
 * unsigned `X-PausePoint-Timestamp` header, so a replay cannot be freshened by editing a header.
 */
export function verifyWebhook(
  rawBody: string | Uint8Array,
  headers: HeaderBag,
  secret: string,
  options: VerifyOptions = {},
): WebhookEvent {
  if (!secret) throw new TypeError('verifyWebhook needs the endpoint secret');
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : Buffer.from(rawBody);
  const signature = header(headers, 'x-pausepoint-signature');
  if (!signature) throw new WebhookVerificationError('X-PausePoint-Signature is missing');
  const match = /^sha256=([0-9a-f]{64})$/.exec(signature.trim());
  if (!match) throw new WebhookVerificationError('X-PausePoint-Signature is not sha256=<64 hex characters>');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[1], 'hex'))) {
    throw new WebhookVerificationError('the signature does not match the body under this secret');
  }

  let event: WebhookEvent;
  try {
    event = JSON.parse(body.toString('utf8')) as WebhookEvent;
  } catch {
    throw new WebhookVerificationError('the signed body is not JSON');
  }
  if (!event || typeof event !== 'object' || typeof event.timestamp !== 'number') {
    throw new WebhookVerificationError('the signed body has no numeric timestamp');
  }
  const headerTimestamp = header(headers, 'x-pausepoint-timestamp');
  if (headerTimestamp !== null && headerTimestamp.trim() !== String(event.timestamp)) {
    throw new WebhookVerificationError('X-PausePoint-Timestamp differs from the signed timestamp');
  }
  const tolerance = options.toleranceSeconds ?? 300;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - event.timestamp) > tolerance) {
    throw new WebhookVerificationError(`the timestamp is more than ${tolerance} s from now: a stale or replayed post`);
  }
  return event;
}

function header(headers: HeaderBag, name: string): string | null {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== name) continue;
    if (Array.isArray(value)) {
      // Two signatures or timestamps are an ambiguity an attacker could exploit; refuse rather than pick.
      if (value.length !== 1) throw new WebhookVerificationError(`${name} appears ${value.length} times`);
      return value[0];
    }
    return value ?? null;
  }
  return null;
}
