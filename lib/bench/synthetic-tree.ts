// A synthetic DFSDT answer file of a chosen size, shaped like ToolBench's (`tree` + `answer_generation`):
// each LLM call is an optional Thought, an Action and an Action Input with its observation; calls
// branch into alternative attempts, some fail (API errors, hallucinated names), some give up and
// restart (pruned), branches stop at a depth limit, and the search ends with a Finish give_answer,
// visited last. Deterministic for a seed, so benchmark runs compare.

/* eslint-disable @typescript-eslint/no-explicit-any -- answer files are built as raw JSON */

/** mulberry32: small, fast and good enough for shaping test data. */
function randomFrom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTIONS = ["search_for_bench_api", "details_for_bench_api", "reviews_for_bench_api", "prices_for_bench_api", "stock_for_bench_api"];
const WORDS = "phone case battery review price stock store delivery screen camera storage colour model release news offer".split(" ");
const MAX_STEP_DEPTH = 40;

const functionSchema = (name: string) => ({
  name,
  description: `This is the subfunction for tool "bench_api", you can use this tool.The description of this function is: "${name.split("_for_")[0]} things"`,
  parameters: {
    type: "object",
    properties: { query: { type: "string", description: "what to look for", example_value: "iPhone 14" }, page: { type: "integer", description: "result page", example_value: 1 } },
    required: ["query"],
    optional: ["page"],
  },
});

const FINISH = {
  name: "Finish",
  description: "If you believe that you have obtained a result that can answer the task, please call this function to provide the final answer.",
  parameters: {
    type: "object",
    properties: { return_type: { type: "string", enum: ["give_answer", "give_up_and_restart"] }, final_answer: { type: "string" } },
    required: ["return_type"],
  },
};

export interface SyntheticAnswer {
  json: any;
  nodes: number;
}

export function buildSyntheticAnswer(targetNodes: number, seed: number, query: string): SyntheticAnswer {
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  let count = 1;
  let visits = 0;
  let done = false;

  const node = (type: string, description: string, depth: number, extra: Record<string, unknown> = {}): any => ({
    is_terminal: false, pruned: false, finished: false, depth, node_type: type, description, Elo: 1000.0,
    child_count: 0, expand_num: 0, children: [], ...(type === "Action Input" ? { io_state: {} } : {}), ...extra,
  });
  const observation = () => {
    const items = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => `{'id': ${i + 1}, 'title': '${words(6)}', 'price': ${(random() * 900).toFixed(2)}, 'available': ${random() < 0.5 ? "True" : "False"}}`);
    const response = `{'results': [${items.join(", ")}], 'total': ${items.length}}`;
    const text = JSON.stringify({ error: "", response });
    return text.length > 1024 ? `${text.slice(0, 1024)}...` : text;
  };

  /** One LLM call under `parent`: Thought? → Action → Action Input; returns the Action Input. */
  const step = (parent: any, fn: string, args: string, outcome: { observation: string; code: number; pruned?: boolean }) => {
    let top = parent;
    if (random() < 0.7) {
      top = node("Thought", `Based on the previous results, I should ${words(8)}.`, parent.depth + 1);
      parent.children.push(top);
      count++;
    }
    const action = node("Action", fn, top.depth + 1);
    top.children.push(action);
    const input = node("Action Input", args, action.depth + 1, { observation: outcome.observation, observation_code: outcome.code, pruned: outcome.pruned ?? false, expand_num: ++visits });
    action.children.push(input);
    count += 2;
    return input;
  };

  const expand = (parent: any, stepDepth: number) => {
    const attempts = random() < 0.55 ? 2 : 1;
    for (let i = 0; i < attempts && !done; i++) {
      if (count + 3 >= targetNodes) {
        step(parent, "Finish", JSON.stringify({ return_type: "give_answer", final_answer: `Here is what I found: ${words(12)}.` }, null, 2), {
          observation: '{"response":"successfully giving the final answer."}',
          code: 3,
        });
        done = true;
        return;
      }
      const r = random();
      if (r < 0.08) {
        step(parent, "Finish", '{\n  "return_type": "give_up_and_restart"\n}', { observation: '{"response":"chose to give up and restart"}', code: 4, pruned: true });
        continue;
      }
      const fn = r < 0.1 ? `${pick(WORDS)}_lookup` : pick(FUNCTIONS);
      const code = r < 0.1 ? 1 : r < 0.16 ? pick([5, 6, 11]) : 0;
      const obs = code === 1 ? `{"error": "No such function name: ${fn}", "response": ""}` : code === 0 ? observation() : `{"error": "Message error...", "response": ""}`;
      const args = JSON.stringify({ query: words(3), ...(random() < 0.3 ? { page: 1 + Math.floor(random() * 4) } : {}) }, null, 2);
      const input = step(parent, fn, args, { observation: obs, code, pruned: stepDepth + 1 >= MAX_STEP_DEPTH });
      if (stepDepth + 1 < MAX_STEP_DEPTH) expand(input, stepDepth + 1);
    }
  };
  const root = node("Action Input", "", 0);
  // restarts from the root until the budget is spent, as DFSDT backs up to the root after give-ups
  while (!done) expand(root, 0);

  const fix = (n: any) => {
    n.child_count = n.children.length;
    n.children.forEach(fix);
  };
  fix(root);
  const finalAnswer = JSON.stringify({ return_type: "give_answer", final_answer: "Here is what I found." }, null, 2);
  const system = `You are AutoGPT, you can use many tools(functions) to do the following task.\nTask description: answer the user's question with the bench_api tool.\nYou have access of the following tools:\n1.bench_api: a synthetic API for benchmarks`;
  return {
    nodes: count,
    json: {
      win: true,
      tree: { size: count, max_length: MAX_STEP_DEPTH * 3, tree: root },
      forward_args: { tree_beam_size: 2, max_query_count: count, answer: 1, with_filter: false },
      compare_candidates: [],
      answer_generation: {
        valid_data: true,
        query_count: visits,
        total_tokens: visits * 1500,
        final_answer: finalAnswer,
        finish_type: "give_answer",
        function: [...FUNCTIONS.map(functionSchema), FINISH],
        chain: [],
        train_messages: [[{ role: "system", content: system }, { role: "user", content: `\n${query}\nBegin!\n` }]],
        query,
      },
    },
  };
}
