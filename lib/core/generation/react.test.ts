import { describe, expect, it } from "vitest";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { call, echoExecutor, finish, giveUp, scriptedLlm, type ScriptedReply } from "@/lib/test/scripted-world";
import { toCotAnswerFile } from "./answer-file";
import { runReact } from "./react";
import type { LlmOutput, SolveTask } from "./types";

const fn = (name: string): OpenAiFunction => ({ name, description: "", parameters: { type: "object", properties: {}, required: [] } });
const task: SolveTask = { query: "Find the thing", functions: [fn("search_for_t"), fn("detail_for_t"), FINISH_FUNCTION], tools: [{ name: "t", description: "A tool" }] };

async function run(script: readonly ScriptedReply[] | (() => Partial<LlmOutput>), limits = {}) {
  const llm = scriptedLlm(script);
  const result = await runReact(task, { llm, execute: echoExecutor() }, limits);
  return { result, llm };
}

describe("runReact", () => {
  it("runs one chain to an answer", async () => {
    const { result } = await run([call("search_for_t", { q: "a" }), { content: "Now I know." }, finish("It is a.")]);
    expect(result.nodes.map((n) => [n.type, n.depth])).toEqual([
      ["ActionInput", 0],
      ["Action", 1],
      ["ActionInput", 2],
      ["Thought", 3],
      ["Action", 4],
      ["ActionInput", 5],
    ]);
    expect(result.tries).toEqual([{ nodeIds: [1, 2, 3, 4, 5], endNodeId: 5, win: false, answered: true }]);
    expect(result).toMatchObject({ win: true, stopReason: "answer", chosenNodeId: 5, methodLabel: "CoT@1" });
    expect(result.answer).toMatchObject({ validData: true, queryCount: 3, finalAnswer: result.nodes[5]!.text });
    // One conversation per assistant step; the thought-only reply is a step of its own.
    expect(result.answer.trainMessages.map((c) => c.length)).toEqual([3, 5, 6]);
    // ReACT never visits nodes or marks them finished.
    expect(result.nodes.every((n) => n.expandNum === 0 && !n.finished)).toBe(true);
  });

  it("prunes a chain that gives up and starts the next try from the beginning", async () => {
    const { result, llm } = await run([call("search_for_t"), giveUp("No luck."), call("detail_for_t"), finish("found")], { tries: 3 });
    expect(result.tries.map((t) => [t.answered, t.win])).toEqual([
      [false, false],
      [true, false],
    ]);
    const firstEnd = result.nodes[result.tries[0]!.endNodeId]!;
    expect(firstEnd).toMatchObject({ observationCode: 4, pruned: true });
    expect(llm.requests[2]!.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(result.nodes.filter((n) => n.parentId === 0).map((n) => n.position)).toEqual([0, 1]);
    expect(result.methodLabel).toBe("CoT@3");
    expect(llm.requests).toHaveLength(4);
  });

  it("prunes a chain at the depth limit and reports no answer after N tries", async () => {
    const { result, llm } = await run(() => call("search_for_t"), { tries: 2, maxDepth: 4 });
    expect(llm.requests).toHaveLength(4);
    expect(result.tries.map((t) => result.nodes[t.endNodeId]!.depth)).toEqual([4, 4]);
    expect(result.tries.every((t) => result.nodes[t.endNodeId]!.pruned)).toBe(true);
    expect(result).toMatchObject({ win: false, stopReason: "exhausted", chosenNodeId: null });
    expect(result.answer).toMatchObject({ validData: false, finalAnswer: "", trainMessages: [] });
  });

  it("keeps a hallucinated call in the chain with code 1", async () => {
    const { result, llm } = await run([call("nope_for_t"), finish("done")]);
    expect(result.nodes[2]).toMatchObject({ observationCode: 1, pruned: false });
    expect(llm.requests[1]!.messages.at(-1)).toMatchObject({ role: "function", name: "invalid_hallucination_function_name" });
  });

  it("guards against a model that only sends empty replies", async () => {
    const { result, llm } = await run(() => ({}), { maxLlmCalls: 5 });
    expect(llm.requests).toHaveLength(5);
    expect(result.stopReason).toBe("budget");
    expect(result.nodes).toHaveLength(1);
  });

  it("writes a CoT answer file like ToolBench's", async () => {
    const { result } = await run([call("search_for_t", { q: "a" }), finish("It is a.")]);
    const file = toCotAnswerFile(result) as Record<string, unknown> & { trys: { chain: Record<string, unknown>[] }[] };
    expect(Object.keys(file)).toEqual(["win", "try_count", "trys", "compare_candidates", "forward_args", "answer_generation"]);
    expect(file.forward_args).toEqual({ single_chain_max_step: 12, pass_at: 1, answer: 1 });
    expect(file.trys[0]!.chain.map((n) => [n.node_type, n.child_count, "io_state" in n])).toEqual([
      ["Action", 1, false],
      ["Action Input", 1, true],
      ["Action", 1, false],
      ["Action Input", 0, true],
    ]);
    expect(file.trys[0]!.chain.every((n) => n.is_terminal === false && !("children" in n))).toBe(true);
  });
});
