// A finished search as the Tree and Node rows Arbor stores, with the same meaning as an imported
// answer file's: the exported path, ToolBench's finish type, the Finish arguments verbatim and the
// final answer read from them, and the statistics the tree list filters on.
import { columnsOfNodes, runChecks, type TreeChecks } from "../checks/step-checks";
import type { DfsdtResult } from "../generation/dfsdt";
import type { ReactResult } from "../generation/react";
import { toParsedNodes } from "../generation/answer-file";
import { buildSystemPrompt, buildTaskDescription } from "../generation/prompts";
import type { SolveTask } from "../generation/types";
import { parseFinishArguments } from "../toolbench/finish";
import { treeStats } from "../toolbench/tree-paths";
import type { ParsedNode, TreeStats } from "../toolbench/types";
import { costOf, type PriceTable } from "./cost";

export interface GeneratedTreeRecord {
  method: "dfsdt" | "react";
  methodLabel: string;
  validData: boolean;
  finishType: string | null;
  finalAnswerRaw: string;
  finalAnswer: string | null;
  queryCount: number;
  totalTokens: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  win: boolean;
  /** idx of the exported path's last node (ToolBench's choice), or null. */
  chosenNodeIdx: number | null;
  functions: unknown[];
  systemPrompt: string;
  forwardArgs: unknown;
  stats: TreeStats;
  nodes: ParsedNode[];
  /** The per-step checks of every node, and of the tree. */
  checks: TreeChecks;
}

export type SolveResult = { method: "dfsdt"; result: DfsdtResult } | { method: "react"; result: ReactResult };

function finalAnswerOf(raw: string): string | null {
  const parsed = parseFinishArguments(raw);
  return parsed.returnType === "give_answer" && parsed.finalAnswer !== undefined ? parsed.finalAnswer : null;
}

export function toGeneratedTree(solved: SolveResult, task: SolveTask, prices: PriceTable): GeneratedTreeRecord {
  const r = solved.result;
  const { nodes, idxById } = toParsedNodes(r.nodes);
  const a = r.answer;
  let finishType: string | null;
  if (solved.method === "dfsdt") finishType = solved.result.answer.finishType;
  else {
    // CoT files carry no finish type; as the importer does, it is derived from how the tries ended.
    const gaveUp = solved.result.tries.some((t) => r.nodes[t.endNodeId]?.observationCode === 4);
    finishType = a.validData ? "give_answer" : gaveUp ? "give_up" : null;
  }
  const finalAnswer = finalAnswerOf(a.finalAnswer);
  return {
    method: solved.method,
    methodLabel: r.methodLabel,
    validData: a.validData,
    finishType,
    finalAnswerRaw: a.finalAnswer,
    finalAnswer,
    queryCount: a.queryCount,
    totalTokens: a.totalTokens,
    promptTokens: a.promptTokens,
    completionTokens: a.completionTokens,
    costUsd: costOf(a, prices),
    win: r.win,
    chosenNodeIdx: r.chosenNodeId === null ? null : (idxById.get(r.chosenNodeId) ?? null),
    functions: task.functions,
    systemPrompt: buildSystemPrompt(buildTaskDescription(task.tools)),
    forwardArgs: r.forwardArgs,
    stats: treeStats(nodes),
    nodes,
    checks: runChecks({ nodes: columnsOfNodes(nodes), functions: task.functions, finalAnswer }),
  };
}
