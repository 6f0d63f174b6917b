import { describe, expect, it } from "vitest";
import { readDataset } from "../../test/datasets";
import { parseToolBenchFile } from "../toolbench/parse";
import type { NodeType, ParsedTree } from "../toolbench/types";
import { CHECK_BIT, CHECK_KEYS, CHECKS, checksOf, type CheckKey } from "./definitions";
import { columnsOfNodes, explainChecks, runChecks, type CheckTreeInput } from "./step-checks";

function treeOf(rel: string): ParsedTree {
  const parsed = parseToolBenchFile(readDataset(rel), rel);
  if (!("trees" in parsed)) throw new Error(`${rel} holds no tree`);
  return parsed.trees[0]!;
}

const inputOf = (t: ParsedTree): CheckTreeInput => ({ nodes: columnsOfNodes(t.nodes), functions: t.functions, finalAnswer: t.finalAnswer, truncated: t.truncated });

/** idx → check keys, for the nodes with any. */
function flagged(t: ParsedTree): Record<number, CheckKey[]> {
  const { nodes } = runChecks(inputOf(t));
  const out: Record<number, CheckKey[]> = {};
  nodes.forEach((bits, idx) => {
    if (bits) out[idx] = checksOf(bits).map((c) => c.key);
  });
  return out;
}

describe("check definitions", () => {
  it("give every check its own stored bit, in a fixed order", () => {
    expect(CHECKS.map((c) => c.bit)).toEqual(CHECK_KEYS.map((_, i) => 1 << i));
    expect(CHECK_BIT).toMatchObject({ args_not_json: 1, api_error: 32, no_final_answer: 256, repeated_call: 512 });
    expect(checksOf(CHECK_BIT.api_error | CHECK_BIT.repeated_call).map((c) => c.key)).toEqual(["api_error", "repeated_call"]);
    expect(checksOf(0)).toEqual([]);
  });
});

describe("checks over the real answer files", () => {
  it("find nothing wrong in a clean DFSDT answer", () => {
    const t = treeOf("toolbench/answer/G1_answer/10_ChatGPT_DFS_woFilter_w2.json");
    expect(runChecks(inputOf(t)).tree).toBe(0);
  });

  it("mark the API error (code 11) on the call that got it", () => {
    const t = treeOf("toolbench/answer/G1_answer/57_ChatGPT_DFS_woFilter_w2.json");
    expect(flagged(t)).toEqual({ 4: ["api_error"] });
    expect(t.nodes[4]!.functionName).toBe("news_for_seo_api");
    expect(explainChecks(inputOf(t), 4)).toEqual([{ key: "api_error", message: expect.stringMatching(/^Observation code 11, error in response: /) }]);
  });

  it("mark hallucinated functions, calls repeated on their path and the missing final answer", () => {
    const t = treeOf("toolbench/answer/G1_answer/69_ChatGPT_DFS_woFilter_w2.json");
    const found = flagged(t);
    expect(found[0]).toEqual(["no_final_answer"]);
    // node 4 names a function the instruction does not offer; node 7 calls it again with the same arguments
    expect(t.nodes[4]!.text).toBe("authenticate_authentication_system");
    expect(found[4]).toEqual(["unknown_function"]);
    expect(found[7]).toEqual(["repeated_call"]);
    expect(explainChecks(inputOf(t), 7)[0]!.message).toBe(
      "The same call (authenticate_authentication_system with the same arguments) was already made at node 5, earlier on this path.",
    );
    expect(explainChecks(inputOf(t), 4)[0]!.message).toBe('"authenticate_authentication_system" is not among the 2 functions offered for this instruction.');
    // every Action whose call was refused as hallucinated (code 1) is marked
    for (const n of t.nodes) {
      if (n.type === "ActionInput" && n.observationCode === 1) expect(found[n.parentIdx!]).toContain("unknown_function");
    }
    const tree = runChecks(inputOf(t)).tree;
    expect(checksOf(tree).map((c) => c.key)).toEqual(["unknown_function", "no_final_answer", "repeated_call"]);
  });

  it("say nothing of arguments cut by ToolEval's converted format", () => {
    const parsed = parseToolBenchFile(readDataset("toolbench/tooleval_converted/gpt-3.5-turbo_CoT/G1_instruction.json"), "toolbench/tooleval_converted/gpt-3.5-turbo_CoT/G1_instruction.json");
    if (!("trees" in parsed)) throw new Error("expected trees");
    expect(parsed.trees.length).toBeGreaterThan(50);
    for (const t of parsed.trees) expect(runChecks(inputOf(t)).tree & (CHECK_BIT.args_not_json | CHECK_BIT.empty_final_answer)).toBe(0);
  });

  it("check a ReACT answer in the tool_calls format like a DFSDT one", () => {
    const t = treeOf("stabletoolbench/answer/virtual_chatgpt_cot/G1_instruction/588_CoT@1.json");
    expect(flagged(t)).toEqual({ 0: ["no_final_answer"] });
  });
});

