// Wire shapes, with the API's snake_case field names (docs/api-reference.md), so a field reads the same
// here, in the docs and in a webhook body.

export type Channel = 'sms' | 'email' | 'slack';
/** `string` too: a status added to the API later must not break a compiled client. */
export type PauseStatus = 'pending' | 'responded' | 'timed_out' | 'cancelled' | (string & {});
export type Mode = 'live' | 'test';
/**
 * `pause.reminded` and `pause.escalated` reach only endpoints that name them; without `events` an endpoint
 * gets the three terminal events.
 */
export type WebhookEventType = 'pause.responded' | 'pause.timed_out' | 'pause.cancelled' | 'pause.reminded' | 'pause.escalated';
/** Why a notification was sent; `string` too, for a kind added later. */
export type NotificationKind = 'initial' | 'reminder' | 'escalation' | (string & {});
/** Where one notification stands; `string` too, for a status added later. */
export type DeliveryStatus = 'scheduled' | 'queued' | 'sent' | 'delivered' | 'failed' | 'sandbox' | 'skipped' | (string & {});

/** The same recipient notified again, marked as a reminder, while the pause is pending. */
export interface Reminders {
  /** Minutes between reminders, at least 5. */
  every_minutes: number;
  /** How many at most, 1–5. */
  max: number;
}

/** A recipient notified with a link of their own `after_minutes` after the create, if still pending. */
export interface EscalationStep {
  /** At least 1, each step later than the one before, all before the pause expires. */
  after_minutes: number;
  channel: Channel;
  recipient: string;
}

export interface CreatePauseRequest {
  channel: Channel;
  recipient: string;
  message: string;
  options: string[];
  allow_text_response?: boolean;
  timeout_hours?: number;
  timeout_default?: string | null;
  metadata?: Record<string, unknown> | null;
  /** Which agent asks (1–80 characters, no control characters), shown to the human with the account's name. */
  agent_name?: string | null;
  reminders?: Reminders;
  /** 1–3 steps. */
  escalation?: EscalationStep[];
}

export interface CreatedPause {
  pause_id: string;
  status: PauseStatus;
  respond_url: string;
  expires_at: string;
  created_at: string;
  livemode: boolean;
}

export interface PauseDelivery {
  status: string;
  attempts: number;
  last_error: string | null;
  updated_at: string | null;
  sandbox_message: string | null;
}

/** One notification of a pause: the first, a reminder or an escalation step. */
export interface PauseNotification {
  /** 0 for the first, then 1, 2, … in the order they were sent. */
  notification: number;
  kind: NotificationKind;
  /** The escalation step (1–3), null for other kinds. */
  step: number | null;
  /** The reminder's number (1–5), null for other kinds. */
  reminder: number | null;
  channel: Channel;
  recipient: string;
  due_at: string;
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  updated_at: string | null;
}

export interface Pause {
  pause_id: string;
  status: PauseStatus;
  livemode: boolean;
  channel: Channel;
  recipient: string;
  message: string;
  options: string[];
  allow_text_response: boolean;
  timeout_default: string | null;
  metadata: Record<string, unknown> | null;
  created_at: string;
  expires_at: string;
  respond_url: string | null;
  response_choice: string | null;
  response_text: string | null;
  response_at: string | null;
  cancelled_at: string | null;
  delivery: PauseDelivery | null;
  /** The agent the create named; null when none. */
  agent_name: string | null;
  /** Every notification in due order; `delivery` repeats the first's facts. */
  deliveries: PauseNotification[];
}

export interface Page<T> {
  items: T[];
  limit: number;
  offset: number;
  has_more: boolean;
}

export interface ListPausesQuery {
  status?: PauseStatus;
  channel?: Channel;
  limit?: number;
  offset?: number;
}

export interface RegisterRequest {
  email: string;
  name: string;
  password: string;
}

