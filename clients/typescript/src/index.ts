export * from './client.js';
export * from './errors.js';
export * from './types.js';
export * from './webhook.js';
export * from './decision.js';
export * from './test-recipients.js';
