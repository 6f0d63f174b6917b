// A tree Arbor grows itself (the DFSDT engine against a scripted model), as an export reads it.
import type { ExportTree } from "@/lib/core/export/types";
import { toParsedNodes } from "@/lib/core/generation/answer-file";
import { runDfsdt } from "@/lib/core/generation/dfsdt";
import { buildInitialMessages } from "@/lib/core/generation/prompts";
import type { SolveTask } from "@/lib/core/generation/types";
import { FINISH_FUNCTION, type OpenAiFunction } from "@/lib/core/toolbench/openai-function";
import { call, echoExecutor, finish, giveUp, scriptedLlm, type ScriptedReply } from "./scripted-world";

const fn = (name: string): OpenAiFunction => ({ name, description: `This is the subfunction for tool "t", you can use this tool.`, parameters: { type: "object", properties: {}, required: [] } });
const task: SolveTask = { query: "Find the thing", functions: [fn("search_for_t"), fn("detail_for_t"), FINISH_FUNCTION], tools: [{ name: "t", description: "A tool" }] };

/** A search with give-ups, a thought-only reply, a hallucinated name and the engine's own diversity wording. */
export const BRANCHING_SCRIPT: readonly ScriptedReply[] = [
  call("search_for_t", { q: "a" }),
  call("no_such_function", { x: 1 }, "Let me try this."),
  giveUp("Nothing works."),
  { content: "Thinking it over.", functionCall: null },
  call("detail_for_t", { id: 2 }),
  giveUp(),
  call("search_for_t", { q: "b" }, "Another query."),
  finish("Found b."),
];

/** The engine's result for the script, and the tree its nodes make. */
export async function generatedExportTree(script: readonly ScriptedReply[], id = 1) {
  const result = await runDfsdt(task, { llm: scriptedLlm(script), execute: echoExecutor() });
  const { nodes, idxById } = toParsedNodes(result.nodes);
  const tree: ExportTree = {
    id, group: "I1", externalId: null, query: task.query, method: "dfsdt", methodLabel: result.methodLabel, model: "m",
    validData: result.answer.validData, finishType: result.answer.finishType, finalAnswerRaw: result.answer.finalAnswer, finalAnswer: null,
    queryCount: result.answer.queryCount, totalTokens: result.answer.totalTokens, win: result.win,
    chosenNodeIdx: result.chosenNodeId === null ? null : idxById.get(result.chosenNodeId)!, functions: task.functions,
    systemPrompt: buildInitialMessages(task)[0]!.content as string, forwardArgs: result.forwardArgs, sourceKind: "generated",
    reviewStatus: "unreviewed", relevantApis: [], sampledApis: [], nodes,
  };
  return { result, tree };
}
