import type { Channel } from './types.js';

// The documented test recipients (docs/testing.md): in test mode they answer, time out or fail by
// themselves, so every branch of an approval flow runs in CI without a human. A live key treats them as
// ordinary recipients.

/** A channel and recipient to spread into a create or an escalation step. */
export interface TestRecipient {
  channel: Channel;
  recipient: string;
}

export interface DelayOptions {
  /** 1–3600 whole seconds; default 2 to answer, 5 to time out. */
  afterSeconds?: number;
}

export const TEST_EMAIL_DOMAIN = 'test.pausepoint.dev';
export const TEST_SLACK_PREFIX = 'https://hooks.slack.com/services/PAUSEPOINT/TEST/';

function option(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new RangeError(`a test recipient chooses option 1 to 5, not ${n}`);
  return n;
}

function delayed(verb: string, options: DelayOptions): string {
  const seconds = options.afterSeconds;
  if (seconds === undefined) return verb;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new RangeError(`a test recipient's delay is 1 to 3600 whole seconds, not ${seconds}`);
  }
  return `${verb}-after-${seconds}`;
}

function verbs(channel: Channel, address: (verb: string) => string) {
  const at = (verb: string): TestRecipient => ({ channel, recipient: address(verb) });
  return {
    /** Answers with option `n` (1-based) after 2 s, or `afterSeconds`. */
    choose: (n: number, options: DelayOptions = {}) => at(delayed(`choose-${option(n)}`, options)),
    /** Makes the pause time out after 5 s, or `afterSeconds`. */
    timeout: (options: DelayOptions = {}) => at(delayed('timeout', options)),
    /** Delivery fails: the pause shows `delivery.status` `failed`. */
    fail: () => at('fail'),
  };
}

/**
 * ```ts
 * await client.createPause({ ...testRecipients.sms.choose(2), message: 'Deploy?', options: ['Approve', 'Reject'] });
 * testRecipients.email.choose(2, { afterSeconds: 30 }).recipient; // 'choose-2-after-30@test.pausepoint.dev'
 * ```
 * Arguments are checked here (a `RangeError`); that `n` is within the pause's options is the server's rule.
 */
export const testRecipients = {
  /** Answers 2 s after the create (times out after 5 s); SMS takes no other delay. */
  sms: {
    choose: (n: number): TestRecipient => ({ channel: 'sms', recipient: `+1500555000${option(n)}` }),
    timeout: (): TestRecipient => ({ channel: 'sms', recipient: '+15005550009' }),
    fail: (): TestRecipient => ({ channel: 'sms', recipient: '+15005550008' }),
  },
  email: verbs('email', (verb) => `${verb}@${TEST_EMAIL_DOMAIN}`),
  slack: verbs('slack', (verb) => `${TEST_SLACK_PREFIX}${verb}`),
} as const;
