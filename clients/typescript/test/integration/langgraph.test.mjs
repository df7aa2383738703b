import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { verifyWebhook } from '@pausepoint/client';
import { askHuman, pauseInterrupts, resumeFromWebhook, resumeWhenDecided } from '@pausepoint/client/langgraph';
import { answer, createReceiverWebhook, registerDeveloper, webhookReceiver } from './stack.mjs';

const State = Annotation.Root({ build: Annotation(), decision: Annotation(), deployed: Annotation() });

/** approve (asks the human) -> deploy (acts on the answer); `runs` counts each node's executions. */
function deployGraph(client, runs) {
  return new StateGraph(State)
    .addNode('approve', async (state) => {
      runs.approve++;
      const decision = await askHuman(client, {
        channel: 'sms',
        recipient: '+14155550100',
        message: `Deploy build ${state.build}?`,
        options: ['Deploy', 'Hold'],
        allow_text_response: true,
      });
      return { decision };
    })
    .addNode('deploy', async (state) => {
      runs.deploy++;
      return { deployed: state.decision.choice === 'Deploy' };
    })
    .addEdge(START, 'approve')
    .addEdge('approve', 'deploy')
    .addEdge('deploy', END)
    .compile({ checkpointer: new MemorySaver() });
}

test('LangGraph: the node interrupts with a pause; a wait resumes it with the human decision', async () => {
  const dev = await registerDeveloper();
  const runs = { approve: 0, deploy: 0 };
  const graph = deployGraph(dev.test, runs);
  const config = { configurable: { thread_id: `thread-${Date.now()}` } };

  const interrupted = await graph.invoke({ build: 42 }, config);
  const [pending] = pauseInterrupts(interrupted.__interrupt__);
  assert.ok(pending, 'the graph stopped at the PausePoint interrupt');
  assert.equal(runs.deploy, 0);
  const pause = await dev.test.getPause(pending.value.pause_id);
  assert.equal(pause.message, 'Deploy build 42?');
  assert.equal(pause.metadata.langgraph_thread_id, config.configurable.thread_id);

  await answer(dev, pending.value.respond_url, 'Deploy', 'go ahead');
  const finished = await graph.invoke(await resumeWhenDecided(dev.test, interrupted.__interrupt__, { timeoutMs: 30_000 }), config);
  assert.equal(finished.deployed, true);
  assert.equal(finished.decision.choice, 'Deploy');
  assert.equal(finished.decision.text, 'go ahead');
  assert.equal(runs.approve, 2, 'LangGraph re-runs the node on resume');
  assert.equal((await dev.test.listPauses()).items.length, 1, 'the re-run found the same pause instead of asking again');
});

let receiver;
before(async () => (receiver = await webhookReceiver()));
after(() => receiver?.close());

test('LangGraph: a verified pause.responded webhook resumes the thread named in the metadata', async () => {
  const dev = await registerDeveloper();
  const secret = 'langgraph-webhook-secret-01';
  await createReceiverWebhook(dev.test, receiver, secret, ['pause.responded']);
  const runs = { approve: 0, deploy: 0 };
  const graph = deployGraph(dev.test, runs);
  const threadId = `thread-${Date.now()}-webhook`;

  const interrupted = await graph.invoke({ build: 7 }, { configurable: { thread_id: threadId } });
  const [pending] = pauseInterrupts(interrupted.__interrupt__);
  await answer(dev, pending.value.respond_url, 'Hold');

  // The receiver's side: verify, find the thread from the metadata, resume it.
  const post = await receiver.next();
  const event = verifyWebhook(post.body, post.headers, secret);
  const config = { configurable: { thread_id: event.data.metadata.langgraph_thread_id } };
  assert.equal(config.configurable.thread_id, threadId);
  const snapshot = await graph.getState(config);
  const interrupts = snapshot.tasks.flatMap((task) => task.interrupts);
  const finished = await graph.invoke(resumeFromWebhook(event, interrupts), config);
  assert.equal(finished.deployed, false);
  assert.equal(finished.decision.choice, 'Hold');
  assert.equal(finished.decision.pause_id, pending.value.pause_id);
  assert.equal(runs.deploy, 1);
});