export interface Registration {
  developer_id: string;
  api_key: string;
  test_api_key: string;
  plan: string;
  message: string;
}

export interface Session {
  developer_id: string;
  session_token: string;
  expires_at: string;
  plan: string;
}

export interface Me {
  developer_id: string;
  email: string;
  name: string;
  plan: string;
  api_key_prefix: string;
  test_api_key_prefix: string;
  api_key_created_at: string;
  test_api_key_created_at: string;
  usage: { period_start: string; period_end: string; pauses_used: number; pauses_limit: number | null };
  created_at: string;
}

export interface RotatedKey {
  key_type: Mode;
  api_key: string;
  api_key_prefix: string;
  rotated_at: string;
}

export interface MessageAnswer {
  message: string;
}

/** What `GET /v1/respond/{token}` shows the human. */
export interface ResponseRequest {
  pause_id: string;
  message: string;
  options: string[];
  allow_text_response: boolean;
  status: PauseStatus;
  expires_at: string;
  /** Who is asking: the developer's account name at the create, and the agent it named (or null). */
  requested_by: { account_name: string; agent_name: string | null };
  /** The option recorded if nobody answers before `expires_at`; null when none. */
  timeout_default: string | null;
}

export interface RecordedResponse {
  pause_id: string;
  status: 'responded';
  choice: string;
  response_at: string;
}

export interface CreateWebhookRequest {
  url: string;
  secret: string;
  events?: WebhookEventType[];
}

export interface Webhook {
  webhook_id: string;
  url: string;
  events: WebhookEventType[];
  created_at: string;
}

export interface WebhookDelivery {
  delivery_id: string;
  event_id: string;
  event: string;
  pause_id: string | null;
  attempt: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
  next_attempt_at: string | null;
  created_at: string;
}

export interface QueuedWebhookTest {
  delivery_id: string;
  event_id: string;
  event: 'webhook.test';
}

export interface NotificationAttempt {
  channel: Channel;
  attempt: number | null;
  status: string;
  provider_message_id: string | null;
  status_code: number | null;
  error: string | null;
  duration_ms: number | null;
  next_attempt_at: string | null;
  created_at: string;
  status_at: string | null;
}

export interface DeliveryTimeline {
  pause_id: string;
  notifications: NotificationAttempt[];
  webhook_deliveries: (WebhookDelivery & { webhook_id: string; url: string })[];
}

export interface AuditEntry {
  id: string;
  developer_id: string;
  pause_request_id: string | null;
  event_type: string;
  actor: string;
  detail: Record<string, unknown>;
  ip: string | null;
  created_at: string;
}

export interface AuditQuery {
  pause_id?: string;
  event_type?: string;
  from_date?: string;
  to_date?: string;
  limit?: number;
  offset?: number;
}

export interface AuditExportQuery {
  from_date: string;
  to_date: string;
  format?: 'ndjson' | 'csv';
  pause_id?: string;
  event_type?: string;
}

/** A streamed audit export: read `body` once (it is the network stream, not a buffered copy). */
export interface AuditExport {
  contentType: string;
  filename: string | null;
  body: ReadableStream<Uint8Array>;
}

export interface PauseStats {
  from_date: string;
  to_date: string;
  days: { date: string; created: number; pending: number; responded: number; timed_out: number; cancelled: number }[];
}

export interface Plan {
  plan: string;
  pauses_per_month: number | null;
  channels: Channel[];
  max_timeout_hours: number;
  sold: boolean;
}

export interface Subscription {
  plan: string;
  status: string | null;
  current_period_end: string | null;
  scheduled_change: string | null;
  scheduled_change_at: string | null;
  plan_ends_at: string | null;
  paddle_subscription_id: string | null;
  paddle_customer_id: string | null;
}

export interface Health {
  status: 'ok' | 'degraded';
  services: Record<string, 'ok' | 'down'>;
  instances?: Record<string, { ready: number; configured: number }>;
}
