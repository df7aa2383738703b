/** The error envelope every PausePoint process answers with (docs/api-reference.md, Errors). */
export interface ErrorEnvelope {
  error: string;
  message: string;
  status_code: number;
  detail?: { field: string; issue: string }[];
  choice?: string;
  [key: string]: unknown;
}

export interface PausePointErrorInit {
  status: number;
  code: string;
  message: string;
  envelope: ErrorEnvelope | null;
  requestId: string | null;
  retryAfterMs: number | null;
}

/** Every non-2xx answer. Subclasses name the documented error codes; an unknown code is this class. */
export class PausePointError extends Error {
  readonly status: number;
  readonly code: string;
  readonly envelope: ErrorEnvelope | null;
  readonly requestId: string | null;
  readonly retryAfterMs: number | null;

  constructor(init: PausePointErrorInit) {
    super(init.message);
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.envelope = init.envelope;
    this.requestId = init.requestId;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** The request never got an answer: connection refused or reset, DNS failure, or the request timeout. */
export class PausePointConnectionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PausePointConnectionError';
  }
}

export class InvalidChannelError extends PausePointError {}
export class InvalidOptionsError extends PausePointError {}
export class InvalidChoiceError extends PausePointError {}
export class InvalidTokenError extends PausePointError {}
export class InvalidApiKeyError extends PausePointError {}
export class InvalidCredentialsError extends PausePointError {}
export class PlanLimitReachedError extends PausePointError {}
export class ChannelNotAllowedError extends PausePointError {}
export class KeyModeNotAllowedError extends PausePointError {}
export class PauseNotFoundError extends PausePointError {}
export class WebhookNotFoundError extends PausePointError {}
export class NotFoundError extends PausePointError {}
export class MethodNotAllowedError extends PausePointError {}
export class NotAcceptableError extends PausePointError {}
export class RequestTimeoutError extends PausePointError {}
export class AlreadyRespondedError extends PausePointError {}
export class AlreadyCancelledError extends PausePointError {}
export class AlreadyTimedOutError extends PausePointError {}
export class EmailTakenError extends PausePointError {}
export class IdempotencyConflictError extends PausePointError {}
export class TokenExpiredError extends PausePointError {}
export class PayloadTooLargeError extends PausePointError {}
export class UriTooLongError extends PausePointError {}
export class UnsupportedMediaTypeError extends PausePointError {}
export class RateLimitedError extends PausePointError {}
export class RequestHeadersTooLargeError extends PausePointError {}
export class InternalError extends PausePointError {}
export class BillingNotConfiguredError extends PausePointError {}
export class ServiceUnavailableError extends PausePointError {}

/** `VALIDATION_ERROR`: `detail` lists every failing field at once. */
export class ValidationError extends PausePointError {
  get detail(): { field: string; issue: string }[] {
    return Array.isArray(this.envelope?.detail) ? this.envelope.detail : [];
  }
}

/** `TOKEN_USED`: a response link already answered; `choice` is the answer that was recorded. */
export class TokenUsedError extends PausePointError {
  get choice(): string | null {
    return typeof this.envelope?.choice === 'string' ? this.envelope.choice : null;
  }
}

const errorClasses: Record<string, new (init: PausePointErrorInit) => PausePointError> = {
  INVALID_CHANNEL: InvalidChannelError,
  INVALID_OPTIONS: InvalidOptionsError,
  INVALID_CHOICE: InvalidChoiceError,
  INVALID_TOKEN: InvalidTokenError,
  INVALID_API_KEY: InvalidApiKeyError,
  INVALID_CREDENTIALS: InvalidCredentialsError,
  PLAN_LIMIT_REACHED: PlanLimitReachedError,
  CHANNEL_NOT_ALLOWED: ChannelNotAllowedError,
  KEY_MODE_NOT_ALLOWED: KeyModeNotAllowedError,
  PAUSE_NOT_FOUND: PauseNotFoundError,
  WEBHOOK_NOT_FOUND: WebhookNotFoundError,
  NOT_FOUND: NotFoundError,
  METHOD_NOT_ALLOWED: MethodNotAllowedError,
  NOT_ACCEPTABLE: NotAcceptableError,
  REQUEST_TIMEOUT: RequestTimeoutError,
  ALREADY_RESPONDED: AlreadyRespondedError,
  ALREADY_CANCELLED: AlreadyCancelledError,
  ALREADY_TIMED_OUT: AlreadyTimedOutError,
  EMAIL_TAKEN: EmailTakenError,
  IDEMPOTENCY_CONFLICT: IdempotencyConflictError,
  TOKEN_EXPIRED: TokenExpiredError,
  TOKEN_USED: TokenUsedError,
  PAYLOAD_TOO_LARGE: PayloadTooLargeError,
  URI_TOO_LONG: UriTooLongError,
  UNSUPPORTED_MEDIA_TYPE: UnsupportedMediaTypeError,
  VALIDATION_ERROR: ValidationError,
  RATE_LIMITED: RateLimitedError,
  REQUEST_HEADERS_TOO_LARGE: RequestHeadersTooLargeError,
  INTERNAL_ERROR: InternalError,
  BILLING_NOT_CONFIGURED: BillingNotConfiguredError,
  SERVICE_UNAVAILABLE: ServiceUnavailableError,
};

/**
 * Builds the error for a non-2xx answer. A body that is not our envelope (a proxy's page, say) still
 * gives a PausePointError, with code `HTTP_<status>`, so callers catch one hierarchy.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  requestId: string | null,
  retryAfterMs: number | null,
): PausePointError {
  let envelope: ErrorEnvelope | null = null;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed && typeof parsed === 'object' && typeof (parsed as ErrorEnvelope).error === 'string') {
      envelope = parsed as ErrorEnvelope;
    }
  } catch {
    // not JSON: handled below
  }
  const code = envelope?.error ?? `HTTP_${status}`;
  const message =
    typeof envelope?.message === 'string' ? envelope.message : `HTTP ${status}${bodyText ? `: ${bodyText.slice(0, 200)}` : ''}`;
  const ErrorClass = (envelope && Object.hasOwn(errorClasses, code) ? errorClasses[code] : undefined) ?? PausePointError;
  return new ErrorClass({ status, code, message, envelope, requestId, retryAfterMs });
}
