// Trees Arbor grows itself: the conversations rebuilt from the stored nodes are the ones the engine
// recorded as it searched (its own diversity wording included).
import { describe, expect, it } from "vitest";
import { toParsedNodes } from "@/lib/core/generation/answer-file";
import { runDfsdt } from "@/lib/core/generation/dfsdt";
import { buildInitialMessages } from "@/lib/core/generation/prompts";
import type { SolveTask } from "@/lib/core/generation/types";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { call, echoExecutor, finish, giveUp, scriptedLlm, type ScriptedReply } from "@/lib/test/scripted-world";
import { TreeConversations } from "./conversation";
import type { ExportTree } from "./types";

const fn = (name: string): OpenAiFunction => ({ name, description: `This is the subfunction for tool "t", you can use this tool.`, parameters: { type: "object", properties: {}, required: [] } });
const task: SolveTask = { query: "Find the thing", functions: [fn("search_for_t"), fn("detail_for_t"), FINISH_FUNCTION], tools: [{ name: "t", description: "A tool" }] };

async function exported(script: readonly ScriptedReply[]) {
  const result = await runDfsdt(task, { llm: scriptedLlm(script), execute: echoExecutor() });
  const { nodes, idxById } = toParsedNodes(result.nodes);
  const tree: ExportTree = {
    id: 1, group: "I1", externalId: null, query: task.query, method: "dfsdt", methodLabel: result.methodLabel, model: "m",
    validData: result.answer.validData, finishType: result.answer.finishType, finalAnswerRaw: result.answer.finalAnswer, finalAnswer: null,
    queryCount: result.answer.queryCount, totalTokens: result.answer.totalTokens, win: result.win,
    chosenNodeIdx: result.chosenNodeId === null ? null : idxById.get(result.chosenNodeId)!, functions: task.functions,
    systemPrompt: buildInitialMessages(task)[0]!.content as string, forwardArgs: result.forwardArgs, sourceKind: "generated",
    reviewStatus: "unreviewed", relevantApis: [], sampledApis: [], nodes,
  };
  return { result, tree };
}

describe("conversations of generated trees", () => {
  it("match the engine's train_messages through give-ups, thought-only replies and hallucinated names", async () => {
    const { result, tree } = await exported([
      call("search_for_t", { q: "a" }),
      call("no_such_function", { x: 1 }, "Let me try this."),
      giveUp("Nothing works."),
      { content: "Thinking it over.", functionCall: null },
      call("detail_for_t", { id: 2 }),
      giveUp(),
      call("search_for_t", { q: "b" }, "Another query."),
      finish("Found b."),
    ]);
    expect(tree.chosenNodeIdx).not.toBeNull();
    const rebuilt = new TreeConversations(tree).trainMessages(tree.chosenNodeIdx!);
    expect(rebuilt).toEqual(result.answer.trainMessages);
    expect(rebuilt.flat().some((m) => m.role === "user" && "valid" in m)).toBe(true);
  });
});
