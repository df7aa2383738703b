import { PausePointConnectionError, errorFromResponse } from './errors.js';
import type {
  AuditEntry,
  AuditExport,
  AuditExportQuery,
  AuditQuery,
  CreatePauseRequest,
  CreatedPause,
  CreateWebhookRequest,
  DeliveryTimeline,
  Health,
  ListPausesQuery,
  Me,
  MessageAnswer,
  Mode,
  Page,
  Pause,
  PauseStats,
  Plan,
  QueuedWebhookTest,
  RecordedResponse,
  RegisterRequest,
  Registration,
  ResponseRequest,
  RotatedKey,
  Session,
  Subscription,
  Webhook,
  WebhookDelivery,
} from './types.js';

export interface PausePointOptions {
  /** An API key (`pp_live_...`, `pp_test_...`) or a session token (`pps_...`). Default: `PAUSEPOINT_API_KEY`. */
  apiKey?: string;
  /** The gateway, such as `http://localhost:8080`. Default: `PAUSEPOINT_URL`. */
  baseUrl?: string;
  /** Extra headers sent with every request (the client's own headers win on a clash). */
  headers?: Record<string, string>;
  /** Retries of a 429 (after its Retry-After) and of a connection failure of an idempotent call. Default 3. */
  maxRetries?: number;
  /** Per-attempt timeout in milliseconds; a long-poll adds its wait to it. Default 40000. */
  timeoutMs?: number;
  /** `PausePoint-Mode` for a session token: the world it acts in. An API key acts in its own. */
  mode?: Mode;
  /** The fetch to use (a test double, a proxying fetch). Default: the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Aborts the call, including a retry's wait; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

export interface CreatePauseOptions extends RequestOptions {
  /** 1–255 characters. Default: a random UUID per call, reused by this call's retries. */
  idempotencyKey?: string;
}

export interface GetPauseOptions extends RequestOptions {
  /** Long-poll up to this many seconds (0–30) for the pause to leave `pending`. */
  wait?: number;
}

export interface WaitOptions extends RequestOptions {
  /** How long to wait in all. Default: until the pause leaves `pending` (at the latest, its expiry). */
  timeoutMs?: number;
}

const DEFAULT_MAX_RETRIES = 3;
const DEFAULT_TIMEOUT_MS = 40_000;
const MAX_LONG_POLL_SECONDS = 30;
// A Retry-After longer than this is not waited out inside a call: the error reaches the caller, who
// can decide (retryAfterMs says how long).
const MAX_RETRY_AFTER_MS = 60_000;

interface Call {
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Safe to send again after a connection failure: the server either did nothing or will do nothing twice. */
  idempotent: boolean;
  extraTimeoutMs?: number;
  /** Non-2xx statuses whose body is the answer (health's 503). */
  okStatuses?: number[];
  /** The body is handed to the caller as a stream: the timeout covers the wait for the headers only. */
  streamed?: boolean;
}