// a hand-made tree: root → steps, each [thought?, Action, Action Input]
type Step = { thought?: string; fn: string; args: string; code?: number };
function handMade(paths: Step[][], finalAnswer: string | null = "done"): CheckTreeInput {
  const parentIdx: (number | null)[] = [null];
  const type: NodeType[] = ["ActionInput"];
  const text: string[] = [""];
  const functionName: (string | null)[] = [null];
  const observationCode: (number | null)[] = [null];
  const add = (parent: number, t: NodeType, s: string, fn: string | null, code: number | null) => {
    parentIdx.push(parent);
    type.push(t);
    text.push(s);
    functionName.push(fn);
    observationCode.push(code);
    return parentIdx.length - 1;
  };
  for (const path of paths) {
    let at = 0;
    for (const s of path) {
      if (s.thought !== undefined) at = add(at, "Thought", s.thought, null, null);
      at = add(at, "Action", s.fn, s.fn, null);
      at = add(at, "ActionInput", s.args, s.fn, s.code ?? 0);
    }
  }
  const fn = (name: string, properties: Record<string, string>, required: string[]) => ({
    name,
    parameters: { type: "object", properties: Object.fromEntries(Object.entries(properties).map(([k, t]) => [k, { type: t }])), required },
  });
  return {
    nodes: { parentIdx, type, text, functionName, observationCode },
    functions: [fn("search_for_x", { query: "string", limit: "integer" }, ["query"]), fn("Finish", { return_type: "string", final_answer: "string" }, ["return_type"])],
    finalAnswer,
  };
}

const keysAt = (input: CheckTreeInput, idx: number) => checksOf(runChecks(input).nodes[idx]!).map((c) => c.key);

describe("checks on hand-made steps", () => {
  it("hold arguments against the offered function's parameters", () => {
    const input = handMade([[{ fn: "search_for_x", args: '{"limit": "5", "lang": "en"}' }]]);
    expect(keysAt(input, 2)).toEqual(["missing_required", "unknown_parameter", "wrong_type"]);
    expect(explainChecks(input, 2).map((f) => f.message)).toEqual([
      'Required parameter "query" is missing.',
      '"limit" should be an integer, got string "5".',
      '"lang" is not a parameter of this function.',
    ]);
  });

  it("refuse arguments that are not a JSON object, and accept empty ones", () => {
    expect(keysAt(handMade([[{ fn: "search_for_x", args: "{'query': 'x'}" }]]), 2)).toEqual(["args_not_json"]);
    expect(explainChecks(handMade([[{ fn: "search_for_x", args: '["x"]' }]]), 2)[0]!.message).toBe("The arguments are an array, not a JSON object of named parameters.");
    expect(keysAt(handMade([[{ fn: "search_for_x", args: '{"query": "a\nb"}' }]]), 2)).toEqual([]);
    expect(keysAt(handMade([[{ fn: "search_for_x", args: "" }]]), 2)).toEqual(["missing_required"]);
  });

  it("mark functions that were not offered, API errors and empty thoughts", () => {
    const input = handMade([[{ thought: "  ", fn: "made_up", args: "{}", code: 1 }, { fn: "search_for_x", args: '{"query": "x"}', code: 6 }]]);
    expect(keysAt(input, 1)).toEqual(["empty_thought"]);
    expect(keysAt(input, 2)).toEqual(["unknown_function"]);
    expect(keysAt(input, 5)).toEqual(["api_error"]);
    expect(explainChecks(input, 5)[0]!.message).toMatch(/^Observation code 6, not working \(404\): /);
  });

  it("count a call as repeated only when the same call is earlier on its own path", () => {
    const same = { fn: "search_for_x", args: '{"query": "x", "limit": 2}' };
    const reordered = { fn: "search_for_x", args: '{ "limit": 2,"query": "x"}' };
    const input = handMade([[same, reordered], [same]]);
    expect(keysAt(input, 4)).toEqual(["repeated_call"]); // the arguments match once keys are sorted
    expect(keysAt(input, 6)).toEqual([]); // a sibling branch making the same first call is not a repeat
  });

  it("mark an answer that is missing or empty, and a tree without a final answer", () => {
    expect(keysAt(handMade([[{ fn: "Finish", args: '{"return_type": "give_answer", "final_answer": " "}', code: 3 }]]), 2)).toEqual(["empty_final_answer"]);
    expect(keysAt(handMade([[{ fn: "Finish", args: '{"return_type": "give_answer"}', code: 3 }]]), 2)).toEqual(["empty_final_answer"]);
    expect(keysAt(handMade([[{ fn: "Finish", args: '{"return_type": "give_up_and_restart"}', code: 4 }]], null), 2)).toEqual([]);
    expect(keysAt(handMade([], null), 0)).toEqual(["no_final_answer"]);
    expect(keysAt(handMade([], "An answer."), 0)).toEqual([]);
  });
});
