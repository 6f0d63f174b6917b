import { describe, expect, it } from "vitest";
import { buildChosenPath, groupPathSteps, type PathNode } from "./path-steps";

const node = (idx: number, parentIdx: number | null, type: PathNode["type"], text: string, extra: Partial<PathNode> = {}): PathNode => ({
  idx,
  parentIdx,
  type,
  text,
  functionName: null,
  observation: null,
  observationCode: null,
  ...extra,
});

// The shape of toolbench/answer/G1_answer/57: root, a call, a second branch with a thought, Finish.
const tree: PathNode[] = [
  node(0, null, "ActionInput", ""),
  node(1, 0, "Action", "products_for_seo_api", { functionName: "products_for_seo_api" }),
  node(2, 1, "ActionInput", '{"query": "latest iPhone 14"}', { functionName: "products_for_seo_api", observation: '{"error": ""}', observationCode: 0 }),
  node(3, 2, "Action", "news_for_seo_api", { functionName: "news_for_seo_api" }),
  node(4, 3, "ActionInput", '{"query": "iPhone 14"}', { functionName: "news_for_seo_api", observation: '{"error": "Message error..."}', observationCode: 11 }),
  node(5, 4, "Thought", "abandoned branch"),
  node(6, 4, "Thought", "Try another search."),
  node(7, 6, "Action", "Finish", { functionName: "Finish" }),
  node(8, 7, "ActionInput", '{"return_type": "give_answer", "final_answer": "done"}', { functionName: "Finish", observation: '{"response":"successfully giving the final answer."}', observationCode: 3 }),
];

describe("buildChosenPath", () => {
  it("walks from the chosen node to the root and reads it root first, skipping the empty root", () => {
    const path = buildChosenPath(tree, 8);
    expect(path.complete).toBe(true);
    expect(path.nodeCount).toBe(8);
    expect(path.steps).toEqual([
      { functionName: "products_for_seo_api", arguments: '{"query": "latest iPhone 14"}', observation: '{"error": ""}', observationCode: 0, nodeIdxs: [1, 2] },
      { functionName: "news_for_seo_api", arguments: '{"query": "iPhone 14"}', observation: '{"error": "Message error..."}', observationCode: 11, nodeIdxs: [3, 4] },
      {
        thought: "Try another search.",
        functionName: "Finish",
        arguments: '{"return_type": "give_answer", "final_answer": "done"}',
        observation: '{"response":"successfully giving the final answer."}',
        observationCode: 3,
        nodeIdxs: [6, 7, 8],
      },
    ]);
  });

  it("accepts only the ancestors, in any order", () => {
    const ancestors = [tree[6]!, tree[0]!, tree[8]!, tree[2]!, tree[4]!, tree[7]!, tree[1]!, tree[3]!];
    expect(buildChosenPath(ancestors, 8).steps.map((s) => s.functionName)).toEqual(["products_for_seo_api", "news_for_seo_api", "Finish"]);
  });

  it("reports a path whose chain is broken as incomplete", () => {
    const broken = tree.filter((n) => n.idx !== 3);
    const path = buildChosenPath(broken, 8);
    expect(path.complete).toBe(false);
    expect(path.steps.map((s) => s.functionName)).toEqual(["news_for_seo_api", "Finish"]);
  });

  it("is empty and incomplete when the chosen node is missing", () => {
    expect(buildChosenPath(tree, 99)).toEqual({ steps: [], nodeCount: 0, complete: false });
  });
});

describe("groupPathSteps", () => {
  it("starts a new step for consecutive thoughts and for an Action Input without its Action", () => {
    const steps = groupPathSteps([
      node(0, null, "Thought", "first"),
      node(1, 0, "Thought", "second"),
      node(2, 1, "ActionInput", "{}", { functionName: "f_for_t", observationCode: 2 }),
      node(3, 2, "ActionInput", "{}", { functionName: "g_for_t" }),
    ]);
    expect(steps).toEqual([
      { thought: "first", nodeIdxs: [0] },
      { thought: "second", functionName: "f_for_t", arguments: "{}", observationCode: 2, nodeIdxs: [1, 2] },
      { functionName: "g_for_t", arguments: "{}", nodeIdxs: [3] },
    ]);
  });

  it("keeps a non-empty root (ReACT chains start with a real node)", () => {
    const steps = groupPathSteps([node(0, null, "Action", "search_for_x"), node(1, 0, "ActionInput", '{"q":1}', { observation: "ok", observationCode: 0 })]);
    expect(steps).toEqual([{ functionName: "search_for_x", arguments: '{"q":1}', observation: "ok", observationCode: 0, nodeIdxs: [0, 1] }]);
  });
});
