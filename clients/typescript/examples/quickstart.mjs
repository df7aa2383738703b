// Ask a human, wait for the answer.
//   PAUSEPOINT_URL=http://localhost:8080 PAUSEPOINT_API_KEY=pp_test_... node examples/quickstart.mjs
// With a test key nothing is sent: open the printed link to answer.
import { PausePoint } from '@pausepoint/client';

const client = new PausePoint(); // PAUSEPOINT_URL and PAUSEPOINT_API_KEY from the environment

const pause = await client.createPause({
  channel: 'sms',
  recipient: '+14155550100',
  message: 'Deploy build 42 to production?',
  options: ['Deploy', 'Hold'],
  timeout_hours: 2,
  timeout_default: 'Hold',
});
console.log(`Asked: ${pause.pause_id}. Answer at ${pause.respond_url}`);

const decided = await client.waitForDecision(pause.pause_id, { timeoutMs: 10 * 60_000 });
console.log(`Status: ${decided.status}, choice: ${decided.response_choice}`);
