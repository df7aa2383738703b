// LangGraph.js: a node asks a human through PausePoint, the graph interrupts, and resumes with the decision.
//   PAUSEPOINT_URL=http://localhost:8080 PAUSEPOINT_API_KEY=pp_test_... node examples/langgraph.mjs
import { Annotation, END, MemorySaver, START, StateGraph } from '@langchain/langgraph';
import { PausePoint } from '@pausepoint/client';
import { askHuman, pauseInterrupts, resumeWhenDecided } from '@pausepoint/client/langgraph';

const client = new PausePoint();
const State = Annotation.Root({ build: Annotation(), decision: Annotation(), deployed: Annotation() });

const graph = new StateGraph(State)
  .addNode('approve', async (state) => ({
    decision: await askHuman(client, {
      channel: 'sms',
      recipient: '+14155550100',
      message: `Deploy build ${state.build}?`,
      options: ['Deploy', 'Hold'],
    }),
  }))
  .addNode('deploy', async (state) => ({ deployed: state.decision.choice === 'Deploy' }))
  .addEdge(START, 'approve')
  .addEdge('approve', 'deploy')
  .addEdge('deploy', END)
  .compile({ checkpointer: new MemorySaver() }); // interrupts need a checkpointer

const config = { configurable: { thread_id: `deploy-${Date.now()}` } };
const interrupted = await graph.invoke({ build: 42 }, config);
for (const { value } of pauseInterrupts(interrupted)) {
  console.log(`Asked ${value.pause_id}. Answer at ${value.respond_url}`);
}

// Here the process waits; a webhook receiver would call resumeFromWebhook(event) instead.
const finished = await graph.invoke(await resumeWhenDecided(client, interrupted), config);
console.log(`Decision: ${finished.decision.choice}; deployed: ${finished.deployed}`);