/** A client for the PausePoint API. One instance is safe to share; it holds no connection state. */
export class PausePoint {
  private readonly options: PausePointOptions;
  private readonly baseUrl: string;
  private readonly apiKey: string | undefined;
  private readonly maxRetries: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: PausePointOptions = {}) {
    this.options = { ...options };
    const baseUrl = options.baseUrl ?? process.env.PAUSEPOINT_URL;
    if (!baseUrl) throw new TypeError('PausePoint needs baseUrl (or the PAUSEPOINT_URL environment variable)');
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey ?? process.env.PAUSEPOINT_API_KEY;
    this.maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    if (!Number.isInteger(this.maxRetries) || this.maxRetries < 0) throw new RangeError('maxRetries must be an integer >= 0');
  }

  /** The same settings with another credential (a live key next to a test key, a session). */
  withApiKey(apiKey: string): PausePoint {
    return new PausePoint({ ...this.options, baseUrl: this.baseUrl, apiKey });
  }

  // ---- pauses

  createPause(request: CreatePauseRequest, options: CreatePauseOptions = {}): Promise<CreatedPause> {
    const idempotencyKey = options.idempotencyKey ?? globalThis.crypto.randomUUID();
    return this.json('POST', '/v1/pause', { body: request, idempotencyKey, signal: options.signal, idempotent: true });
  }

  getPause(pauseId: string, options: GetPauseOptions = {}): Promise<Pause> {
    const wait = options.wait === undefined ? undefined : clampWait(options.wait);
    return this.json('GET', `/v1/pause/${segment(pauseId)}`, {
      query: { wait },
      signal: options.signal,
      idempotent: true,
      extraTimeoutMs: (wait ?? 0) * 1000,
    });
  }

  /**
   * Long-polls until the pause leaves `pending` or `timeoutMs` has passed (rounded up to the next whole
   * second), and returns the latest pause: still `pending` when time ran out.
   */
  async waitForDecision(pauseId: string, options: WaitOptions = {}): Promise<Pause> {
    const timeoutMs = options.timeoutMs ?? Number.POSITIVE_INFINITY;
    const deadline = Date.now() + Math.max(0, timeoutMs);
    for (;;) {
      const remainingMs = deadline - Date.now();
      const wait = Math.min(MAX_LONG_POLL_SECONDS, Math.max(0, Math.ceil(remainingMs / 1000)));
      const pause = await this.getPause(pauseId, { wait, signal: options.signal });
      if (pause.status !== 'pending' || deadline - Date.now() <= 0) return pause;
    }
  }

  /** A retried cancel whose first attempt reached the server answers `AlreadyCancelledError`. */
  cancelPause(pauseId: string, options: RequestOptions = {}): Promise<Pause> {
    return this.json('DELETE', `/v1/pause/${segment(pauseId)}`, { signal: options.signal, idempotent: true });
  }

  listPauses(query: ListPausesQuery = {}, options: RequestOptions = {}): Promise<Page<Pause>> {
    return this.json('GET', '/v1/pause', { query: { ...query }, signal: options.signal, idempotent: true });
  }

  // ---- the human's side: no credential, the token is one

  getResponseRequest(token: string, options: RequestOptions = {}): Promise<ResponseRequest> {
    return this.json('GET', `/v1/respond/${segment(token)}`, { signal: options.signal, idempotent: true });
  }

  respond(token: string, answer: { choice: string; text?: string }, options: RequestOptions = {}): Promise<RecordedResponse> {
    return this.json('POST', `/v1/respond/${segment(token)}`, { body: answer, signal: options.signal, idempotent: false });
  }

  // ---- accounts and keys

  register(request: RegisterRequest, options: RequestOptions = {}): Promise<Registration> {
    return this.json('POST', '/v1/auth/register', { body: request, signal: options.signal, idempotent: false });
  }

  login(credentials: { email: string; password: string }, options: RequestOptions = {}): Promise<Session> {
    return this.json('POST', '/v1/auth/login', { body: credentials, signal: options.signal, idempotent: false });
  }

  async logout(options: RequestOptions = {}): Promise<void> {
    await this.json('POST', '/v1/auth/logout', { signal: options.signal, idempotent: true });
  }

  me(options: RequestOptions = {}): Promise<Me> {
    return this.json('GET', '/v1/auth/me', { signal: options.signal, idempotent: true });
  }

  rotateKey(keyType?: Mode, options: RequestOptions = {}): Promise<RotatedKey> {
    const body = keyType === undefined ? {} : { key_type: keyType };
    return this.json('POST', '/v1/auth/keys/rotate', { body, signal: options.signal, idempotent: false });
  }

  requestPasswordReset(email: string, options: RequestOptions = {}): Promise<MessageAnswer> {
    return this.json('POST', '/v1/auth/password-reset', { body: { email }, signal: options.signal, idempotent: false });
  }

  confirmPasswordReset(token: string, password: string, options: RequestOptions = {}): Promise<MessageAnswer> {
    return this.json('POST', '/v1/auth/password-reset/confirm', {
      body: { token, password },
      signal: options.signal,
      idempotent: false,
    });
  }

  // ---- webhooks

  createWebhook(request: CreateWebhookRequest, options: RequestOptions = {}): Promise<Webhook> {
    return this.json('POST', '/v1/webhooks', { body: request, signal: options.signal, idempotent: false });
  }

  listWebhooks(options: RequestOptions = {}): Promise<{ items: Webhook[] }> {
    return this.json('GET', '/v1/webhooks', { signal: options.signal, idempotent: true });
  }

  async deleteWebhook(webhookId: string, options: RequestOptions = {}): Promise<void> {
    await this.json('DELETE', `/v1/webhooks/${segment(webhookId)}`, { signal: options.signal, idempotent: true });
  }

  listWebhookDeliveries(webhookId: string, query: { limit?: number } = {}, options: RequestOptions = {}): Promise<{ items: WebhookDelivery[] }> {
    return this.json('GET', `/v1/webhooks/${segment(webhookId)}/deliveries`, {
      query: { ...query },
      signal: options.signal,
      idempotent: true,
    });
  }

  testWebhook(webhookId: string, options: RequestOptions = {}): Promise<QueuedWebhookTest> {
    return this.json('POST', `/v1/webhooks/${segment(webhookId)}/test`, { signal: options.signal, idempotent: false });
  }

  getDeliveries(pauseId: string, options: RequestOptions = {}): Promise<DeliveryTimeline> {
    return this.json('GET', '/v1/deliveries', { query: { pause_id: pauseId }, signal: options.signal, idempotent: true });
  }

  // ---- audit, stats, billing, health

  listAudit(query: AuditQuery = {}, options: RequestOptions = {}): Promise<Page<AuditEntry>> {
    return this.json('GET', '/v1/audit', { query: { ...query }, signal: options.signal, idempotent: true });
  }

  /** Streams the export: nothing is buffered, so a year of entries costs no memory here. */
  async exportAudit(query: AuditExportQuery, options: RequestOptions = {}): Promise<AuditExport> {
    const response = await this.send('GET', '/v1/audit/export', { query: { ...query }, signal: options.signal, idempotent: true, streamed: true });
    const disposition = response.headers.get('content-disposition') ?? '';
    return {
      contentType: response.headers.get('content-type') ?? '',
      filename: /filename="([^"]*)"/.exec(disposition)?.[1] ?? null,
      body: response.body ?? new ReadableStream({ start: (controller) => controller.close() }),
    };
  }

  pauseStats(query: { days?: number } = {}, options: RequestOptions = {}): Promise<PauseStats> {
    return this.json('GET', '/v1/stats/pauses', { query: { ...query }, signal: options.signal, idempotent: true });
  }

  listPlans(options: RequestOptions = {}): Promise<{ items: Plan[] }> {
    return this.json('GET', '/v1/billing/plans', { signal: options.signal, idempotent: true });
  }

  getSubscription(options: RequestOptions = {}): Promise<Subscription> {
    return this.json('GET', '/v1/billing/subscription', { signal: options.signal, idempotent: true });
  }

  createCheckout(plan: string, options: RequestOptions = {}): Promise<{ checkout_url: string }> {
    return this.json('POST', '/v1/billing/checkout', { body: { plan }, signal: options.signal, idempotent: false });
  }

  /** `status: "degraded"` (the gateway's 503) is an answer here, not an error. */
  health(options: RequestOptions = {}): Promise<Health> {
    return this.json('GET', '/health', { signal: options.signal, idempotent: true, okStatuses: [503] });
  }

  // ---- transport

  private async json<T>(method: string, path: string, call: Call): Promise<T> {
    const response = await this.send(method, path, call);
    const text = await readText(response, call.signal);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, call: Call): Promise<Response> {
    const url = this.baseUrl + path + queryString(call.query);
    const headers = this.headersFor(call);
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    for (let attempt = 0; ; attempt++) {
      call.signal?.throwIfAborted();
      const timeoutMs = this.timeoutMs + (call.extraTimeoutMs ?? 0);
      const attemptTimeout = new AbortController();
      // unref: a finished call's timer must not keep the process alive.
      const timer = setTimeout(() => attemptTimeout.abort(), timeoutMs).unref();
      const signal = call.signal ? AbortSignal.any([call.signal, attemptTimeout.signal]) : attemptTimeout.signal;
      let response: Response;
      try {
        // The API never redirects; following one would carry the credential and the body somewhere unknown.
        response = await this.fetchImpl(url, { method, headers, body, signal, redirect: 'manual' });
      } catch (cause) {
        clearTimeout(timer);
        call.signal?.throwIfAborted();
        const failure = attemptTimeout.signal.aborted
          ? new PausePointConnectionError(`${method} ${path}: no answer within ${timeoutMs} ms`, { cause })
          : new PausePointConnectionError(`${method} ${path}: ${describe(cause)}`, { cause });
        if (!call.idempotent || attempt >= this.maxRetries) throw failure;
        await sleep(backoffMs(attempt), call.signal);
        continue;
      }
      if (response.ok || call.okStatuses?.includes(response.status)) {
        // A long audit export may stream for minutes; only the caller's signal ends it.
        if (call.streamed) clearTimeout(timer);
        return response;
      }
      const text = await readText(response, call.signal);
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      // A 429 was refused before any work, so every call may repeat it.
      if (response.status === 429 && attempt < this.maxRetries && (retryAfterMs ?? 0) <= MAX_RETRY_AFTER_MS) {
        await sleep(retryAfterMs ?? backoffMs(attempt), call.signal);
        continue;
      }
      throw errorFromResponse(response.status, text, response.headers.get('x-request-id'), retryAfterMs);
    }
  }

  private headersFor(call: Call): Record<string, string> {
    const headers: Record<string, string> = { ...this.options.headers, Accept: 'application/json' };
    if (this.apiKey) headers.Authorization = `Bearer ${this.apiKey}`;
    if (this.options.mode) headers['PausePoint-Mode'] = this.options.mode;
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['Idempotency-Key'] = call.idempotencyKey;
    return headers;
  }
}

/** The token of a response link: the last path segment of a pause's `respond_url`. */
export function responseTokenFromUrl(respondUrl: string): string {
  const path = new URL(respondUrl).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

function segment(value: string): string {
  if (typeof value !== 'string' || value.length === 0) throw new TypeError('an id or token must be a non-empty string');
  return encodeURIComponent(value);
}

function clampWait(seconds: number): number {
  return Math.min(MAX_LONG_POLL_SECONDS, Math.max(0, Math.round(seconds)));
}

function queryString(query: Call['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function readText(response: Response, signal: AbortSignal | undefined): Promise<string> {
  try {
    return await response.text();
  } catch (cause) {
    signal?.throwIfAborted();
    throw new PausePointConnectionError(`the answer (HTTP ${response.status}) broke off: ${describe(cause)}`, { cause });
  }
}

/** Retry-After in whole seconds (what PausePoint sends) or as an HTTP date. */
export function parseRetryAfter(value: string | null): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function backoffMs(attempt: number): number {
  const base = Math.min(8_000, 500 * 2 ** attempt);
  return base / 2 + Math.random() * (base / 2);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
