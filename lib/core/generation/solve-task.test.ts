import { describe, expect, it } from "vitest";
import { readDatasetJson } from "@/lib/test/datasets";
import { call, echoExecutor, finish, scriptedLlm } from "@/lib/test/scripted-world";
import { toDfsAnswerFile, toParsedNodes } from "./answer-file";
import { runDfsdt } from "./dfsdt";
import type { CatalogApiRecord } from "./instructions/catalog";
import { buildSolveTask } from "./solve-task";

/* eslint-disable @typescript-eslint/no-explicit-any -- instruction files are read as raw JSON */

describe("buildSolveTask", () => {
  const instruction = readDatasetJson<any[]>("stabletoolbench/solvable_queries/test_instruction/G1_instruction.json").find((q) => q.query_id === 1073);
  const apis: CatalogApiRecord[] = instruction.api_list.map((a: any) => ({
    category: a.category_name,
    tool: a.tool_name,
    toolDescription: "Keyword research",
    name: a.api_name,
    description: a.api_description,
    requiredParameters: a.required_parameters,
    optionalParameters: a.optional_parameters,
  }));

  it("offers the instruction's APIs as the functions its answer file lists", () => {
    const answer = readDatasetJson<any>("stabletoolbench/answer/virtual_chatgpt_cot/G1_instruction/1073_CoT@1.json").answer_generation;
    const { task, apiByFunction } = buildSolveTask(instruction.query, apis);
    expect(task.functions).toEqual(answer.function);
    expect(task.tools).toEqual(apis.map(() => ({ name: "keyword_analysis", description: "Keyword research" })));
    expect(apiByFunction.get("querykeywords_for_keyword_analysis")?.name).toBe("QueryKeywords");
    expect(apiByFunction.has("Finish")).toBe(false);
  });
});

describe("toParsedNodes and toDfsAnswerFile", () => {
  it("number nodes in pre-order with their parent, function and the call that made them", async () => {
    const task = { query: "q", functions: [{ name: "search_for_t", description: "", parameters: { type: "object" as const, properties: {}, required: [] } }], tools: [] };
    const result = await runDfsdt(task, { llm: scriptedLlm([call("search_for_t", {}, "Look."), finish("x")]), execute: echoExecutor() });
    const { nodes, idxById } = toParsedNodes(result.nodes);
    expect(nodes.map((n) => [n.idx, n.parentIdx, n.type, n.functionName ?? null, n.meta?.expansion])).toEqual([
      [0, null, "ActionInput", null, 0],
      [1, 0, "Thought", null, 1],
      [2, 1, "Action", "search_for_t", 1],
      [3, 2, "ActionInput", "search_for_t", 1],
      [4, 3, "Action", "Finish", 2],
      [5, 4, "ActionInput", "Finish", 2],
    ]);
    expect(nodes[5]).toMatchObject({ isTerminal: true, observationCode: 3, meta: { expansion: 2, usage: { totalTokens: 15 } } });
    expect(idxById.get(result.chosenNodeId!)).toBe(5);

    const file = toDfsAnswerFile(result) as any;
    expect(file.tree.size).toBe(6);
    expect(file.tree.max_length).toBe(6);
    expect(Object.keys(file.tree.tree)).toEqual(["is_terminal", "pruned", "finished", "depth", "node_type", "description", "Elo", "child_count", "expand_num", "io_state", "children"]);
    const answer = file.tree.tree.children[0].children[0].children[0].children[0].children[0];
    expect(answer).toMatchObject({ is_terminal: false, node_type: "Action Input", observation_code: 3, expand_num: 2, io_state: {} });
    expect(file.compare_candidates).toHaveLength(1);
    expect(file.compare_candidates[0].map((n: any) => n.node_type)).toEqual(["Thought", "Action", "Action Input", "Action", "Action Input"]);
    expect(Object.keys(file.answer_generation)).toEqual(["valid_data", "query_count", "total_tokens", "final_answer", "finish_type", "function", "chain", "train_messages", "query"]);
  });
});
